import type { RecordLabel } from '../shared/record-kind';
import { chinaDateOf } from '../shared/dates';
import { decideByType, guardedBy } from '../shared/decide-by-type';
import type { Decider } from '../shared/decider';
import { conflict } from '../shared/domain-error';
import { requireText } from '../shared/validation';
import type {
  AmendVoucherProgramme,
  ApplyForVoucher,
  CloseVoucherProgramme,
  ApproveVoucherApplication,
  GrantVoucherOnEligibility,
  PublishVoucherProgramme,
  RefuseVoucherApplication,
  VoucherCommand,
} from './voucher.commands';
import type { VoucherEvent } from './voucher.events';
import { balanceOf, cutBudget, grantQuota } from './voucher-ledger';
import { approveClaim, cancelOrder, claimSubsidy, confirmOrder, placeOrder, recordPayment, rejectVoucherClaim, voidVoucherPayment } from './voucher.orders';
import { checkProductFacts, checkTerms, quotaFor } from './voucher.rules';
import { evolveVoucher, initialVoucherState, type ExistingVoucherProgramme, type VoucherState } from './voucher.state';

/**
 * What a programme's steps decide: its terms and their versions, each enterprise's application and
 * the quota granted to it from the budget (the books in voucher-ledger.ts refuse what they cannot
 * cover); the orders, claims and payments are voucher.orders.ts's. Who may take each step is
 * voucher.access.ts's, checked before.
 */
function publish(command: PublishVoucherProgramme, state: VoucherState): VoucherEvent[] {
  if (state.status !== 'NONE') throw conflict('PROGRAMME_EXISTS', '该服务券计划已发布', 'The programme is already published');
  const { data, metadata } = command;
  const terms = checkTerms(data.terms, data.issuer.regionCode, chinaDateOf(metadata.now));
  checkProductFacts(terms, data.facts?.products);
  return [{ type: 'VoucherProgrammePublished', data: { programmeId: data.programmeId, issuer: data.issuer, version: 1, terms, publishedAt: metadata.now.toISOString() } }];
}

function amend(command: AmendVoucherProgramme, p: ExistingVoucherProgramme): VoucherEvent[] {
  const { data, metadata } = command;
  const reason = requireText(data.reason, 'reason', { zh: '调整理由', en: 'Reason' });
  const terms = checkTerms(data.terms, p.issuer.regionCode, chinaDateOf(metadata.now));
  checkProductFacts(terms, data.facts?.products);
  if (JSON.stringify(terms) === JSON.stringify(p.terms)) throw conflict('TERMS_UNCHANGED', '计划条款未变更', 'The terms are unchanged');
  // A cut may take only what is not granted: the books refuse the rest.
  if (terms.budgetFen < p.terms.budgetFen) cutBudget(p.books, p.terms.budgetFen - terms.budgetFen);
  return [{ type: 'VoucherProgrammeAmended', data: { programmeId: p.programmeId, version: p.version + 1, terms, reason, amendedAt: metadata.now.toISOString() } }];
}

function requireNoStanding(p: ExistingVoucherProgramme, enterpriseId: string): void {
  const holder = p.holders[enterpriseId];
  if (holder?.status === 'GRANTED') throw conflict('ALREADY_GRANTED', '该企业已获发放本计划服务券', 'The enterprise already holds this programme’s voucher');
  if (holder?.status === 'APPLIED') throw conflict('ALREADY_APPLIED', '该企业已申领，待审核', 'The enterprise has applied already; the application awaits a decision');
}

function apply(command: ApplyForVoucher, p: ExistingVoucherProgramme): VoucherEvent[] {
  const { applicant } = command.data;
  requireNoStanding(p, applicant.enterpriseId);
  const { tier } = quotaFor(p.terms, applicant, chinaDateOf(command.metadata.now));
  const { enterpriseId, uscc, regionCode } = applicant;
  return [{ type: 'VoucherApplied', data: { programmeId: p.programmeId, enterpriseId, uscc, regionCode, tier, appliedAt: command.metadata.now.toISOString() } }];
}

function pending(p: ExistingVoucherProgramme, enterpriseId: string) {
  const holder = p.holders[enterpriseId];
  if (holder?.status !== 'APPLIED') throw conflict('NO_PENDING_APPLICATION', '该企业没有待审核的申领', 'The enterprise has no application awaiting a decision', 'enterpriseId');
  return holder;
}

function approve(command: ApproveVoucherApplication, p: ExistingVoucherProgramme): VoucherEvent[] {
  const holder = pending(p, command.data.enterpriseId);
  const today = chinaDateOf(command.metadata.now);
  if (today > p.terms.validUntil) throw conflict('PROGRAMME_ENDED', `本计划使用期已于${p.terms.validUntil}结束`, `The programme ended on ${p.terms.validUntil}`);
  const quotaFen = p.terms.rule.quotaFen[holder.tier];
  if (quotaFen === undefined) throw conflict('NO_QUOTA_FOR_TIER', '本计划已不再为该企业类别设定额度', 'The programme no longer sets a quota for the enterprise’s tier');
  grantQuota(p.books, holder.enterpriseId, quotaFen);
  const { enterpriseId, uscc, regionCode, tier } = holder;
  return [{ type: 'VoucherGranted', data: { programmeId: p.programmeId, enterpriseId, uscc, regionCode, tier, quotaFen, way: 'APPLIED', grantedAt: command.metadata.now.toISOString() } }];
}

