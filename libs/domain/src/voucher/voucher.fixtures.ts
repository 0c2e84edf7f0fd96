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
