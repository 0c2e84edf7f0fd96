import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { expertKind, isAvailableForPanel, notFound, type ExpertCommand } from '@sme/domain';
import { EVENT_STORE, type EventStore } from '@sme/event-store';
import { foldView, toPublicView } from '@sme/read-models';
import { projectExpert } from '@sme/read-models/expert.projection';
import { listExperts } from '@sme/read-models/queries/expert-list';
import { CommandExecutor, toResponse, type CommandResult } from '../commands/command-executor';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { RecordLoader } from '../records/record-loader';
import { expertReadForbidden, mayReadExpert, scopeExpertFilter } from './expert-access';
import { ExecuteExpertCommand, GetExpertQuery, ListExpertsQuery } from './expert.messages';

const expertNotFound = () => notFound('EXPERT_NOT_FOUND', '专家不存在', 'The expert does not exist');

@CommandHandler(ExecuteExpertCommand)
export class ExecuteExpertHandler implements ICommandHandler<ExecuteExpertCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ command, ctx }: ExecuteExpertCommand): Promise<CommandResult> {
    const { expertId } = command.data;
    return toResponse(await this.executor.execute({ id: expertId, kind: expertKind, command: command as Omit<ExpertCommand, 'metadata'>, ctx }));
  }
}

@QueryHandler(GetExpertQuery)
export class GetExpertHandler implements IQueryHandler<GetExpertQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly records: RecordLoader,
  ) {}

  async execute({ expertId, actor }: GetExpertQuery) {
    const view = foldView(projectExpert, await this.store.readStream(expertKind.streamId(expertId)));
    if (!view) throw expertNotFound();
    if (!mayReadExpert(actor, view)) throw expertReadForbidden();
    const now = new Date();
    return { ...toPublicView(view), availableForPanel: isAvailableForPanel(await this.records.expert(expertId), now) };
  }
}

@QueryHandler(ListExpertsQuery)
export class ListExpertsHandler implements IQueryHandler<ListExpertsQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, sort, page, actor }: ListExpertsQuery) {
    const scoped = { ...scopeExpertFilter(actor, filter), at: new Date().toISOString() };
    return listResult(() => listExperts(this.readSide.reader, scoped, sort, page));
  }
}
