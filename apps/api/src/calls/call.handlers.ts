import { CommandHandler, ICommandHandler, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CALL_EVENT_SCHEMA_VERSIONS, callDecider, callKind, notFound } from '@sme/domain';
import { toPublicView } from '@sme/read-models';
import { CommandExecutor, toResponse, type CommandResult } from '../commands/command-executor';
import { RecordLoader } from '../records/record-loader';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { StationDesignation } from '../stations/station-designation';
import {
  ExecuteCallCommand,
  GetCallQuery,
  ListCallsQuery,
  PublishCallListCommand,
  type CallDetailsResponse,
} from './call.messages';

@CommandHandler(ExecuteCallCommand)
export class ExecuteCallHandler implements ICommandHandler<ExecuteCallCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly records: RecordLoader,
  ) {}

  private async documentNumberOf(callId: string): Promise<string> {
    return (await this.records.call(callId)).documentNumber;
  }

  async execute({ command, ctx }: ExecuteCallCommand): Promise<CommandResult> {
    const callId = command.data.callId;
    const legalBasis = command.type === 'OpenCall' ? command.data.documentNumber : (await this.documentNumberOf(callId));
    return toResponse(
      await this.executor.execute({
        id: callId,
        kind: callKind,
        command,
        ctx,
        legalBasis,
      }),
    );
  }
}

@CommandHandler(PublishCallListCommand)
export class PublishCallListHandler implements ICommandHandler<PublishCallListCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly records: RecordLoader,
    private readonly designation: StationDesignation,
  ) {}

  async execute({ callId, ctx }: PublishCallListCommand): Promise<CommandResult> {
    const call = await this.records.call(callId);
    const entries = await this.designation.approvedEntries(callId);
    const result = await this.executor.execute({
      id: callId,
      kind: { streamId: () => `call-${callId}`, decider: callDecider, schemaVersions: CALL_EVENT_SCHEMA_VERSIONS },
      command: { type: 'PublishList', data: { callId, entries } },
      ctx,
      legalBasis: call.documentNumber,
    });
    const published = result.recorded.find((e) => e.type === 'CallListPublished');
    if (published) await this.designation.complete(published, ctx);
    return toResponse(result);
  }
}

@QueryHandler(GetCallQuery)
export class GetCallHandler implements IQueryHandler<GetCallQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ callId }: GetCallQuery): Promise<CallDetailsResponse> {
    await this.readSide.caughtUp();
    const { reader } = this.readSide;
    const call = await reader.call(callId);
    if (!call) throw notFound('CALL_NOT_FOUND', '征集批次不存在', 'The call does not exist');
    const [applications, stations] = await Promise.all([reader.applications({ callId }), reader.stations({ callId })]);
    const applicationsByStage: CallDetailsResponse['applicationsByStage'] = {};
    for (const a of applications) applicationsByStage[a.stage] = (applicationsByStage[a.stage] ?? 0) + 1;
    return {
      ...toPublicView(call),
      applicationsByStage,
      progress: {
        target: call.targetStationCount,
        designated: stations.length,
        activeStations: stations.filter((s) => s.status === 'ACTIVE').length,
      },
    };
  }
}

@QueryHandler(ListCallsQuery)
export class ListCallsHandler implements IQueryHandler<ListCallsQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, sort, page }: ListCallsQuery) {
    await this.readSide.caughtUp();
    const { reader } = this.readSide;
    const result = await listResult(() => reader.listCalls(filter, sort, page));
    // Each call with how many of its applications stand at each stage.
    const applications = await reader.applications({ callIds: result.items.map((c) => c.id) });
    const counts = new Map<string, CallDetailsResponse['applicationsByStage']>();
    for (const a of applications) {
      const byStage = counts.get(a.callId) ?? {};
      byStage[a.stage] = (byStage[a.stage] ?? 0) + 1;
      counts.set(a.callId, byStage);
    }
    return { ...result, items: result.items.map((c) => ({ ...c, applicationsByStage: counts.get(c.id) ?? {} })) };
  }
}
