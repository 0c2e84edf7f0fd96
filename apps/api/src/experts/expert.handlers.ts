import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { expertKind, isAvailableForPanel, notFound } from '@sme/domain';
import { toPublicView } from '@sme/read-models';
import { projectExpert, type ExpertView } from '@sme/read-models/expert.projection';
import { listExperts } from '@sme/read-models/queries/expert-list';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { RecordLoader } from '../records/record-loader';
import { expertReadForbidden, mayReadExpert, scopeExpertFilter } from './expert-access';
import { GetExpertQuery, ListExpertsQuery } from './expert.messages';

const expertNotFound = () => notFound('EXPERT_NOT_FOUND', '专家不存在', 'The expert does not exist');

@QueryHandler(GetExpertQuery)
export class GetExpertHandler implements IQueryHandler<GetExpertQuery> {
  constructor(private readonly records: RecordLoader) {}

  async execute({ expertId, actor }: GetExpertQuery) {
    const mayRead = (view: ExpertView) => mayReadExpert(actor, view);
    const view = await this.records.view(expertKind, projectExpert, expertId, { missing: expertNotFound, mayRead, forbidden: expertReadForbidden });
    const now = new Date();
    return { ...toPublicView(view), availableForPanel: isAvailableForPanel(await this.records.expert(expertId), now) };
  }
}

@QueryHandler(ListExpertsQuery)
export class ListExpertsHandler implements IQueryHandler<ListExpertsQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, sort, page, actor }: ListExpertsQuery) {
    const scoped = { ...scopeExpertFilter(actor, filter), at: new Date().toISOString() };
    return listResult(() => listExperts(this.readSide.reader, scoped, sort, page));
  }
}
