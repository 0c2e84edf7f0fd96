import { Param, Query } from '@nestjs/common';
import { annualReportKind, type Actor } from '@sme/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { commandRoutes, KindController } from '../commands/kind-controller';
import { ReadRoute, TokenController } from '../commands/routes';

import { AsOfDto } from '../records/as-of.dto';
import { IdPipe } from '../records/id.pipe';
import { MISSING_READERS } from './annual-report-access';
import { annualReportCommands, annualReportIdFor, cityReportIdFor } from './annual-report.commands';
import {
  ListAnnualReportsQueryDto,
  MissingReportsQueryDto,
  ReportOpinionDto,
  ResubmitAnnualReportDto,
  ReturnAnnualReportDto,
  SubmitAnnualReportDto,
  SubmitCityReportDto,
  type NextYearPlanDto,
} from './annual-report.dto';
import { ListAnnualReportsQuery, MissingReportsQuery, type AnnualReportCommandBody } from './annual-report.messages';
import { annualReportReading } from './annual-report.reading';
import { pageOf } from '../read-side/list-query';

const planOf = (plan: NextYearPlanDto) => ({ summary: plan.summary, targets: plan.targets.map((t) => ({ indicator: t.indicator, value: t.value })) });

@TokenController('annual reports (年度服务总结)', 'annual-reports')
export class AnnualReportController extends KindController<AnnualReportCommandBody> {
  protected readonly kindCommands = annualReportCommands;

  @ReadRoute({
    path: 'missing',
    summary: 'Late and missing: the ACTIVE stations, recognised centres and providers in the 库 of the region without an on-time report for the year, each ON_TIME/LATE/MISSING',
    roles: MISSING_READERS,
  })
  missing(@Query() query: MissingReportsQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new MissingReportsQuery(query.year, query.regionCode, actor));
  }

  @ReadRoute({ path: ':id', summary: 'One report, folded from its events; AUDITOR may add ?asOf= to replay it to a business time' })
  get(@Param('id', IdPipe) id: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    return this.readRecord(annualReportReading, id, actor, query);
  }

  @ReadRoute({ summary: 'Reports by year, subject kind (STATION, CENTRE, PROVIDER, CITY), status, late and region (sort: submittedAt, year, updatedAt; cursor paging)' })
  list(@Query() query: ListAnnualReportsQueryDto, @CurrentActor() actor: Actor) {
    const { filter: { q: _noTextSearch, ...filter }, sort, page, when } = pageOf(query);
    return this.queries.execute(new ListAnnualReportsQuery(filter, sort, page, actor, when));
  }
}

commandRoutes(AnnualReportController, annualReportKind, (on) => ({
  submitCity: on('SubmitCityReport', {
    path: 'city',
    summary: '全市年度总结 by the city’s hub to the city authority: consolidates the accepted reports of the city and year with their totals, and counts those not accepted and missing (CITY_REPORT_DEADLINE)',
    status: 201,
    body: SubmitCityReportDto,
    data: (_, dto) => ({ reportId: cityReportIdFor(dto.cityCode, dto.year), year: dto.year, cityCode: dto.cityCode, summary: dto.summary, plan: planOf(dto.plan) }),
  }),
  submit: on('SubmitAnnualReport', {
    summary: '年度总结 by the organisation itself — an ACTIVE station, a recognised centre, a provider in the 库 — from 1 December of the year: narrative and next year’s plan; the ledger fills the figures and marks it on time or late (ANNUAL_REPORT_DEADLINE). One per organisation and year (else 409)',
    status: 201,
    body: SubmitAnnualReportDto,
    data: (_, dto) => {
      const subject = { kind: dto.subject.kind, id: dto.subject.id };
      return { reportId: annualReportIdFor(subject.kind, subject.id, dto.year), year: dto.year, subject, summary: dto.summary, plan: planOf(dto.plan) };
    },
  }),
  returnReport: on('ReturnAnnualReport', { path: ':id/return', summary: '退回修改 with comments (the steward: the hub for a station, the city authority for a provider or local centre, ADMIN for the province centre)', body: ReturnAnnualReportDto, data: ({ id }, dto) => ({ reportId: id, comments: dto.comments }) }),
  resubmit: on('ResubmitAnnualReport', { path: ':id/resubmission', summary: 'The organisation resubmits a returned report; the figures are computed again', body: ResubmitAnnualReportDto, data: ({ id }, dto) => ({ reportId: id, summary: dto.summary, plan: planOf(dto.plan) }) }),
  accept: on('AcceptAnnualReport', { path: ':id/acceptance', summary: '审核通过 with an opinion (the steward); only a report under review (409 once returned)', body: ReportOpinionDto, data: ({ id }, dto) => ({ reportId: id, opinion: dto.opinion }) }),
  acknowledge: on('AcknowledgeCityReport', { path: ':id/acknowledgement', summary: '签收 of the city report by the city authority, with an opinion', body: ReportOpinionDto, data: ({ id }, dto) => ({ reportId: id, opinion: dto.opinion }) }),
}));
