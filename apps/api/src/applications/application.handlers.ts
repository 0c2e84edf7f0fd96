import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  applicationKind,
  DomainError,
  isWithinRegion,
  notFound,
  type ApplicationCommand,
  type PanelCandidate,
} from '@sme/domain';
import { panelCandidateOf } from '@sme/domain/expert/expert.panel';
import { EVENT_STORE, type EventStore } from '@sme/event-store';
import { foldView, projectApplication, toPublicView } from '@sme/read-models';
import { CommandExecutor, toResponse, type CommandResult } from '../commands/command-executor';
import { RecordLoader } from '../records/record-loader';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { applicationReadForbidden, mayRead, scopeFilter } from './application-access';
import { ExecuteApplicationCommand, GetApplicationQuery, ListApplicationsQuery } from './application.messages';

const NEEDS_CALL = new Set(['CreateApplication', 'SubmitApplication', 'ReviewByDistrict']);

@CommandHandler(ExecuteApplicationCommand)
export class ExecuteApplicationHandler implements ICommandHandler<ExecuteApplicationCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly records: RecordLoader,
  ) {}

  async execute({ command, ctx }: ExecuteApplicationCommand): Promise<CommandResult> {
    const { applicationId } = command.data;
    const callId = command.type === 'CreateApplication' ? command.data.callId : await this.callIdOf(applicationId);
    const call = await this.records.callSnapshot(callId);
    const { callId: _callId, ...rest } = command.data as typeof command.data & { callId?: string };
    let data: object = NEEDS_CALL.has(command.type) ? { ...rest, call } : rest;
    if (command.type === 'FormExpertPanel') data = { ...rest, experts: await this.panelCandidates(command.data.experts, ctx.occurredAt) };
    try {
      return toResponse(
        await this.executor.execute({
          id: applicationId,
          kind: applicationKind,
          command: { type: command.type, data } as Omit<ApplicationCommand, 'metadata'>,
          ctx,
          legalBasis: call.documentNumber,
        }),
      );
    } catch (error) {
      // The request nests the material under `material`; the command carries it flat.
      if (command.type === 'AttachMaterial' && error instanceof DomainError && error.field && !error.field.startsWith('call.')) {
        throw new DomainError(error.code, error.kind, error.messageZh, error.messageEn, `material.${error.field}`);
      }
      throw error;
    }
  }

  /**
   * Each proposed expert as the expert registry has them at the panel's business time (name,
   * organisation then, availability then); what the request says of them is not used.
   */
  private panelCandidates(experts: readonly Pick<PanelCandidate, 'expertId'>[], at: Date): Promise<PanelCandidate[]> {
    return Promise.all(
      (Array.isArray(experts) ? experts : []).map(async ({ expertId }) =>
        typeof expertId === 'string' && expertId.trim() !== '' ? panelCandidateOf(expertId.trim(), await this.records.expert(expertId.trim()), at) : { expertId },
      ),
    );
  }

  private callIdOf(applicationId: string): Promise<string> {
    return this.records.callIdOf(applicationKind.streamId(applicationId), () =>
      notFound('APPLICATION_NOT_FOUND', '申请不存在', 'The application does not exist'),
    );
  }
}

@QueryHandler(GetApplicationQuery)
export class GetApplicationHandler implements IQueryHandler<GetApplicationQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ applicationId, actor }: GetApplicationQuery) {
    const view = foldView(projectApplication, await this.store.readStream(applicationKind.streamId(applicationId)));
    if (!view) throw notFound('APPLICATION_NOT_FOUND', '申请不存在', 'The application does not exist');
    if (!mayRead(actor, view)) throw applicationReadForbidden();
    return toPublicView(view);
  }
}

@QueryHandler(ListApplicationsQuery)
export class ListApplicationsHandler implements IQueryHandler<ListApplicationsQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, sort, page, actor }: ListApplicationsQuery) {
    const { reader } = this.readSide;
    const callsWithin = async (regionCode: string) =>
      (await reader.calls({})).filter((call) => isWithinRegion(call.cityCode, regionCode)).map((call) => call.id);
    const scoped = await scopeFilter(actor, filter, callsWithin);
    return listResult(() => reader.listApplications(scoped, sort, page));
  }
}
