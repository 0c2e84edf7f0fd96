import type { VoucherOrderFacts } from './voucher.commands';
import type { VoucherEvents } from './voucher.events';
import type { VoucherApplicant } from './voucher.rules';
import type { VoucherTerms } from './voucher.terms';

export const PROGRAMME_ID = '5e1a2b3c-4d5e-4f60-8a1b-2c3d4e5f6a90';

/** Beijing's scheme as Guangzhou's 2026 programme: 30 % of an order up to ¥30,000; quotas ¥20,000 / ¥100,000 / ¥200,000; a ¥300,000 budget. */
export const voucherTerms: VoucherTerms = {
  title: '广州市2026年中小企业服务券',
  documentNumber: '穗工信规字〔2026〕3号',
  budgetFen: 30_000_000,
  eligibility: { sizeClasses: ['MEDIUM', 'SMALL', 'MICRO'], regionCodes: ['440100'] },
  domains: ['FINANCE', 'IP'],
  applyFrom: '2026-03-01',
  applyUntil: '2026-06-30',
  validFrom: '2026-03-01',
  validUntil: '2026-12-31',
  settleBy: '2027-03-31',
  grantOnEligibility: true,
  rule: { sharePercent: 30, capPerOrderFen: 3_000_000, quotaFen: { SMALL_MICRO: 2_000_000, SPECIALISED: 10_000_000, LITTLE_GIANT: 20_000_000 }, servicePeriodMaxMonths: 12 },
};

/** A small software enterprise of 天河区 without titles, as its record reads on the day. */
export const anApplicant = (enterpriseId: string, uscc: string, changes: Partial<VoucherApplicant> = {}): VoucherApplicant => ({
  enterpriseId,
  uscc,
  regionCode: '440106',
  industryCode: 'SOFTWARE_IT',
  sizeClass: 'SMALL',
  tags: [],
  ...changes,
});

export const PROVIDER_ID = 'b0000000-0000-4000-8000-000000000001';
export const DELIVERY_ID = 'd0000000-0000-4000-8000-000000000001';
export const ORDER_ID = 'c0000000-0000-4000-8000-000000000001';
/** The provider of the 库 that serves and claims. */
export const voucherProvider = { providerId: PROVIDER_ID, uscc: '91440101MA5CKJ8Q7L', name: '广州知识产权服务有限公司' };

/** A provider's IP delivery to the enterprise, ¥50,000 at market price over six months, as the handler reads it on the day. */
export const anOrderFacts = (enterpriseId: string, changes: Partial<NonNullable<VoucherOrderFacts['delivery']>> = {}, facts: Partial<VoucherOrderFacts> = {}): VoucherOrderFacts => ({
  providerInPool: true,
  parties: { provider: { uscc: voucherProvider.uscc }, enterprise: { uscc: '91440106MA59C3PL2X' } },
  delivery: {
    serverKind: 'PROVIDER',
    serverId: PROVIDER_ID,
    enterpriseId,
    domain: 'IP',
    stage: 'IN_PROGRESS',
    fee: { kind: 'MARKET', amountFen: 5_000_000 },
    plannedStart: '2026-04-01',
    plannedEnd: '2026-09-30',
    ...changes,
  },
  ...facts,
});

/** The order placed on those facts: the delivery at its price, 30 % of it the subsidy, over its six months. */
export const anOrderPlaced = (enterpriseId: string): VoucherEvents['VoucherOrderPlaced'] => ({
  type: 'VoucherOrderPlaced',
  data: {
    programmeId: PROGRAMME_ID,
    orderId: ORDER_ID,
    enterpriseId,
    provider: voucherProvider,
    deliveryId: DELIVERY_ID,
    domain: 'IP',
    priceFen: 5_000_000,
    subsidyFen: 1_500_000,
    servicePeriod: { from: '2026-04-01', until: '2026-09-30' },
    placedAt: '2026-04-02T02:00:00.000Z',
  },
});

/** The delivery as a claim reads it: confirmed by the enterprise, its 档案 at revision 5 with one document. */
export const claimFacts = (deliveryStage = 'CONFIRMED') => ({ deliveryStage, dossier: { deliveryRevision: 5, documents: ['5d41402abc4b2a76b9719d911017c592ae7f1d2e4f1c7bb4e0e3a3b1c9a0d2f1'] } });
