import { Param, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { providerKind, regionNameZh, sameOrganisation, serviceDomains, voucherKind, type Actor, type ServiceDomain, type VoucherTerms } from '@sme/domain';
import { dashboardRows, enterpriseStatement, listVoucherProgrammes, providerSettlement, voucherDashboard, type ProgrammeRecord } from '@sme/read-models';
import { CurrentActor } from '../auth/auth.decorators';
import { given } from '../commands/given';
import { commandRoutes, KindController } from '../commands/kind-controller';
import { ReadRoute, TokenController } from '../commands/routes';
import { listResult } from '../read-side/list-result';
import { pageOf } from '../read-side/list-query';
import { ReadSide } from '../read-side/read-side.service';
import { AsOfDto } from '../records/as-of.dto';
import { IdPipe } from '../records/id.pipe';
import { newRecordId } from '../records/new-record-id';
import { voucherCommands, type VoucherCommandBody } from './voucher.commands';
import {
  AmendVoucherProgrammeDto,
  ListVoucherProgrammesQueryDto,
  PlaceVoucherOrderDto,
  PublishVoucherProgrammeDto,
  VoucherClaimApprovalDto,
  VoucherDecisionDto,
  VoucherEnterpriseDto,
  VoucherPaymentDto,
  type VoucherTermsDto,
} from './voucher.dto';
import { ApiError } from '../http/api-error';
import type { ReadTime } from '../records/record-query';
import { RecordLoader } from '../records/record-loader';
import { DASHBOARD_COLUMNS, reportFile, SETTLEMENT_COLUMNS, STATEMENT_COLUMNS, VoucherReportQueryDto } from './voucher-reports';
import { cityOfListReader, overseesIt, shownTo, voucherProgrammeReading } from './voucher.reading';

/** The terms as the domain takes them, from the request (its envelope fields left out). */
function termsOf(dto: VoucherTermsDto): VoucherTerms {
  const { title, documentNumber, budgetFen, eligibility, domains, products, applyFrom, applyUntil, validFrom, validUntil, settleBy, grantOnEligibility, rule } = dto;
  const { SMALL_MICRO, SPECIALISED, LITTLE_GIANT } = rule.quotaFen;
  return {
    title,
    documentNumber,
    budgetFen,
    eligibility: given({ ...eligibility }),
    domains,
    ...(products === undefined ? {} : { products }),
    applyFrom,
    applyUntil,
    validFrom,
    validUntil,
    settleBy,
    grantOnEligibility,
    rule: { sharePercent: rule.sharePercent, capPerOrderFen: rule.capPerOrderFen, quotaFen: given({ SMALL_MICRO, SPECIALISED, LITTLE_GIANT }), servicePeriodMaxMonths: rule.servicePeriodMaxMonths },
  };
}

@TokenController('voucher programmes (服务券)', 'voucher-programmes')
export class VoucherController extends KindController<VoucherCommandBody> {
  protected readonly kindCommands = voucherCommands;

  constructor(
    commands: CommandBus,
    queries: QueryBus,
    private readonly readSide: ReadSide,
    private readonly records: RecordLoader,
  ) {
    super(commands, queries);
  }

  /** The programme as its reader may see it (replayed to asOf, as known at knownAt, for an AUDITOR), for a report only those who oversee it, or the party it is about, may pull. */
  private async programmeFor(id: string, actor: Actor, when: ReadTime, isTheParty: (view: ProgrammeRecord) => boolean | Promise<boolean>) {
    const view = await this.readRecord(voucherProgrammeReading, id, actor, when);
    if (!overseesIt(actor, view.issuer.regionCode) && !(await isTheParty(view))) {
      throw ApiError.forbidden('VOUCHER_REPORT_FORBIDDEN', '无权查看该报表', 'You may not read this report');
    }
    return view;
  }

  private readonly names = { region: regionNameZh, domain: (code: string) => serviceDomains.labels[code as ServiceDomain]?.zh ?? code };

  @ReadRoute({ summary: 'The programmes of a city (the reader’s own by default), newest first; an enterprise sees its own standing only (sort: publishedAt, updatedAt; cursor paging)' })
  async list(@Query() query: ListVoucherProgrammesQueryDto, @CurrentActor() actor: Actor) {
    const { filter, sort, page, when } = pageOf(query);
    const cityCode = cityOfListReader(actor, filter.cityCode);
    if (!when) await this.readSide.requireCurrent(['vouchers']);
    const listed = await this.readSide.at(when, actor, (reader) => listResult(() => listVoucherProgrammes(reader, given({ ...filter, cityCode }), sort, page)));
    return { ...listed, items: listed.items.map((view) => shownTo(view, actor)) };
  }

  @ReadRoute({
    path: ':id/dashboard',
    summary: 'The programme’s dashboard for those who oversee it: the budget as the books hold it, committed and paid; the confirmed orders by district, domain and provider; enterprises served; order value per 元 of subsidy (AUDITOR: ?asOf=)',
  })
  async dashboard(@Param('id', IdPipe) id: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    return voucherDashboard(await this.programmeFor(id, actor, query, () => false), this.names);
  }

  @ReadRoute({ path: ':id/dashboard/table', summary: 'The dashboard as one table — the total, then each district, domain and provider — as JSON, CSV or XLSX' })
  async dashboardTable(@Param('id', IdPipe) id: string, @Query() query: VoucherReportQueryDto, @CurrentActor() actor: Actor) {
    const rows = dashboardRows(voucherDashboard(await this.programmeFor(id, actor, query, () => false), this.names));
    return reportFile(query.format, `voucher-dashboard-${id}`, '服务券看板', DASHBOARD_COLUMNS, rows);
  }

  @ReadRoute({ path: ':id/statements/enterprises/:enterpriseId', summary: '企业服务券对账单: every movement of the enterprise’s quota with the balances after it, for the enterprise itself and those who oversee the programme (JSON, CSV or XLSX)' })
  async enterpriseStatement(@Param('id', IdPipe) id: string, @Param('enterpriseId', IdPipe) enterpriseId: string, @Query() query: VoucherReportQueryDto, @CurrentActor() actor: Actor) {
    const view = await this.programmeFor(id, actor, query, (v) => actor.role === 'ENTERPRISE' && v.holders.some((h) => h.enterpriseId === enterpriseId && sameOrganisation(h.uscc, actor.orgId)));
    return reportFile(query.format, `voucher-statement-${enterpriseId}`, '服务券对账单', STATEMENT_COLUMNS, enterpriseStatement(view, enterpriseId));
  }

  @ReadRoute({ path: ':id/statements/providers/:providerId', summary: '服务机构结算单: the provider’s orders with their claims, decisions, payments and claw-backs, for the provider itself and those who oversee the programme (JSON, CSV or XLSX)' })
  async providerStatement(@Param('id', IdPipe) id: string, @Param('providerId', IdPipe) providerId: string, @Query() query: VoucherReportQueryDto, @CurrentActor() actor: Actor) {
    const view = await this.programmeFor(id, actor, query, async () => {
      if (actor.role !== 'PROVIDER') return false;
      const provider = await this.records.state(providerKind, providerId);
      return provider.status !== 'NONE' && sameOrganisation(provider.uscc, actor.orgId);
    });
    return reportFile(query.format, `voucher-settlement-${providerId}`, '服务券结算单', SETTLEMENT_COLUMNS, providerSettlement(view, providerId));
  }

  @ReadRoute({ path: ':id/orders/:orderId', summary: 'One order of the programme with its steps, to its enterprise, its provider and those who oversee the programme; AUDITOR may add ?asOf=' })
  async order(@Param('id', IdPipe) id: string, @Param('orderId', IdPipe) orderId: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    const view = shownTo(await this.readRecord(voucherProgrammeReading, id, actor, query), actor);
    const order = view.orders.find((o) => o.orderId === orderId);
    if (order === undefined) throw ApiError.notFound('VOUCHER_ORDER_NOT_FOUND', '服务券订单不存在', 'The voucher order does not exist');
    return order;
  }

  @ReadRoute({ path: ':id', summary: 'One programme: its terms and versions, the budget granted and left, and the enterprises in it (to those who oversee it); AUDITOR may add ?asOf=' })
  async get(@Param('id', IdPipe) id: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    return shownTo(await this.readRecord(voucherProgrammeReading, id, actor, query), actor);
  }
}

commandRoutes(VoucherController, voucherKind, (on) => ({
  apply: on('ApplyForVoucher', { path: ':id/applications', summary: '申领: an eligible enterprise applies for itself inside the application window; its tier (by its titles and size class) fixes the quota', status: 201, body: VoucherEnterpriseDto, data: ({ id }, dto) => ({ programmeId: id, enterpriseId: dto.enterpriseId }) }),
  grantOnEligibility: on('GrantVoucherOnEligibility', { path: ':id/grants', summary: '免申即享: the issuer grants an eligible enterprise its tier’s quota without an application, where the programme allows it', status: 201, body: VoucherEnterpriseDto, data: ({ id }, dto) => ({ programmeId: id, enterpriseId: dto.enterpriseId }) }),
  amend: on('AmendVoucherProgramme', { path: ':id/amendments', summary: 'The issuer amends the terms, whole, with the request’s reason: the next version; a budget cut never goes below what is granted', body: AmendVoucherProgrammeDto, data: ({ id }, dto, ctx) => ({ programmeId: id, terms: termsOf(dto), reason: ctx.reason ?? '' }) }),
  approve: on('ApproveVoucherApplication', { path: ':id/applications/:enterpriseId/approval', summary: 'The issuer grants the applicant its tier’s quota from the budget (409 BUDGET_EXCEEDED when it no longer fits)', body: VoucherDecisionDto, data: ({ id, enterpriseId }) => ({ programmeId: id, enterpriseId }) }),
  refuse: on('RefuseVoucherApplication', { path: ':id/applications/:enterpriseId/refusal', summary: 'The issuer refuses an application, with the request’s reason', body: VoucherDecisionDto, data: ({ id, enterpriseId }, _dto, ctx) => ({ programmeId: id, enterpriseId, reason: ctx.reason ?? '' }) }),
  confirmOrder: on('ConfirmVoucherOrder', { path: ':id/orders/:orderId/confirmation', summary: 'The enterprise confirms the order, price and subsidy shown: the subsidy is reserved from its quota (409 QUOTA_EXCEEDED when it no longer fits)', body: VoucherDecisionDto, data: ({ id, orderId }) => ({ programmeId: id, orderId }) }),
  cancelOrder: on('CancelVoucherOrder', { path: ':id/orders/:orderId/cancellation', summary: 'The enterprise or the provider cancels the order before a claim, with the request’s reason: a reservation goes back to the quota', body: VoucherDecisionDto, data: ({ id, orderId }, _dto, ctx) => ({ programmeId: id, orderId, reason: ctx.reason ?? '' }) }),
  claim: on('ClaimVoucherSubsidy', { path: ':id/orders/:orderId/claim', summary: '申请兑付: the provider claims the subsidy once the enterprise confirmed the delivery (its 档案 at /deliveries/{id}/dossier), by the settlement date; once per order', body: VoucherDecisionDto, data: ({ id, orderId }) => ({ programmeId: id, orderId }) }),
  approveClaim: on('ApproveVoucherClaim', { path: ':id/orders/:orderId/claim/approval', summary: 'The issuer approves the claim with an opinion', body: VoucherClaimApprovalDto, data: ({ id, orderId }, dto) => ({ programmeId: id, orderId, opinion: dto.opinion }) }),
  rejectClaim: on('RejectVoucherClaim', { path: ':id/orders/:orderId/claim/rejection', summary: 'The issuer rejects the claim (pending or approved, not yet paid) with the request’s reason: the subsidy goes back to the enterprise’s quota', body: VoucherDecisionDto, data: ({ id, orderId }, _dto, ctx) => ({ programmeId: id, orderId, reason: ctx.reason ?? '' }) }),
  pay: on('RecordVoucherPayment', { path: ':id/orders/:orderId/payment', summary: '兑付: the issuer records the payment of an approved claim with its reference', body: VoucherPaymentDto, data: ({ id, orderId }, dto) => ({ programmeId: id, orderId, reference: dto.reference }) }),
  voidPayment: on('VoidVoucherPayment', { path: ':id/orders/:orderId/payment/voiding', summary: '追回: a claim found false; the issuer voids the payment with the request’s reason and the money goes back to the budget. The void is evidence for the provider’s removal (FALSIFIED_MATERIALS)', body: VoucherDecisionDto, data: ({ id, orderId }, _dto, ctx) => ({ programmeId: id, orderId, reason: ctx.reason ?? '' }) }),
  closeProgramme: on('CloseVoucherProgramme', { path: ':id/closure', summary: '结算关闭: after the settlement date, the issuer closes the programme — unused quotas and unclaimed reservations lapse back to its budget (the ledger’s own sweep does it too)', body: VoucherDecisionDto, data: ({ id }) => ({ programmeId: id }) }),
  publish: on('PublishVoucherProgramme', {
    summary: 'A city or district authority publishes a 服务券 programme: budget, eligibility, service domains, the subsidy rule (share, cap per order, yearly quota per tier, service period), the application, order and settlement dates, 免申即享 or not',
    status: 201,
    body: PublishVoucherProgrammeDto,
    data: (_, dto, ctx) => ({ programmeId: newRecordId(ctx, 'voucher-programme'), issuerRegionCode: dto.regionCode, terms: termsOf(dto) }),
  }),
  placeOrder: on('PlaceVoucherOrder', {
    path: ':id/orders',
    summary: 'A provider of the 库 offers a granted enterprise a voucher-paid delivery: the price (the delivery’s agreed fee), the subsidy the rule gives, the delivery’s service period; refused for related parties, a service outside the programme, a period too long or a day outside the programme’s validity',
    status: 201,
    body: PlaceVoucherOrderDto,
    data: ({ id }, { enterpriseId, providerId, deliveryId, priceFen }, ctx) => ({ programmeId: id, orderId: newRecordId(ctx, 'voucher-order'), enterpriseId, providerId, deliveryId, priceFen }),
    // The record is the programme; the answer names the order too, for the steps that follow.
    answer: ({ programmeId, orderId }) => ({ orderId, location: `/voucher-programmes/${programmeId}/orders/${orderId}` }),
  }),
}));
