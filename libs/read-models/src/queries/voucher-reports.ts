import type { VoucherOrderView, VoucherProgrammeView } from '../voucher.projection';

/**
 * What a 服务券 programme's readers pull from its document: the issuer's dashboard, an enterprise's
 * voucher statement and a provider's settlement statement. Pure: each is a function of the programme's
 * view (current, or replayed to a moment for an auditor).
 */

/** An order's subsidy is committed from the enterprise's confirmation until it is paid, rejected or cancelled. */
const COMMITTED: readonly VoucherOrderView['status'][] = ['CONFIRMED', 'CLAIMED', 'APPROVED', 'PAID'];
const isCommitted = (o: VoucherOrderView) => COMMITTED.includes(o.status);

/** One line of a breakdown: the orders confirmed and not undone, their value and their subsidy committed and paid. */
export interface VoucherBreakdownRow {
  dimension: 'TOTAL' | 'DISTRICT' | 'DOMAIN' | 'PROVIDER';
  code: string;
  name: string;
  orders: number;
  enterprises: number;
  orderValueFen: number;
  committedFen: number;
  paidFen: number;
  /** 元 of orders per 元 of subsidy committed, two decimals; null when nothing is committed. */
  orderValuePerYuan: number | null;
}

export interface VoucherDashboard {
  programmeId: string;
  title: string;
  version: number;
  budget: VoucherProgrammeView['budget'];
  /** Reserved, claimable and paid: what the confirmed orders hold of the budget. */
  committedFen: number;
  paidFen: number;
  enterprisesGranted: number;
  enterprisesServed: number;
  ordersByStatus: Record<VoucherOrderView['status'], number>;
  total: VoucherBreakdownRow;
  byDistrict: VoucherBreakdownRow[];
  byDomain: VoucherBreakdownRow[];
  byProvider: VoucherBreakdownRow[];
}

const ratio = (valueFen: number, subsidyFen: number): number | null => (subsidyFen === 0 ? null : Math.round((valueFen / subsidyFen) * 100) / 100);

function rowOf(dimension: VoucherBreakdownRow['dimension'], code: string, name: string, orders: VoucherOrderView[]): VoucherBreakdownRow {
  const orderValueFen = orders.reduce((sum, o) => sum + o.priceFen, 0);
  const committedFen = orders.reduce((sum, o) => sum + o.subsidyFen, 0);
  const paidFen = orders.reduce((sum, o) => sum + (o.status === 'PAID' ? (o.payment?.amountFen ?? 0) : 0), 0);
  return { dimension, code, name, orders: orders.length, enterprises: new Set(orders.map((o) => o.enterpriseId)).size, orderValueFen, committedFen, paidFen, orderValuePerYuan: ratio(orderValueFen, committedFen) };
}

function breakdown(dimension: VoucherBreakdownRow['dimension'], orders: VoucherOrderView[], keyOf: (o: VoucherOrderView) => [string, string]): VoucherBreakdownRow[] {
  const groups = new Map<string, { name: string; orders: VoucherOrderView[] }>();
  for (const o of orders) {
    const [code, name] = keyOf(o);
    const group = groups.get(code) ?? { name, orders: [] };
    group.orders.push(o);
    groups.set(code, group);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([code, g]) => rowOf(dimension, code, g.name, g.orders));
}

const STATUSES: readonly VoucherOrderView['status'][] = ['PLACED', 'CONFIRMED', 'CANCELLED', 'CLAIMED', 'APPROVED', 'REJECTED', 'PAID', 'VOIDED', 'LAPSED'];

/** A programme as stored or as shown: the reports read its business fields only. */
export type ProgrammeRecord = Omit<VoucherProgrammeView, '_id' | '_position'>;

/**
 * The programme's dashboard: its budget as the books hold it; the confirmed orders not undone (committed)
 * by district of the enterprise, by service domain and by provider; the enterprises served; the order value
 * per 元 of subsidy. `nameOf` names a district or a domain.
 */
export function voucherDashboard(view: ProgrammeRecord, nameOf: { region: (code: string) => string; domain: (code: string) => string }): VoucherDashboard {
  const committed = view.orders.filter(isCommitted);
  const ordersByStatus = Object.fromEntries(STATUSES.map((s) => [s, view.orders.filter((o) => o.status === s).length])) as VoucherDashboard['ordersByStatus'];
  const { reservedFen, claimableFen, paidFen } = view.budget;
  return {
    programmeId: view.id,
    title: view.title,
    version: view.version,
    budget: view.budget,
    committedFen: reservedFen + claimableFen + paidFen,
    paidFen,
    enterprisesGranted: view.holders.filter((h) => h.status === 'GRANTED').length,
    enterprisesServed: new Set(committed.map((o) => o.enterpriseId)).size,
    ordersByStatus,
    total: rowOf('TOTAL', view.id, view.title, committed),
    byDistrict: breakdown('DISTRICT', committed, (o) => [o.regionCode, nameOf.region(o.regionCode)]),
    byDomain: breakdown('DOMAIN', committed, (o) => [o.domain, nameOf.domain(o.domain)]),
    byProvider: breakdown('PROVIDER', committed, (o) => [o.provider.providerId, o.provider.name]),
  };
}

/** The dashboard as one table: the total first, then each district, domain and provider. */
export const dashboardRows = (d: VoucherDashboard): VoucherBreakdownRow[] => [d.total, ...d.byDistrict, ...d.byDomain, ...d.byProvider];

