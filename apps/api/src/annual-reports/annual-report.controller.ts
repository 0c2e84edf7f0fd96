import { Body, Param, Query } from '@nestjs/common';
import { annualReportKind, type Actor } from '@sme/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { KindController } from '../commands/kind-controller';
import { Ctx, type RequestContext } from '../commands/request-context';
import { CommandPost, ReadRoute, TokenController } from '../commands/routes';

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

  @CommandPost(annualReportKind, 'SubmitAnnualReport', {
    summary: '年度总结 by the organisation itself — an ACTIVE station, a recognised centre, a provider in the 库 — from 1 December of the year: narrative and next year’s plan; the ledger fills the figures and marks it on time or late (ANNUAL_REPORT_DEADLINE). One per organisation and year (else 409)',
    status: 201,
  })
  submit(@Body() dto: SubmitAnnualReportDto, @Ctx() ctx: RequestContext) {
    const subject = { kind: dto.subject.kind, id: dto.subject.id };
    const data = { reportId: annualReportIdFor(subject.kind, subject.id, dto.year), year: dto.year, subject, summary: dto.summary, plan: planOf(dto.plan) };
    return this.run({ type: 'SubmitAnnualReport', data }, ctx);
  }

  @CommandPost(annualReportKind, 'ReturnAnnualReport', { path: ':id/return', summary: '退回修改 with comments (the steward: the hub for a station, the city authority for a provider or local centre, ADMIN for the province centre)' })
  returnReport(@Param('id', IdPipe) id: string, @Body() dto: ReturnAnnualReportDto, @Ctx() ctx: RequestContext) {
    return this.run({ type: 'ReturnAnnualReport', data: { reportId: id, comments: dto.comments } }, ctx);
  }

  @CommandPost(annualReportKind, 'ResubmitAnnualReport', { path: ':id/resubmission', summary: 'The organisation resubmits a returned report; the figures are computed again' })
  resubmit(@Param('id', IdPipe) id: string, @Body() dto: ResubmitAnnualReportDto, @Ctx() ctx: RequestContext) {
    return this.run({ type: 'ResubmitAnnualReport', data: { reportId: id, summary: dto.summary, plan: planOf(dto.plan) } }, ctx);
  }

  @CommandPost(annualReportKind, 'AcceptAnnualReport', { path: ':id/acceptance', summary: '审核通过 with an opinion (the steward); only a report under review (409 once returned)' })
  accept(@Param('id', IdPipe) id: string, @Body() dto: ReportOpinionDto, @Ctx() ctx: RequestContext) {
    return this.run({ type: 'AcceptAnnualReport', data: { reportId: id, opinion: dto.opinion } }, ctx);
  }

  @CommandPost(annualReportKind, 'SubmitCityReport', {
    path: 'city',
    summary: '全市年度总结 by the city’s hub to the city authority: consolidates the accepted reports of the city and year with their totals, and counts those not accepted and missing (CITY_REPORT_DEADLINE)',
    status: 201,
  })
  submitCity(@Body() dto: SubmitCityReportDto, @Ctx() ctx: RequestContext) {
    const data = { reportId: cityReportIdFor(dto.cityCode, dto.year), year: dto.year, cityCode: dto.cityCode, summary: dto.summary, plan: planOf(dto.plan) };
    return this.run({ type: 'SubmitCityReport', data }, ctx);
  }

  @CommandPost(annualReportKind, 'AcknowledgeCityReport', { path: ':id/acknowledgement', summary: '签收 of the city report by the city authority, with an opinion' })
  acknowledge(@Param('id', IdPipe) id: string, @Body() dto: ReportOpinionDto, @Ctx() ctx: RequestContext) {
    return this.run({ type: 'AcknowledgeCityReport', data: { reportId: id, opinion: dto.opinion } }, ctx);
  }

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
