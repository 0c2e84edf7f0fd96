import type { DemandCommand, RaiseDemand } from '@sme/domain';
import type { DemandListFilter, DemandView } from '@sme/read-models';
import type { CommandBody } from '../commands/command-body';
import { ActorListQuery } from '../read-side/list-query';

/** A raise as the controller builds it: the enterprise's USCC and district come from its record. */
export type RaiseDemandBody = { type: 'RaiseDemand'; data: Omit<RaiseDemand['data'], 'enterpriseUscc' | 'enterpriseRegionCode'> };
export type DemandCommandBody = RaiseDemandBody | CommandBody<Exclude<DemandCommand, RaiseDemand>>;

export class ListDemandsQuery extends ActorListQuery<DemandListFilter, DemandView> {}
