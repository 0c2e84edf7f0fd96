import { assertNever } from '@sme/domain/shared/decider';
import { cityCodeOf } from '@sme/domain/shared/region-code';
import type { VoucherEvent } from '@sme/domain/voucher/voucher.events';
import type { GrantWay, VoucherTerms, VoucherTier } from '@sme/domain/voucher/voucher.terms';
import { projectionStep } from './view-version';
import type { ViewVersion } from './views';

/** An enterprise in a programme: its application (pending or refused) or the quota granted to it. */
export interface VoucherHolderView {
  enterpriseId: string;
  uscc: string;
  regionCode: string;
  tier: VoucherTier;
  status: 'APPLIED' | 'REFUSED' | 'GRANTED';
  appliedAt: string | null;
  refusal: { reason: string; refusedAt: string } | null;
  grant: { quotaFen: number; way: GrantWay; grantedAt: string } | null;
}

/** An order for a voucher-paid delivery, from the offer to the payment (or its clawback). */
export interface VoucherOrderView {
  orderId: string;
  enterpriseId: string;
  enterpriseUscc: string;
  /** The enterprise's region (its district), for the dashboard. */
  regionCode: string;
  provider: { providerId: string; uscc: string; name: string };
  deliveryId: string;
  domain: string;
  priceFen: number;
  subsidyFen: number;
  servicePeriod: { from: string; until: string };
  status: 'PLACED' | 'CONFIRMED' | 'CANCELLED' | 'CLAIMED' | 'APPROVED' | 'REJECTED' | 'PAID' | 'VOIDED' | 'LAPSED';
  placedAt: string;
  confirmedAt: string | null;
  cancellation: { reason: string; cancelledAt: string } | null;
  claimedAt: string | null;
  /** The delivery's 档案 the claim rests on: the revision read and the documents' digests. */
  dossier: { deliveryRevision: number; documents: string[] } | null;
  approval: { opinion: string; approvedAt: string } | null;
  rejection: { reason: string; rejectedAt: string } | null;
  payment: { amountFen: number; reference: string; paidAt: string } | null;
  voiding: { reason: string; voidedAt: string } | null;
}

/**
 * A programme's money in 分, as the books hold it: funded = unallocated + unused quota + reserved +
 * claimable + paid. A rejected claim goes back to its enterprise's quota; a voided payment back to
 * the unallocated budget (clawedBackFen says how much).
 */
export interface VoucherBudgetView {
  fundedFen: number;
  /** Every quota granted, used or not. */
  grantedFen: number;
  unallocatedFen: number;
  quotaUnusedFen: number;
  reservedFen: number;
  claimableFen: number;
  paidFen: number;
  clawedBackFen: number;
  /** What lapsed back to the budget when the programme closed: quotas left unused and reservations never claimed. */
  lapsedFen: number;
}

/** A 服务券 programme: its terms as they stand, every version's reason, the budget's figures and the enterprises in it. */
export interface VoucherProgrammeView extends ViewVersion {
  id: string;
  issuer: { role: 'CITY_AUTHORITY' | 'DISTRICT_AUTHORITY'; regionCode: string };
  /** The issuer's city, for city-wide lists. */
  cityCode: string;
  title: string;
  version: number;
  terms: VoucherTerms;
  publishedAt: string;
  amendments: { version: number; reason: string; budgetFen: number; amendedAt: string }[];
  budget: VoucherBudgetView;
  holders: VoucherHolderView[];
  orders: VoucherOrderView[];
  /** The orders' providers' USCCs, for a provider reading its own orders. */
  providerUsccs: string[];
  /** When the programme closed after its settlement date, and what lapsed; null while open. */
  closure: { closedAt: string; lapsedQuotas: { enterpriseId: string; amountFen: number }[] } | null;
  /** The enterprises' USCCs, for an enterprise reading its own programmes. */
  holderUsccs: string[];
}

const sum = (orders: VoucherOrderView[], ...statuses: VoucherOrderView['status'][]) => orders.filter((o) => statuses.includes(o.status)).reduce((total, o) => total + o.subsidyFen, 0);

/** Where an order's subsidy sits in the books, by its status. */
export function orderFigures(orders: VoucherOrderView[]) {
  return {
    reservedFen: sum(orders, 'CONFIRMED'),
    claimableFen: sum(orders, 'CLAIMED', 'APPROVED'),
    paidFen: orders.reduce((total, o) => total + (o.status === 'PAID' ? (o.payment?.amountFen ?? 0) : 0), 0),
    clawedBackFen: orders.reduce((total, o) => total + (o.status === 'VOIDED' ? (o.payment?.amountFen ?? 0) : 0), 0),
  };
}

export function budgetOf(terms: VoucherTerms, holders: VoucherHolderView[], orders: VoucherOrderView[], closure: VoucherProgrammeView['closure'] = null): VoucherBudgetView {
  const grantedFen = holders.reduce((total, h) => total + (h.grant?.quotaFen ?? 0), 0);
  const { reservedFen, claimableFen, paidFen, clawedBackFen } = orderFigures(orders);
  const lapsedFen = sum(orders, 'LAPSED') + (closure?.lapsedQuotas.reduce((total, q) => total + q.amountFen, 0) ?? 0);
  const quotaUnusedFen = grantedFen - reservedFen - claimableFen - paidFen - clawedBackFen - lapsedFen;
  return { fundedFen: terms.budgetFen, grantedFen, unallocatedFen: terms.budgetFen - grantedFen + clawedBackFen + lapsedFen, quotaUnusedFen, reservedFen, claimableFen, paidFen, clawedBackFen, lapsedFen };
}

