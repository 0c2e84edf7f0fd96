import { Query } from '@nestjs/cqrs';
import type { StationCommand } from '@sme/domain';
import type { PageRequest, PublicView, StationListFilter, StationView } from '@sme/read-models';
import type { ShownPage } from '../read-side/list-query';
import type { CommandBody } from '../commands/command-body';

export type StationCommandBody = CommandBody<Exclude<StationCommand, { type: 'DesignateStation' }>>;

/** The station registry (名单); with `asOf`, as it stood at that business time, replayed from the events. */
export class ListStationsQuery extends Query<ShownPage<PublicView<StationView>>> {
  constructor(
    readonly filter: StationListFilter,
    readonly sort: string | undefined,
    readonly page: PageRequest,
    readonly asOf?: Date,
  ) {
    super();
  }
}
