import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound, stationKind } from '@sme/domain';
import { projectStation, toPublicView } from '@sme/read-models';
import { RecordLoader } from '../records/record-loader';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { stationNotFound } from './station.commands';
import { GetStationQuery, ListStationsQuery } from './station.messages';

const notYetDesignated = (asOf: Date) =>
  notFound('STATION_NOT_YET_DESIGNATED', `服务站在 ${asOf.toISOString()} 时尚未授牌`, `The station had not been designated at ${asOf.toISOString()}`);

@QueryHandler(GetStationQuery)
export class GetStationHandler implements IQueryHandler<GetStationQuery> {
  constructor(private readonly records: RecordLoader) {}

  async execute({ stationId, asOf }: GetStationQuery) {
    return toPublicView(await this.records.view(stationKind, projectStation, stationId, { missing: stationNotFound, asOf, notYet: notYetDesignated }));
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
