import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { listDemands } from '@sme/read-models';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { scopeDemandFilter } from './demand-access';
import { ListDemandsQuery } from './demand.messages';

@QueryHandler(ListDemandsQuery)
export class ListDemandsHandler implements IQueryHandler<ListDemandsQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, sort, page, actor }: ListDemandsQuery) {
    const scoped = scopeDemandFilter(actor, filter);
    return listResult(() => listDemands(this.readSide.reader, scoped, sort, page));
  }
}
