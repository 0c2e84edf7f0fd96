import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { demandKind, enterpriseKind, notFound, type DemandCommand } from '@sme/domain';
import { EVENT_STORE, type EventStore } from '@sme/event-store';
import { foldView, listDemands, projectDemand, projectEnterprise, toPublicView } from '@sme/read-models';
import { CommandExecutor, toResponse, type CommandResult } from '../commands/command-executor';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { demandReadForbidden, mayReadDemand, scopeDemandFilter } from './demand-access';
import { ExecuteDemandCommand, GetDemandQuery, ListDemandsQuery } from './demand.messages';

const demandNotFound = () => notFound('DEMAND_NOT_FOUND', '服务需求不存在', 'The demand does not exist');

@CommandHandler(ExecuteDemandCommand)
export class ExecuteDemandHandler implements ICommandHandler<ExecuteDemandCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ command, ctx }: ExecuteDemandCommand): Promise<CommandResult> {
    const { demandId } = command.data;
    let full: Omit<DemandCommand, 'metadata'>;
    if (command.type === 'RaiseDemand') {
      // The USCC (whose the demand is) and the district (who takes it up, where it is escalated) come from the enterprise's record.
      const enterprise = foldView(projectEnterprise, await this.store.readStream(enterpriseKind.streamId(command.data.enterpriseId)));
      if (!enterprise) throw notFound('ENTERPRISE_NOT_FOUND', '企业不存在', 'The enterprise does not exist');
      full = { type: 'RaiseDemand', data: { ...command.data, enterpriseUscc: enterprise.uscc, enterpriseRegionCode: enterprise.regionCode } };
    } else {
      full = command;
    }
    return toResponse(
      await this.executor.execute({
        id: demandId,
        kind: demandKind,
        command: full,
        ctx,
      }),
    );
  }
}

@QueryHandler(GetDemandQuery)
export class GetDemandHandler implements IQueryHandler<GetDemandQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ demandId, actor }: GetDemandQuery) {
    const view = foldView(projectDemand, await this.store.readStream(demandKind.streamId(demandId)));
    if (!view) throw demandNotFound();
    if (!mayReadDemand(actor, view)) throw demandReadForbidden();
    return toPublicView(view);
  }
}

@QueryHandler(ListDemandsQuery)
export class ListDemandsHandler implements IQueryHandler<ListDemandsQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, sort, page, actor }: ListDemandsQuery) {
    const scoped = scopeDemandFilter(actor, filter);
    return listResult(() => listDemands(this.readSide.reader, scoped, sort, page));
  }
}
