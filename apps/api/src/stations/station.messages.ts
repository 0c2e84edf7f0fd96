import type { StationCommand } from '@sme/domain';
import type { StationListFilter, StationView } from '@sme/read-models';
import { ActorListQuery } from '../read-side/list-query';
import type { CommandBody } from '../commands/command-body';

export type StationCommandBody = CommandBody<Exclude<StationCommand, { type: 'DesignateStation' }>>;

/** The station registry (名单); in a time slice, as it stood then, replayed from the events. */
export class ListStationsQuery extends ActorListQuery<StationListFilter, StationView> {}
