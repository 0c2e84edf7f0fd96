import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { demandKind, notFound } from '@sme/domain';
import { listDemands, projectDemand, toPublicView, type DemandView } from '@sme/read-models';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { RecordLoader } from '../records/record-loader';
import { demandReadForbidden, mayReadDemand, scopeDemandFilter } from './demand-access';
import { GetDemandQuery, ListDemandsQuery } from './demand.messages';

const demandNotFound = () => notFound('DEMAND_NOT_FOUND', '服务需求不存在', 'The demand does not exist');

@QueryHandler(GetDemandQuery)
export class GetDemandHandler implements IQueryHandler<GetDemandQuery> {
  constructor(private readonly records: RecordLoader) {}

  async execute({ demandId, actor }: GetDemandQuery) {
    const mayRead = (view: DemandView) => mayReadDemand(actor, view);
    return toPublicView(await this.records.view(demandKind, projectDemand, demandId, { missing: demandNotFound, mayRead, forbidden: demandReadForbidden }));
  }
}

@QueryHandler(ListDemandsQuery)
export class ListDemandsHandler implements IQueryHandler<ListDemandsQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, sort, page, actor }: ListDemandsQuery) {
    const scoped = scopeDemandFilter(actor, filter);
    return listResult(() => listDemands(this.readSide.reader, scoped, sort, page));
  }
}
