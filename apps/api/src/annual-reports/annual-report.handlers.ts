import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { listAnnualReports, missingReports } from '@sme/read-models';
import { listResult } from '../read-side/list-result';
import { ReadSide } from '../read-side/read-side.service';
import { scopeAnnualReportFilter, scopeMissingRegion } from './annual-report-access';
import { ListAnnualReportsQuery, MissingReportsQuery } from './annual-report.messages';

@QueryHandler(ListAnnualReportsQuery)
export class ListAnnualReportsHandler implements IQueryHandler<ListAnnualReportsQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, sort, page, actor }: ListAnnualReportsQuery) {
    return listResult(() => listAnnualReports(this.readSide.reader, scopeAnnualReportFilter(actor, filter), sort, page));
  }
}

@QueryHandler(MissingReportsQuery)
export class MissingReportsHandler implements IQueryHandler<MissingReportsQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ year, regionCode, actor }: MissingReportsQuery) {
    const region = scopeMissingRegion(actor, regionCode);
    await this.readSide.requireCurrent(['annualreports', 'stations', 'centres', 'providers']);
    return missingReports(this.readSide.reader, { year, regionCode: region });
  }
}
