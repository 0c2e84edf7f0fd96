import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { chinaDateOf } from '@sme/domain';
import { listCentres } from '@sme/read-models';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { scopeCentreFilter } from './centre-access';
import { ListCentresQuery } from './centre.messages';

@QueryHandler(ListCentresQuery)
export class ListCentresHandler implements IQueryHandler<ListCentresQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, sort, page, actor }: ListCentresQuery) {
    const scoped = { ...scopeCentreFilter(actor, filter), today: chinaDateOf(new Date()) };
    return listResult(() => listCentres(this.readSide.reader, scoped, sort, page));
  }
}