/** One movement of an enterprise's voucher money and the balances after it, in 分. */
export interface VoucherStatementLine {
  at: string;
  movement: 'GRANTED' | 'RESERVED' | 'RELEASED' | 'CLAIMED' | 'CLAIM_REJECTED' | 'PAID' | 'VOIDED' | 'LAPSED';
  orderId: string | null;
  providerName: string | null;
  amountFen: number;
  availableFen: number;
  reservedFen: number;
  claimableFen: number;
  paidFen: number;
}

/**
 * 企业服务券对账单: the enterprise's quota and every movement of it in time order — granted, reserved by a
 * confirmed order, released by a cancellation, made claimable, given back by a rejected claim, paid, and
 * clawed back — each with the balances after it. Empty when the enterprise holds no quota.
 */
export function enterpriseStatement(view: ProgrammeRecord, enterpriseId: string): VoucherStatementLine[] {
  const holder = view.holders.find((h) => h.enterpriseId === enterpriseId);
  if (!holder?.grant) return [];
  type Move = { at: string; movement: VoucherStatementLine['movement']; order: VoucherOrderView | null; amountFen: number; change: Partial<Record<'availableFen' | 'reservedFen' | 'claimableFen' | 'paidFen', number>> };
  const moves: Move[] = [{ at: holder.grant.grantedAt, movement: 'GRANTED', order: null, amountFen: holder.grant.quotaFen, change: { availableFen: holder.grant.quotaFen } }];
  for (const o of view.orders.filter((order) => order.enterpriseId === enterpriseId)) {
    const s = o.subsidyFen;
    if (o.confirmedAt) moves.push({ at: o.confirmedAt, movement: 'RESERVED', order: o, amountFen: s, change: { availableFen: -s, reservedFen: s } });
    if (o.confirmedAt && o.cancellation) moves.push({ at: o.cancellation.cancelledAt, movement: 'RELEASED', order: o, amountFen: s, change: { availableFen: s, reservedFen: -s } });
    if (o.claimedAt) moves.push({ at: o.claimedAt, movement: 'CLAIMED', order: o, amountFen: s, change: { reservedFen: -s, claimableFen: s } });
    if (o.rejection) moves.push({ at: o.rejection.rejectedAt, movement: 'CLAIM_REJECTED', order: o, amountFen: s, change: { claimableFen: -s, availableFen: s } });
    if (o.payment) moves.push({ at: o.payment.paidAt, movement: 'PAID', order: o, amountFen: o.payment.amountFen, change: { claimableFen: -o.payment.amountFen, paidFen: o.payment.amountFen } });
    if (o.voiding && o.payment) moves.push({ at: o.voiding.voidedAt, movement: 'VOIDED', order: o, amountFen: o.payment.amountFen, change: { paidFen: -o.payment.amountFen } });
    if (o.status === 'LAPSED' && view.closure) moves.push({ at: view.closure.closedAt, movement: 'LAPSED', order: o, amountFen: s, change: { reservedFen: -s } });
  }
  const lapsedQuota = view.closure?.lapsedQuotas.find((q) => q.enterpriseId === enterpriseId);
  if (lapsedQuota && view.closure) moves.push({ at: view.closure.closedAt, movement: 'LAPSED', order: null, amountFen: lapsedQuota.amountFen, change: { availableFen: -lapsedQuota.amountFen } });
  const balances = { availableFen: 0, reservedFen: 0, claimableFen: 0, paidFen: 0 };
  return moves
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (a.m.at < b.m.at ? -1 : a.m.at > b.m.at ? 1 : a.i - b.i))
    .map(({ m }) => {
      for (const [k, v] of Object.entries(m.change) as [keyof typeof balances, number][]) balances[k] += v;
      return { at: m.at, movement: m.movement, orderId: m.order?.orderId ?? null, providerName: m.order?.provider.name ?? null, amountFen: m.amountFen, ...balances };
    });
}

/** One order of a provider's settlement statement (服务机构结算单). */
export interface ProviderSettlementLine {
  orderId: string;
  enterpriseUscc: string;
  deliveryId: string;
  domain: string;
  priceFen: number;
  subsidyFen: number;
  status: VoucherOrderView['status'];
  placedAt: string;
  claimedAt: string | null;
  decidedAt: string | null;
  decision: string | null;
  paidFen: number;
  paidAt: string | null;
  reference: string | null;
  clawedBackFen: number;
  voidedAt: string | null;
}

/** The provider's orders in the programme, in the order they were placed, with what was claimed, decided, paid and clawed back. */
export function providerSettlement(view: ProgrammeRecord, providerId: string): ProviderSettlementLine[] {
  return view.orders
    .filter((o) => o.provider.providerId === providerId)
    .map((o) => ({
      orderId: o.orderId,
      enterpriseUscc: o.enterpriseUscc,
      deliveryId: o.deliveryId,
      domain: o.domain,
      priceFen: o.priceFen,
      subsidyFen: o.subsidyFen,
      status: o.status,
      placedAt: o.placedAt,
      claimedAt: o.claimedAt,
      decidedAt: o.approval?.approvedAt ?? o.rejection?.rejectedAt ?? null,
      decision: o.approval?.opinion ?? o.rejection?.reason ?? null,
      paidFen: o.status === 'PAID' ? (o.payment?.amountFen ?? 0) : 0,
      paidAt: o.payment?.paidAt ?? null,
      reference: o.payment?.reference ?? null,
      clawedBackFen: o.status === 'VOIDED' ? (o.payment?.amountFen ?? 0) : 0,
      voidedAt: o.voiding?.voidedAt ?? null,
    }));
}
