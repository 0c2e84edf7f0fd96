import { chinaDateOf } from '@sme/domain';

/** This year's: a programme's application window must still be open on the day it is published. */
const year = Number(chinaDateOf(new Date()).slice(0, 4));

/** A Guangzhou programme open all year, in the manner of Beijing's: 30 % of an order up to ¥30,000, quotas by tier. */
export const voucherTermsBody = (changes: Record<string, unknown> = {}) => ({
  title: `广州市${year}年中小企业服务券`,
  documentNumber: `穗工信规字〔${year}〕3号`,
  budgetFen: 30_000_000,
  eligibility: { regionCodes: ['440100'] },
  domains: ['FINANCE', 'IP'],
  applyFrom: `${year}-01-01`,
  applyUntil: `${year}-12-31`,
  validFrom: `${year}-01-01`,
  validUntil: `${year}-12-31`,
  settleBy: `${year + 1}-03-31`,
  grantOnEligibility: true,
  rule: { sharePercent: 30, capPerOrderFen: 3_000_000, quotaFen: { SMALL_MICRO: 2_000_000, SPECIALISED: 10_000_000, LITTLE_GIANT: 20_000_000 }, servicePeriodMaxMonths: 12 },
  ...changes,
});
