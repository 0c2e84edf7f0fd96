import { CommandHandler, ICommandHandler, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { callKind, type ListEntryInput, recordNotFound } from '@sme/domain';
import { toPublicView, type ReadModelReader } from '@sme/read-models';
import { CommandExecutor, toResponse, type CommandResult } from '../commands/command-executor';
import { RecordLoader } from '../records/record-loader';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { Reactors } from '../reactors/reactors.service';
import { stationIdFor } from '../reactors/station-designation.reaction';
import {
  GetCallQuery,
  ListCallsQuery,
  PublishCallListCommand,
  type CallDetailsResponse,
} from './call.messages';

@CommandHandler(PublishCallListCommand)
export class PublishCallListHandler implements ICommandHandler<PublishCallListCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly records: RecordLoader,
    private readonly readSide: ReadSide,
    private readonly reactors: Reactors,
  ) {}

  /**
   * Writes the list to the call's stream only. The stations follow from it (StationDesignationReaction);
   * the answer waits, bounded, until they are written, so the caller reads them next.
   */
  async execute({ callId, ctx }: PublishCallListCommand): Promise<CommandResult> {
    const call = await this.records.call(callId);
    const entries = await this.approvedEntries(callId);
    const result = await this.executor.execute({
      kind: callKind,
      id: callId,
      command: { type: 'PublishList', data: { callId, entries } },
      ctx,
      legalBasis: call.documentNumber,
    });
    if (result.position !== null) await this.reactors.settled(BigInt(result.position), undefined, result.recorded);
    return toResponse(result);
  }

  /**
   * The call's applications that stand APPROVED, confirmed on their own streams. The read side must
   * be current: a list published from a lagging view would miss a station.
   */
  private async approvedEntries(callId: string): Promise<ListEntryInput[]> {
    await this.readSide.requireCurrent(['applications']);
    const entries: ListEntryInput[] = [];
    for (const candidate of await this.readSide.reader.applications({ callId, stage: 'APPROVED' })) {
      const application = await this.records.application(candidate.id);
      if (application?.stage !== 'APPROVED') continue;
      entries.push({
        applicationId: application.id,
        stationId: stationIdFor(application.id),
        districtCode: application.districtCode,
        stationName: application.stationName,
      });
    }
    return entries;
  }
}

@QueryHandler(GetCallQuery)
export class GetCallHandler implements IQueryHandler<GetCallQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ callId, actor, when }: GetCallQuery): Promise<CallDetailsResponse> {
    return this.readSide.at(when, actor, (reader) => this.details(reader, callId));
  }

  private async details(reader: ReadModelReader, callId: string): Promise<CallDetailsResponse> {
    const call = await reader.call(callId);
    if (!call) throw recordNotFound(callKind.label);
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

  async execute({ filter, sort, page, when, actor }: ListCallsQuery) {
    return this.readSide.at(when, actor, (reader) => this.list(reader, filter, sort, page));
  }

  private async list(reader: ReadModelReader, filter: ListCallsQuery['filter'], sort: string | undefined, page: ListCallsQuery['page']) {
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
