import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { ListStationsQuery } from './station.messages';

@QueryHandler(ListStationsQuery)
export class ListStationsHandler implements IQueryHandler<ListStationsQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, sort, page, asOf }: ListStationsQuery) {
    if (asOf) return listResult(() => this.readSide.stationsAsOf(asOf, filter, sort, page));
    return listResult(() => this.readSide.reader.listStations(filter, sort, page));
  }
}
