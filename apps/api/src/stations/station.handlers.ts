import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { ListStationsQuery } from './station.messages';

@QueryHandler(ListStationsQuery)
export class ListStationsHandler implements IQueryHandler<ListStationsQuery> {
  constructor(private readonly readSide: ReadSide) {}

  // The registry is public as it stood at any day (openAsOf); what the ledger knew when is for AUDITORs.
  async execute({ filter, sort, page, actor, when }: ListStationsQuery) {
    return this.readSide.at(when, actor, (reader) => listResult(() => reader.listStations(filter, sort, page)), { openAsOf: true });
  }
}
