import { Query } from '@nestjs/cqrs';
import type { StationCommand } from '@sme/domain';
import type { PageRequest, StationListFilter, StationView } from '@sme/read-models';
import type { CommandBody } from '../commands/command-body';

export type StationCommandBody = CommandBody<Exclude<StationCommand, { type: 'DesignateStation' }>>;

/** A station's view; with `asOf`, replayed from its events up to that business time. */
export class GetStationQuery extends Query<Omit<StationView, '_id' | '_position'> & { position: string }> {
  constructor(
    readonly stationId: string,
    readonly asOf?: Date,
  ) {
    super();
  }
}

/** The station registry (名单); with `asOf`, as it stood at that business time, replayed from the events. */
export class ListStationsQuery extends Query<unknown> {
  constructor(
    readonly filter: StationListFilter,
    readonly sort: string | undefined,
    readonly page: PageRequest,
    readonly asOf?: Date,
  ) {
    super();
  }
}
