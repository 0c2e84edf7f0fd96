import type { VoucherApplicant } from './voucher.rules';
import type { VoucherEvent } from './voucher.events';
import { anApplicant, PROGRAMME_ID, voucherTerms } from './voucher.fixtures';
import { voucherKind } from './voucher.kind';
import { balanceOf, totalsOf } from './voucher-ledger';
import { anActor, commandWith, given, GZ, gzBureau, szBureau, tianheAuthority, TIANHE } from '../shared/testing';

const SMALL = 'e0000000-0000-4000-8000-000000000001';
const GIANT = 'e0000000-0000-4000-8000-000000000002';
const MEDIUM = 'e0000000-0000-4000-8000-000000000003';
const terms = voucherTerms;
const applicant = (enterpriseId: string, changes: Partial<VoucherApplicant> = {}): VoucherApplicant =>
  anApplicant(enterpriseId, enterpriseId === SMALL ? '91440106MA59C3PL2X' : '91440106MA59C3PL3X', changes);
const smallCo = anActor('ENTERPRISE', TIANHE, 'ent-small', '91440106MA59C3PL2X');

const noProducts = { products: [] as { productId: string; onShow: boolean; providerInPool: boolean }[] };
const publish = commandWith('PublishVoucherProgramme', { programmeId: PROGRAMME_ID, issuer: { role: 'CITY_AUTHORITY' as const, regionCode: GZ }, terms, facts: noProducts }, gzBureau, '2026-02-20T10:00:00+08:00');
const published: VoucherEvent = {
  type: 'VoucherProgrammePublished',
  data: { programmeId: PROGRAMME_ID, issuer: { role: 'CITY_AUTHORITY', regionCode: GZ }, version: 1, terms, publishedAt: '2026-02-20T02:00:00.000Z' },
};
const apply = commandWith('ApplyForVoucher', { programmeId: PROGRAMME_ID, applicant: applicant(SMALL) }, smallCo, '2026-03-10T10:00:00+08:00');
const applied: VoucherEvent = {
  type: 'VoucherApplied',
  data: { programmeId: PROGRAMME_ID, enterpriseId: SMALL, uscc: '91440106MA59C3PL2X', regionCode: TIANHE, tier: 'SMALL_MICRO', appliedAt: '2026-03-10T02:00:00.000Z' },
};
const approve = commandWith('ApproveVoucherApplication', { programmeId: PROGRAMME_ID, enterpriseId: SMALL }, gzBureau, '2026-03-12T10:00:00+08:00');
const granted: VoucherEvent = {
  type: 'VoucherGranted',
  data: { programmeId: PROGRAMME_ID, enterpriseId: SMALL, uscc: '91440106MA59C3PL2X', regionCode: TIANHE, tier: 'SMALL_MICRO', quotaFen: 2_000_000, way: 'APPLIED', grantedAt: '2026-03-12T02:00:00.000Z' },
};
const refuse = commandWith('RefuseVoucherApplication', { programmeId: PROGRAMME_ID, enterpriseId: SMALL, reason: '材料不实' }, gzBureau, '2026-03-12T10:00:00+08:00');
const onEligibility = commandWith('GrantVoucherOnEligibility', { programmeId: PROGRAMME_ID, applicant: applicant(GIANT, { tags: [{ tag: 'LITTLE_GIANT', validFrom: '2025-07-01' }] }) }, gzBureau, '2026-03-15T10:00:00+08:00');
const amend = commandWith('AmendVoucherProgramme', { programmeId: PROGRAMME_ID, terms: { ...terms, budgetFen: 40_000_000 }, reason: '追加预算', facts: noProducts }, gzBureau, '2026-04-01T10:00:00+08:00');