/** What a new order’s view holds of its confirmation, claim, approval, payment and their reversals no event has filled yet. */
export const orderBlanks = () => ({
  confirmedAt: null,
  cancellation: null,
  claimedAt: null,
  dossier: null,
  approval: null,
  rejection: null,
  payment: null,
  voiding: null,
}) satisfies Partial<VoucherOrderView>;

/** Pure: the programme's document after one more of its events. */
export const projectVoucherProgramme = projectionStep<VoucherProgrammeView, VoucherEvent>((view, event, version) => {
  if (event.type === 'VoucherProgrammePublished') {
    const { programmeId, issuer, terms, publishedAt } = event.data;
    const id = programmeId;
    const budget = budgetOf(terms, [], []);
    return { _id: id, id, issuer, cityCode: cityCodeOf(issuer.regionCode), title: terms.title, version: 1, terms, publishedAt, amendments: [], budget, holders: [], holderUsccs: [], orders: [], providerUsccs: [], closure: null, ...version };
  }
  if (!view) return view;
  const withHolders = (holders: VoucherHolderView[]): VoucherProgrammeView => ({ ...view, holders, holderUsccs: [...new Set(holders.map((h) => h.uscc))], budget: budgetOf(view.terms, holders, view.orders, view.closure), ...version });
  const withOrders = (orders: VoucherOrderView[]): VoucherProgrammeView => ({ ...view, orders, providerUsccs: [...new Set(orders.map((o) => o.provider.uscc))], budget: budgetOf(view.terms, view.holders, orders, view.closure), ...version });
  const changed = (orderId: string, change: Partial<VoucherOrderView>) => withOrders(view.orders.map((o) => (o.orderId === orderId ? { ...o, ...change } : o)));
  const replaced = (holder: VoucherHolderView) => [...view.holders.filter((h) => h.enterpriseId !== holder.enterpriseId), holder];
  const current = (enterpriseId: string) => view.holders.find((h) => h.enterpriseId === enterpriseId);
  switch (event.type) {
    case 'VoucherProgrammeAmended': {
      const { version: v, terms, reason, amendedAt } = event.data;
      const amended = { ...view, version: v, terms, title: terms.title, amendments: [...view.amendments, { version: v, reason, budgetFen: terms.budgetFen, amendedAt }] };
      return { ...amended, budget: budgetOf(terms, view.holders, view.orders, view.closure), ...version };
    }
    case 'VoucherApplied': {
      const { enterpriseId, uscc, regionCode, tier, appliedAt } = event.data;
      return withHolders(replaced({ enterpriseId, uscc, regionCode, tier, status: 'APPLIED', appliedAt, refusal: null, grant: null }));
    }
    case 'VoucherApplicationRefused': {
      const holder = current(event.data.enterpriseId);
      if (!holder) return { ...view, ...version };
      return withHolders(replaced({ ...holder, status: 'REFUSED', refusal: { reason: event.data.reason, refusedAt: event.data.refusedAt } }));
    }
    case 'VoucherGranted': {
      const { enterpriseId, uscc, regionCode, tier, quotaFen, way, grantedAt } = event.data;
      const holder = current(enterpriseId);
      return withHolders(replaced({ enterpriseId, uscc, regionCode, tier, status: 'GRANTED', appliedAt: holder?.appliedAt ?? null, refusal: null, grant: { quotaFen, way, grantedAt } }));
    }
    case 'VoucherOrderPlaced': {
      const { orderId, enterpriseId, provider, deliveryId, domain, priceFen, subsidyFen, servicePeriod, placedAt } = event.data;
      const holder = current(enterpriseId);
      const order: VoucherOrderView = {
        orderId,
        enterpriseId,
        enterpriseUscc: holder?.uscc ?? '',
        regionCode: holder?.regionCode ?? '',
        provider,
        deliveryId,
        domain,
        priceFen,
        subsidyFen,
        servicePeriod,
        status: 'PLACED',
        placedAt,
        ...orderBlanks(),
      };
      return withOrders([...view.orders, order]);
    }
    case 'VoucherOrderConfirmed':
      return changed(event.data.orderId, { status: 'CONFIRMED', confirmedAt: event.data.confirmedAt });
    case 'VoucherOrderCancelled':
      return changed(event.data.orderId, { status: 'CANCELLED', cancellation: { reason: event.data.reason, cancelledAt: event.data.cancelledAt } });
    case 'VoucherClaimed':
      return changed(event.data.orderId, { status: 'CLAIMED', claimedAt: event.data.claimedAt, dossier: event.data.dossier });
    case 'VoucherClaimApproved':
      return changed(event.data.orderId, { status: 'APPROVED', approval: { opinion: event.data.opinion, approvedAt: event.data.approvedAt } });
    case 'VoucherClaimRejected':
      return changed(event.data.orderId, { status: 'REJECTED', rejection: { reason: event.data.reason, rejectedAt: event.data.rejectedAt } });
    case 'VoucherPaymentRecorded': {
      const { orderId, amountFen, reference, paidAt } = event.data;
      return changed(orderId, { status: 'PAID', payment: { amountFen, reference, paidAt } });
    }
    case 'VoucherProgrammeClosed': {
      const { lapsedQuotas, lapsedOrders, closedAt } = event.data;
      const lapsed = new Set(lapsedOrders.map((o) => o.orderId));
      const closure = { closedAt, lapsedQuotas };
      const orders = view.orders.map((o) => (lapsed.has(o.orderId) ? { ...o, status: 'LAPSED' as const } : o));
      return { ...view, orders, closure, budget: budgetOf(view.terms, view.holders, orders, closure), ...version };
    }
    case 'VoucherPaymentVoided':
      return changed(event.data.orderId, { status: 'VOIDED', voiding: { reason: event.data.reason, voidedAt: event.data.voidedAt } });
    default:
      return assertNever(event);
  }
});
