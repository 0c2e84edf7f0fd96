import { Command, Query } from '@nestjs/cqrs';
import type { StationCommand } from '@sme/domain';
import type { PageRequest, StationListFilter, StationView } from '@sme/read-models';
import type { CommandBody } from '../commands/command-body';
import type { CommandResult } from '../commands/command-executor';
import type { RequestContext } from '../commands/request-context';

export type StationCommandBody = CommandBody<Exclude<StationCommand, { type: 'DesignateStation' }>>;

export class ExecuteStationCommand extends Command<CommandResult> {
  constructor(
    readonly command: StationCommandBody,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}

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
