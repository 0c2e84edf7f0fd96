import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { listExperts } from '@sme/read-models/queries/expert-list';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { scopeExpertFilter } from './expert-access';
import { ListExpertsQuery } from './expert.messages';

@QueryHandler(ListExpertsQuery)
export class ListExpertsHandler implements IQueryHandler<ListExpertsQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, sort, page, actor }: ListExpertsQuery) {
    const scoped = { ...scopeExpertFilter(actor, filter), at: new Date().toISOString() };
    return listResult(() => listExperts(this.readSide.reader, scoped, sort, page));
  }
}
