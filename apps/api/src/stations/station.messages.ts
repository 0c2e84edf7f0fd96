import { Command, Query } from '@nestjs/cqrs';
import type { StationCommand } from '@sme/domain';
import type { Page, StationFilter, StationView } from '@sme/read-models';
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
export class GetStationQuery extends Query<StationView> {
  constructor(
    readonly stationId: string,
    readonly asOf?: Date,
  ) {
    super();
  }
}

export class ListStationsQuery extends Query<Page<StationView>> {
  constructor(readonly filter: StationFilter) {
    super();
  }
}
