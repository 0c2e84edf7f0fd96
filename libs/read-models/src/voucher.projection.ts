import { assertNever } from '@sme/domain/shared/decider';
import { cityCodeOf } from '@sme/domain/shared/region-code';
import type { VoucherEvent } from '@sme/domain/voucher/voucher.events';
import type { GrantWay, VoucherTerms, VoucherTier } from '@sme/domain/voucher/voucher.terms';
import type { RecordedEvent } from '@sme/event-store';
import { versionOf } from './view-version';
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
  /** 分: the budget, what is granted, and what is left to grant. */
  budget: { fundedFen: number; grantedFen: number; unallocatedFen: number };
  holders: VoucherHolderView[];
  /** The enterprises' USCCs, for an enterprise reading its own programmes. */
  holderUsccs: string[];
}

const budgetOf = (terms: VoucherTerms, holders: VoucherHolderView[]) => {
  const grantedFen = holders.reduce((sum, h) => sum + (h.grant?.quotaFen ?? 0), 0);
  return { fundedFen: terms.budgetFen, grantedFen, unallocatedFen: terms.budgetFen - grantedFen };
};

/** Pure: the programme's document after one more of its events. */
export function projectVoucherProgramme(view: VoucherProgrammeView | undefined, recorded: RecordedEvent): VoucherProgrammeView | undefined {
  const event = { type: recorded.type, data: recorded.data } as VoucherEvent;
  const version = versionOf(recorded);
  if (event.type === 'VoucherProgrammePublished') {
    const { programmeId, issuer, terms, publishedAt } = event.data;
    const id = programmeId;
    return { _id: id, id, issuer, cityCode: cityCodeOf(issuer.regionCode), title: terms.title, version: 1, terms, publishedAt, amendments: [], budget: budgetOf(terms, []), holders: [], holderUsccs: [], ...version };
  }
  if (!view) return view;
  const withHolders = (holders: VoucherHolderView[]): VoucherProgrammeView => ({ ...view, holders, holderUsccs: [...new Set(holders.map((h) => h.uscc))], budget: budgetOf(view.terms, holders), ...version });
  const replaced = (holder: VoucherHolderView) => [...view.holders.filter((h) => h.enterpriseId !== holder.enterpriseId), holder];
  const current = (enterpriseId: string) => view.holders.find((h) => h.enterpriseId === enterpriseId);
  switch (event.type) {
    case 'VoucherProgrammeAmended': {
      const { version: v, terms, reason, amendedAt } = event.data;
      const amended = { ...view, version: v, terms, title: terms.title, amendments: [...view.amendments, { version: v, reason, budgetFen: terms.budgetFen, amendedAt }] };
      return { ...amended, budget: budgetOf(terms, view.holders), ...version };
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
    default:
      return assertNever(event);
  }
}
