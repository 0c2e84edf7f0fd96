import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { applicationKind, isWithinRegion, notFound } from '@sme/domain';
import { projectApplication, toPublicView, type ApplicationView } from '@sme/read-models';
import { RecordLoader } from '../records/record-loader';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { applicationReadForbidden, mayRead, scopeFilter } from './application-access';
import { GetApplicationQuery, ListApplicationsQuery } from './application.messages';

@QueryHandler(GetApplicationQuery)
export class GetApplicationHandler implements IQueryHandler<GetApplicationQuery> {
  constructor(private readonly records: RecordLoader) {}

  async execute({ applicationId, actor }: GetApplicationQuery) {
    const missing = () => notFound('APPLICATION_NOT_FOUND', '申请不存在', 'The application does not exist');
    const readable = (view: ApplicationView) => mayRead(actor, view);
    return toPublicView(await this.records.view(applicationKind, projectApplication, applicationId, { missing, mayRead: readable, forbidden: applicationReadForbidden }));
  }
}

@QueryHandler(ListApplicationsQuery)
export class ListApplicationsHandler implements IQueryHandler<ListApplicationsQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, sort, page, actor }: ListApplicationsQuery) {
    const { reader } = this.readSide;
    const callsWithin = async (regionCode: string) =>
      (await reader.calls({})).filter((call) => isWithinRegion(call.cityCode, regionCode)).map((call) => call.id);
    const scoped = await scopeFilter(actor, filter, callsWithin);
    return listResult(() => reader.listApplications(scoped, sort, page));
  }
}
