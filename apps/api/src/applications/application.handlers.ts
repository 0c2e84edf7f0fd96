import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isWithinRegion } from '@sme/domain';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { scopeFilter } from './application-access';
import { ListApplicationsQuery } from './application.messages';

@QueryHandler(ListApplicationsQuery)
export class ListApplicationsHandler implements IQueryHandler<ListApplicationsQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, sort, page, actor, when }: ListApplicationsQuery) {
    return this.readSide.at(when, actor, async (reader) => {
      const callsWithin = async (regionCode: string) =>
      (await reader.calls({})).filter((call) => isWithinRegion(call.cityCode, regionCode)).map((call) => call.id);
      const scoped = await scopeFilter(actor, filter, callsWithin);
      return listResult(() => reader.listApplications(scoped, sort, page));
    });
  }
}
