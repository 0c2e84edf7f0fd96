import { assertNever } from '../shared/decider';
import type { VoucherEvent } from './voucher.events';
import {
  cutBudget,
  emptyBooks,
  fundBudget,
  grantQuota,
  lapseQuota,
  lapseReservation,
  makeClaimable,
  payClaim,
  postEntries,
  rejectClaim,
  releaseReservation,
  reserveSubsidy,
  voidPayment,
  type VoucherBooks,
} from './voucher-ledger';
import type { VoucherTerms, VoucherTier } from './voucher.terms';

/** An enterprise's standing in a programme: applied (pending), refused (it may apply again) or granted. */
export type VoucherHolder = { enterpriseId: string; uscc: string; regionCode: string; tier: VoucherTier; status: 'APPLIED' | 'REFUSED' | 'GRANTED'; quotaFen: number | null };

export type VoucherOrderStatus = 'PLACED' | 'CONFIRMED' | 'CANCELLED' | 'CLAIMED' | 'APPROVED' | 'REJECTED' | 'PAID' | 'VOIDED' | 'LAPSED';

/** An order as the books see it: whose, whose quota, how much, and where it stands. */
export type VoucherOrder = {
  orderId: string;
  enterpriseId: string;
  enterpriseUscc: string;
  providerId: string;
  providerUscc: string;
  deliveryId: string;
  priceFen: number;
  subsidyFen: number;
  status: VoucherOrderStatus;
};

export type VoucherState =
  | { status: 'NONE' }
  | {
      status: 'PUBLISHED';
      programmeId: string;
      issuer: { role: 'CITY_AUTHORITY' | 'DISTRICT_AUTHORITY'; regionCode: string };
      version: number;
      terms: VoucherTerms;
      books: VoucherBooks;
      holders: Readonly<Record<string, VoucherHolder>>;
      orders: Readonly<Record<string, VoucherOrder>>;
      /** Set once the programme is closed after its settlement date: it takes nothing more. */
      closedAt?: string;
    };
export type ExistingVoucherProgramme = Exclude<VoucherState, { status: 'NONE' }>;

export const initialVoucherState = (): VoucherState => ({ status: 'NONE' });

/** The books move with the events: a budget put in or changed, a quota granted, an order's subsidy reserved, claimed, paid or given back. */
export function evolveVoucher(state: VoucherState, event: VoucherEvent): VoucherState {
  if (event.type === 'VoucherProgrammePublished') {
    const { programmeId, issuer, version, terms } = event.data;
    return { status: 'PUBLISHED', programmeId, issuer, version, terms, books: postEntries(emptyBooks(), fundBudget(emptyBooks(), terms.budgetFen)), holders: {}, orders: {} };
  }
  if (state.status === 'NONE') return state;
  const holder = (enterpriseId: string, change: Partial<VoucherHolder>) => ({ ...state.holders, [enterpriseId]: { ...state.holders[enterpriseId], ...change } as VoucherHolder });
  switch (event.type) {
    case 'VoucherProgrammeAmended': {
      const { version, terms } = event.data;
      const change = terms.budgetFen - state.terms.budgetFen;
      const books = change > 0 ? postEntries(state.books, fundBudget(state.books, change)) : change < 0 ? postEntries(state.books, cutBudget(state.books, -change)) : state.books;
      return { ...state, version, terms, books };
    }
    case 'VoucherApplied': {
      const { enterpriseId, uscc, regionCode, tier } = event.data;
      return { ...state, holders: holder(enterpriseId, { enterpriseId, uscc, regionCode, tier, status: 'APPLIED', quotaFen: null }) };
    }
    case 'VoucherApplicationRefused':
      return { ...state, holders: holder(event.data.enterpriseId, { status: 'REFUSED' }) };
    case 'VoucherGranted': {
      const { enterpriseId, uscc, regionCode, tier, quotaFen } = event.data;
      const books = postEntries(state.books, grantQuota(state.books, enterpriseId, quotaFen));
      return { ...state, books, holders: holder(enterpriseId, { enterpriseId, uscc, regionCode, tier, status: 'GRANTED', quotaFen }) };
    }
    case 'VoucherOrderPlaced': {
      const { orderId, enterpriseId, provider, deliveryId, priceFen, subsidyFen } = event.data;
      const enterpriseUscc = state.holders[enterpriseId]?.uscc ?? '';
      const order: VoucherOrder = { orderId, enterpriseId, enterpriseUscc, providerId: provider.providerId, providerUscc: provider.uscc, deliveryId, priceFen, subsidyFen, status: 'PLACED' };
      return { ...state, orders: { ...state.orders, [orderId]: order } };
    }
    case 'VoucherOrderConfirmed': {
      const order = state.orders[event.data.orderId];
      const books = postEntries(state.books, reserveSubsidy(state.books, order.orderId, order.enterpriseId, order.subsidyFen), { orderId: order.orderId, enterpriseId: order.enterpriseId });
      return withOrder(state, books, order, 'CONFIRMED');
    }
    case 'VoucherOrderCancelled': {
      const order = state.orders[event.data.orderId];
      const books = order.status === 'CONFIRMED' ? postEntries(state.books, releaseReservation(state.books, order.orderId)) : state.books;
      return withOrder(state, books, order, 'CANCELLED');
    }
    case 'VoucherClaimed': {
      const order = state.orders[event.data.orderId];
      return withOrder(state, postEntries(state.books, makeClaimable(state.books, order.orderId)), order, 'CLAIMED');
    }
    case 'VoucherClaimApproved':
      return withOrder(state, state.books, state.orders[event.data.orderId], 'APPROVED');
    case 'VoucherClaimRejected': {
      const order = state.orders[event.data.orderId];
      return withOrder(state, postEntries(state.books, rejectClaim(state.books, order.orderId)), order, 'REJECTED');
    }
    case 'VoucherPaymentRecorded': {
      const order = state.orders[event.data.orderId];
      return withOrder(state, postEntries(state.books, payClaim(state.books, order.orderId)), order, 'PAID');
    }
    case 'VoucherProgrammeClosed': {
      const { lapsedQuotas, lapsedOrders, closedAt } = event.data;
      let books = state.books;
      for (const { orderId } of lapsedOrders) books = postEntries(books, lapseReservation(books, orderId));
      for (const { enterpriseId } of lapsedQuotas) books = postEntries(books, lapseQuota(books, enterpriseId));
      const orders = { ...state.orders };
      for (const { orderId } of lapsedOrders) if (orders[orderId]) orders[orderId] = { ...orders[orderId], status: 'LAPSED' };
      return { ...state, books, orders, closedAt };
    }
    case 'VoucherPaymentVoided': {
      const order = state.orders[event.data.orderId];
      return withOrder(state, postEntries(state.books, voidPayment(state.books, order.orderId)), order, 'VOIDED');
    }
    default:
      return assertNever(event);
  }
}

type Published = Exclude<VoucherState, { status: 'NONE' }>;

function withOrder(state: Published, books: VoucherBooks, order: VoucherOrder, status: VoucherOrderStatus): Published {
  return { ...state, books, orders: { ...state.orders, [order.orderId]: { ...order, status } } };
}