describe('Voucher programme (服务券计划)', () => {
  it('the city authority publishes it; the budget is put in the books', () => {
    given(voucherKind)
      .when(publish())
      .then([published])
      .andState((state) => expect(state.status === 'PUBLISHED' && totalsOf(state.books)).toEqual({ funded: 30_000_000, unallocated: 30_000_000, granted: 0, reserved: 0, claimable: 0, paid: 0 }));
  });

  it('only the issuing authority, in its own region (403)', () => {
    given(voucherKind).when(publish({}, szBureau)).thenThrows('REGION_NOT_PERMITTED');
    given(voucherKind).when(publish({}, anActor('HUB', GZ))).thenThrows('ROLE_NOT_PERMITTED');
    given(voucherKind, [published]).when(approve({}, tianheAuthority)).thenThrows('REGION_NOT_PERMITTED');
    given(voucherKind, [published]).when(apply({}, anActor('ENTERPRISE', TIANHE, 'other', '91440106MA59C3PL9X'))).thenThrows('NOT_OWNER');
  });

  it.each([
    [{ applyUntil: '2026-02-28' }, 'DATES_OUT_OF_ORDER', 'terms.applyUntil'],
    [{ validUntil: '2026-06-01' }, 'DATES_OUT_OF_ORDER', 'terms.validUntil'],
    [{ settleBy: '2026-12-30' }, 'DATES_OUT_OF_ORDER', 'terms.settleBy'],
    [{ budgetFen: 0 }, 'FIELD_INVALID', 'terms.budgetFen'],
    [{ documentNumber: '第3号' }, 'DOCUMENT_NUMBER_INVALID', 'terms.documentNumber'],
    [{ domains: ['PARTY'] }, 'FIELD_INVALID', 'terms.domains.0'],
    [{ rule: { ...terms.rule, sharePercent: 101 } }, 'FIELD_INVALID', 'terms.rule.sharePercent'],
    [{ rule: { ...terms.rule, servicePeriodMaxMonths: 13 } }, 'FIELD_INVALID', 'terms.rule.servicePeriodMaxMonths'],
    [{ rule: { ...terms.rule, quotaFen: {} } }, 'QUOTA_REQUIRED', 'terms.rule.quotaFen'],
    [{ rule: { ...terms.rule, quotaFen: { MEDIUM: 1 } } }, 'FIELD_INVALID', 'terms.rule.quotaFen.MEDIUM'],
    [{ eligibility: { regionCodes: ['440300'] } }, 'ELIGIBILITY_REGION_OUTSIDE_ISSUER', 'terms.eligibility.regionCodes.0'],
  ])('refuses terms %j with %s naming %s', (changes, code, field) => {
    given(voucherKind).when(publish({ terms: { ...terms, ...changes } })).thenThrows(code, { field });
  });

  it('names catalogue products too: each on show, its provider in the 库; each at most once', () => {
    const PRODUCT = 'a0000000-0000-4000-8000-000000000001';
    const withProducts = { ...terms, products: [PRODUCT] };
    const fact = (changes = {}) => ({ products: [{ productId: PRODUCT, onShow: true, providerInPool: true, ...changes }] });
    given(voucherKind).when(publish({ terms: withProducts, facts: fact() })).thenEmits(['VoucherProgrammePublished']);
    given(voucherKind).when(publish({ terms: withProducts, facts: fact({ onShow: false }) })).thenThrows('PRODUCT_NOT_ON_SHOW', { field: 'terms.products.0' });
    given(voucherKind).when(publish({ terms: withProducts })).thenThrows('PRODUCT_NOT_ON_SHOW');
    given(voucherKind).when(publish({ terms: withProducts, facts: fact({ providerInPool: false }) })).thenThrows('PRODUCT_PROVIDER_NOT_IN_POOL');
    given(voucherKind).when(publish({ terms: { ...terms, products: [PRODUCT, PRODUCT] }, facts: fact() })).thenThrows('FIELD_INVALID', { field: 'terms.products.1' });
    given(voucherKind, [published]).when(amend({ terms: withProducts, facts: fact({ onShow: false }) })).thenThrows('PRODUCT_NOT_ON_SHOW');
  });

  it('refuses a programme whose application window has passed on the day', () => {
    given(voucherKind).when(publish({}, gzBureau, '2026-07-01T10:00:00+08:00')).thenThrows('APPLICATION_WINDOW_PAST');
  });

  it('an eligible enterprise applies in the window; the issuer grants its tier’s quota from the budget', () => {
    given(voucherKind, [published]).when(apply()).then([applied]);
    given(voucherKind, [published, applied])
      .when(approve())
      .then([granted])
      .andState((state) => {
        expect(state.status === 'PUBLISHED' && balanceOf(state.books, `GRANTED:${SMALL}`)).toBe(2_000_000);
        expect(state.status === 'PUBLISHED' && state.books.balances.get('UNALLOCATED')).toBe(28_000_000);
      });
    given(voucherKind, [published, applied]).when(refuse()).thenEmits(['VoucherApplicationRefused']);
  });

  it('refuses an application outside the window, an ineligible enterprise, a tier without quota, and a second one', () => {
    given(voucherKind, [published]).when(apply({}, smallCo, '2026-07-01T10:00:00+08:00')).thenThrows('APPLICATION_WINDOW_CLOSED');
    given(voucherKind, [published]).when(apply({ applicant: applicant(SMALL, { regionCode: '440305' }) })).thenThrows('NOT_ELIGIBLE', { message: /440305/ });
    given(voucherKind, [published]).when(apply({ applicant: applicant(SMALL, { sizeClass: 'LARGE' }) })).thenThrows('NOT_ELIGIBLE');
    given(voucherKind, [published]).when(apply({ applicant: applicant(SMALL, { sizeClass: 'MEDIUM' }) })).thenThrows('NO_QUOTA_FOR_TIER');
    given(voucherKind, [published, applied]).when(apply()).thenThrows('ALREADY_APPLIED');
    given(voucherKind, [published, applied, granted]).when(apply()).thenThrows('ALREADY_GRANTED');
    given(voucherKind, [published]).when(approve()).thenThrows('NO_PENDING_APPLICATION');
  });

  it('免申即享: the issuer grants an eligible enterprise by its title, without an application', () => {
    given(voucherKind, [published])
      .when(onEligibility())
      .then([
        {
          type: 'VoucherGranted',
          data: { programmeId: PROGRAMME_ID, enterpriseId: GIANT, uscc: '91440106MA59C3PL3X', regionCode: TIANHE, tier: 'LITTLE_GIANT', quotaFen: 20_000_000, way: 'ON_ELIGIBILITY', grantedAt: '2026-03-15T02:00:00.000Z' },
        },
      ]);
    const applyOnly: VoucherEvent = { ...published, data: { ...published.data, terms: { ...terms, grantOnEligibility: false } } } as VoucherEvent;
    given(voucherKind, [applyOnly]).when(onEligibility()).thenThrows('NOT_GRANTED_ON_ELIGIBILITY');
  });

  it('refuses a grant the remaining budget cannot cover', () => {
    const giant = (id: string) => onEligibility({ applicant: applicant(id, { tags: [{ tag: 'LITTLE_GIANT', validFrom: '2025-07-01' }] }) });
    const state = given(voucherKind, [published]).when(giant(GIANT)).thenEmits(['VoucherGranted']).state;
    // ¥100,000 left; another 小巨人's ¥200,000 does not fit.
    expect(state.status === 'PUBLISHED' && state.books.balances.get('UNALLOCATED')).toBe(10_000_000);
    const first: VoucherEvent = {
      type: 'VoucherGranted',
      data: { programmeId: PROGRAMME_ID, enterpriseId: GIANT, uscc: '91440106MA59C3PL3X', regionCode: TIANHE, tier: 'LITTLE_GIANT', quotaFen: 20_000_000, way: 'ON_ELIGIBILITY', grantedAt: '2026-03-15T02:00:00.000Z' },
    };
    given(voucherKind, [published, first]).when(giant(MEDIUM)).thenThrows('BUDGET_EXCEEDED', { message: /10000000/ });
  });

  it('an amendment is the next version with a reason; a budget cut never goes below what is granted', () => {
    given(voucherKind, [published, applied, granted])
      .when(amend())
      .then([{ type: 'VoucherProgrammeAmended', data: { programmeId: PROGRAMME_ID, version: 2, terms: { ...terms, budgetFen: 40_000_000 }, reason: '追加预算', amendedAt: '2026-04-01T02:00:00.000Z' } }])
      .andState((state) => expect(state.status === 'PUBLISHED' && state.books.balances.get('UNALLOCATED')).toBe(38_000_000));
    given(voucherKind, [published, applied, granted]).when(amend({ terms: { ...terms, budgetFen: 1_000_000 } })).thenThrows('BUDGET_COMMITTED');
    given(voucherKind, [published]).when(amend({ terms })).thenThrows('TERMS_UNCHANGED');
    given(voucherKind, [published]).when(amend({ reason: ' ' })).thenThrows('FIELD_REQUIRED', { field: 'reason' });
  });
});
