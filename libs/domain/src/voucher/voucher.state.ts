import { assertNever } from '../shared/decider';
import type { VoucherEvent } from './voucher.events';
import { cutBudget, emptyBooks, fundBudget, grantQuota, postEntries, type VoucherBooks } from './voucher-ledger';
import type { VoucherTerms, VoucherTier } from './voucher.terms';

/** An enterprise's standing in a programme: applied (pending), refused (it may apply again) or granted. */
export type VoucherHolder = { enterpriseId: string; uscc: string; regionCode: string; tier: VoucherTier; status: 'APPLIED' | 'REFUSED' | 'GRANTED'; quotaFen: number | null };

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
    };
export type ExistingVoucherProgramme = Exclude<VoucherState, { status: 'NONE' }>;

export const initialVoucherState = (): VoucherState => ({ status: 'NONE' });

/** The books move with the events: a budget put in or changed, a quota granted. */
export function evolveVoucher(state: VoucherState, event: VoucherEvent): VoucherState {
  if (event.type === 'VoucherProgrammePublished') {
    const { programmeId, issuer, version, terms } = event.data;
    return { status: 'PUBLISHED', programmeId, issuer, version, terms, books: postEntries(emptyBooks(), fundBudget(emptyBooks(), terms.budgetFen)), holders: {} };
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
    default:
      return assertNever(event);
  }
}
