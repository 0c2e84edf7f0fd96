import { Command, Query } from '@nestjs/cqrs';
import type { Actor, DemandCommand, RaiseDemand } from '@sme/domain';
import type { DemandListFilter, PageRequest } from '@sme/read-models';
import type { CommandBody } from '../commands/command-body';
import type { CommandResult } from '../commands/command-executor';
import type { RequestContext } from '../commands/request-context';

/** A raise as the controller builds it: the enterprise's USCC and district come from its record. */
export type RaiseDemandBody = { type: 'RaiseDemand'; data: Omit<RaiseDemand['data'], 'enterpriseUscc' | 'enterpriseRegionCode'> };
export type DemandCommandBody = RaiseDemandBody | CommandBody<Exclude<DemandCommand, RaiseDemand>>;

export class ExecuteDemandCommand extends Command<CommandResult> {
  constructor(
    readonly command: DemandCommandBody,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

export class GetDemandQuery extends Query<unknown> {
  constructor(
    readonly demandId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

export class ListDemandsQuery extends Query<unknown> {
  constructor(
    readonly filter: DemandListFilter,
    readonly sort: string | undefined,
    readonly page: PageRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}
