import { Query } from '@nestjs/cqrs';
import type { Actor, DemandCommand, RaiseDemand } from '@sme/domain';
import type { DemandListFilter, PageRequest } from '@sme/read-models';
import type { CommandBody } from '../commands/command-body';

/** A raise as the controller builds it: the enterprise's USCC and district come from its record. */
export type RaiseDemandBody = { type: 'RaiseDemand'; data: Omit<RaiseDemand['data'], 'enterpriseUscc' | 'enterpriseRegionCode'> };
export type DemandCommandBody = RaiseDemandBody | CommandBody<Exclude<DemandCommand, RaiseDemand>>;

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
