import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound, stationKind, type StationCommand } from '@sme/domain';
import { EVENT_STORE, type EventStore } from '@sme/event-store';
import { foldView, projectStation, toPublicView } from '@sme/read-models';
import { CommandExecutor, toResponse, type CommandResult } from '../commands/command-executor';
import { RecordLoader } from '../records/record-loader';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { ExecuteStationCommand, GetStationQuery, ListStationsQuery } from './station.messages';

const stationNotFound = () => notFound('STATION_NOT_FOUND', '服务站不存在', 'The station does not exist');

@CommandHandler(ExecuteStationCommand)
export class ExecuteStationHandler implements ICommandHandler<ExecuteStationCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly records: RecordLoader,
  ) {}

  async execute({ command, ctx }: ExecuteStationCommand): Promise<CommandResult> {
    const { stationId } = command.data;
    const call = await this.records.call(await this.records.callIdOf(`station-${stationId}`, stationNotFound));
    return toResponse(
      await this.executor.execute({
        id: stationId,
                kind: stationKind,
        command: command as Omit<StationCommand, 'metadata'>,
        ctx,
                legalBasis: call.documentNumber,
      }),
    );
  }
}

@QueryHandler(GetStationQuery)
export class GetStationHandler implements IQueryHandler<GetStationQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ stationId, asOf }: GetStationQuery) {
    const events = await this.store.readStream(`station-${stationId}`);
    const limit = asOf?.getTime();
    const replayed = limit === undefined ? events : events.filter((e) => Date.parse(e.metadata.occurredAt) <= limit);
    const view = foldView(projectStation, replayed);
    if (!view) {
      if (events.length > 0 && asOf) {
        throw notFound(
          'STATION_NOT_YET_DESIGNATED',
          `服务站在 ${asOf.toISOString()} 时尚未授牌`,
          `The station had not been designated at ${asOf.toISOString()}`,
        );
      }
      throw stationNotFound();
    }
    return toPublicView(view);
  }
}

@QueryHandler(ListStationsQuery)
export class ListStationsHandler implements IQueryHandler<ListStationsQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, sort, page, asOf }: ListStationsQuery) {
    if (asOf) return listResult(() => this.readSide.stationsAsOf(asOf, filter, sort, page));
    return listResult(() => this.readSide.reader.listStations(filter, sort, page));
  }
}