function refuse(command: RefuseVoucherApplication, p: ExistingVoucherProgramme): VoucherEvent[] {
  const { enterpriseId } = pending(p, command.data.enterpriseId);
  const reason = requireText(command.data.reason, 'reason', { zh: '不予发放的理由', en: 'Reason' });
  return [{ type: 'VoucherApplicationRefused', data: { programmeId: p.programmeId, enterpriseId, reason, refusedAt: command.metadata.now.toISOString() } }];
}

function grantOnEligibility(command: GrantVoucherOnEligibility, p: ExistingVoucherProgramme): VoucherEvent[] {
  if (!p.terms.grantOnEligibility) throw conflict('NOT_GRANTED_ON_ELIGIBILITY', '本计划须经企业申领，不实行免申即享', 'The programme grants on application only, not on eligibility');
  const { applicant } = command.data;
  requireNoStanding(p, applicant.enterpriseId);
  const { tier, quotaFen } = quotaFor(p.terms, applicant, chinaDateOf(command.metadata.now));
  grantQuota(p.books, applicant.enterpriseId, quotaFen);
  const { enterpriseId, uscc, regionCode } = applicant;
  return [{ type: 'VoucherGranted', data: { programmeId: p.programmeId, enterpriseId, uscc, regionCode, tier, quotaFen, way: 'ON_ELIGIBILITY', grantedAt: command.metadata.now.toISOString() } }];
}

/** 结算关闭: once the settlement date has passed, what is left unused or unclaimed lapses back to the budget. */
function close(command: CloseVoucherProgramme, p: ExistingVoucherProgramme): VoucherEvent[] {
  const today = chinaDateOf(command.metadata.now);
  if (today <= p.terms.settleBy) throw conflict('PROGRAMME_NOT_DUE_FOR_CLOSING', `结算截止日期（${p.terms.settleBy}）未过，计划不能关闭`, `The programme can be closed only after its settlement date (${p.terms.settleBy})`);
  const lapsedOrders = Object.values(p.orders)
    .map((o) => ({ orderId: o.orderId, amountFen: balanceOf(p.books, `RESERVED:${o.orderId}`) }))
    .filter((o) => o.amountFen > 0);
  const lapsedQuotas = Object.values(p.holders)
    .map((h) => ({ enterpriseId: h.enterpriseId, amountFen: balanceOf(p.books, `GRANTED:${h.enterpriseId}`) }))
    .filter((h) => h.amountFen > 0);
  return [{ type: 'VoucherProgrammeClosed', data: { programmeId: p.programmeId, lapsedQuotas, lapsedOrders, closedAt: command.metadata.now.toISOString() } }];
}

/** A closed programme takes nothing more. */
const open = guardedBy<ExistingVoucherProgramme>((p) => {
  if (p.closedAt !== undefined) throw conflict('PROGRAMME_CLOSED', '服务券计划已结算关闭', 'The voucher programme is closed');
});

/** How voucher programme records are named when one is missing. */
export const VOUCHER_PROGRAMME_RECORD: RecordLabel = { code: 'VOUCHER_PROGRAMME', zh: '服务券计划', en: 'voucher programme' };

const decide = decideByType<VoucherCommand, VoucherState, VoucherEvent, 'PublishVoucherProgramme'>({
  onNew: { PublishVoucherProgramme: publish },
  on: {
    AmendVoucherProgramme: open(amend),
    ApplyForVoucher: open(apply),
    ApproveVoucherApplication: open(approve),
    RefuseVoucherApplication: open(refuse),
    GrantVoucherOnEligibility: open(grantOnEligibility),
    CloseVoucherProgramme: open(close),
    PlaceVoucherOrder: open(placeOrder),
    ConfirmVoucherOrder: open(confirmOrder),
    CancelVoucherOrder: open(cancelOrder),
    ClaimVoucherSubsidy: open(claimSubsidy),
    ApproveVoucherClaim: open(approveClaim),
    RejectVoucherClaim: open(rejectVoucherClaim),
    RecordVoucherPayment: open(recordPayment),
    // A claim found false may be voided after the close too: the money goes back to the budget all the same.
    VoidVoucherPayment: voidVoucherPayment,
  },
  record: VOUCHER_PROGRAMME_RECORD,
});

export const voucherDecider: Decider<VoucherCommand, VoucherState, VoucherEvent> = { initialState: initialVoucherState, evolve: evolveVoucher, decide };
