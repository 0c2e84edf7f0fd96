import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { listAnnualReports, missingReports } from '@sme/read-models';
import { actorListHandler } from '../read-side/actor-list-handler';
import { ReadSide } from '../read-side/read-side.service';
import { scopeAnnualReportFilter, scopeMissingRegion } from './annual-report-access';
import { ListAnnualReportsQuery, MissingReportsQuery } from './annual-report.messages';

export const ListAnnualReportsHandler = actorListHandler(ListAnnualReportsQuery, scopeAnnualReportFilter, listAnnualReports);

@QueryHandler(MissingReportsQuery)
export class MissingReportsHandler implements IQueryHandler<MissingReportsQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ year, regionCode, actor }: MissingReportsQuery) {
    const region = scopeMissingRegion(actor, regionCode);
    await this.readSide.requireCurrent(['annualreports', 'stations', 'centres', 'providers']);
    return missingReports(this.readSide.reader, { year, regionCode: region });
  }
}
