import { isEligible, type MatchableEnterprise } from '../policy/policy-matching';
import { checkEligibility, requireDocumentNumber } from '../policy/policy.rules';
import { requireCodeSet } from '../shared/code-lists';
import { conflict, invalid } from '../shared/domain-error';
import { serviceDomains } from '../shared/service-domains';
import { fieldInvalid, L, requireBoolean, requireBusinessDate, requireInteger, requireText, type Label } from '../shared/validation';
import { voucherTiers, type VoucherTerms, type VoucherTier } from './voucher.terms';

const present = (value: unknown) => value !== undefined && value !== null;

/** What a grant needs to know of the enterprise on the day, read from its record by the handler. */
export type VoucherApplicant = MatchableEnterprise & { enterpriseId: string; uscc: string };

/**
 * The terms checked and normalised. The dates run applyFrom ≤ applyUntil ≤ validUntil ≤ settleBy and
 * validFrom ≤ validUntil; the application window is still open on the day of publication; at least one
 * tier has a quota. A district's or city's programme applies only inside its region (as a policy).
 */
export function checkTerms(terms: VoucherTerms, issuerRegion: string, today: string): VoucherTerms {
  if (terms === null || typeof terms !== 'object') throw invalid('FIELD_REQUIRED', '须给出计划条款', 'The terms are required', 'terms');
  const date = (name: keyof VoucherTerms, label: Label) => requireBusinessDate(terms[name], `terms.${name}`, label);
  const [applyFrom, applyUntil, validFrom, validUntil, settleBy] = [
    date('applyFrom', L('申领开始日期', 'Application from')),
    date('applyUntil', L('申领截止日期', 'Application until')),
    date('validFrom', L('使用开始日期', 'Valid from')),
    date('validUntil', L('使用截止日期', 'Valid until')),
    date('settleBy', L('结算截止日期', 'Settle by')),
  ];
  const order = (earlier: string, later: string, field: string, zh: string, en: string) => {
    if (earlier > later) throw invalid('DATES_OUT_OF_ORDER', zh, en, `terms.${field}`);
  };
  order(applyFrom, applyUntil, 'applyUntil', '申领截止日期不得早于开始日期', 'The application window ends before it begins');
  order(validFrom, validUntil, 'validUntil', '使用截止日期不得早于开始日期', 'The order window ends before it begins');
  order(applyUntil, validUntil, 'validUntil', '使用截止日期不得早于申领截止日期', 'Orders must be possible until the application window closes');
  order(validUntil, settleBy, 'settleBy', '结算截止日期不得早于使用截止日期', 'Settlement must be possible after the last order');
  if (applyUntil < today) throw conflict('APPLICATION_WINDOW_PAST', `申领截止日期（${applyUntil}）已过`, `The application window closed on ${applyUntil}`, 'terms.applyUntil');
  const rule = terms.rule;
  if (rule === null || typeof rule !== 'object') throw invalid('FIELD_REQUIRED', '须给出补贴规则', 'The subsidy rule is required', 'terms.rule');
  const quotas = (present(rule.quotaFen) && typeof rule.quotaFen === 'object' ? rule.quotaFen : {}) as Record<string, unknown>;
  const quotaFen: VoucherTerms['rule']['quotaFen'] = {};
  for (const tier of voucherTiers.codes) {
    if (present(quotas[tier])) quotaFen[tier] = requireInteger(quotas[tier], `terms.rule.quotaFen.${tier}`, L('年度额度（分）', 'Yearly quota (分)'), 1);
  }
  const unknown = Object.keys(quotas).filter((k) => !(voucherTiers.codes as readonly string[]).includes(k));
  if (unknown.length > 0) throw fieldInvalid(`terms.rule.quotaFen.${unknown[0]}`, L('企业类别', 'Tier'), `不是企业类别之一（${voucherTiers.codes.join('、')}）`, `is not a tier (${voucherTiers.codes.join(', ')})`);
  if (Object.keys(quotaFen).length === 0) throw invalid('QUOTA_REQUIRED', '须至少为一类企业设定年度额度', 'At least one tier needs a yearly quota', 'terms.rule.quotaFen');
  return {
    title: requireText(terms.title, 'terms.title', L('计划名称', 'Title')),
    documentNumber: requireDocumentNumber(terms.documentNumber, 'terms.documentNumber'),
    budgetFen: requireInteger(terms.budgetFen, 'terms.budgetFen', L('预算（分）', 'Budget (分)'), 1),
    eligibility: checkEligibility(terms.eligibility, 'terms.eligibility', issuerRegion),
    domains: requireCodeSet(terms.domains, serviceDomains.codes, 'terms.domains', L('服务领域', 'Service domains')),
    ...(terms.products === undefined || terms.products === null ? {} : { products: checkProducts(terms.products) }),
    applyFrom,
    applyUntil,
    validFrom,
    validUntil,
    settleBy,
    grantOnEligibility: requireBoolean(terms.grantOnEligibility, 'terms.grantOnEligibility', L('免申即享', 'Grant on eligibility')),
    rule: {
      sharePercent: requireInteger(rule.sharePercent, 'terms.rule.sharePercent', L('补贴比例（%）', 'Share (%)'), 1, 100),
      capPerOrderFen: requireInteger(rule.capPerOrderFen, 'terms.rule.capPerOrderFen', L('单笔订单补贴上限（分）', 'Cap per order (分)'), 1),
      quotaFen,
      servicePeriodMaxMonths: requireInteger(rule.servicePeriodMaxMonths, 'terms.rule.servicePeriodMaxMonths', L('服务期限（月）', 'Service period (months)'), 1, 12),
    },
  };
}

/** The products named: ids, each once (whether each is on show and its provider in the 库 is `checkProductFacts`'s). */
function checkProducts(products: unknown): string[] {
  if (!Array.isArray(products)) throw fieldInvalid('terms.products', L('服务产品', 'Products'), '须为列表', 'must be a list');
  const ids = products.map((id, i) => requireText(id, `terms.products.${i}`, L('服务产品', 'Product')));
  const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (twice >= 0) throw fieldInvalid(`terms.products.${twice}`, L('服务产品', 'Product'), `“${ids[twice]}”重复`, `“${ids[twice]}” is named twice`);
  return ids;
}

/** What the handler reads of each product a programme names: whether it is on show, and its provider in the 库. */
export interface ProgrammeProductFacts {
  productId: string;
  onShow: boolean;
  providerInPool: boolean;
}

/** Every product the terms name is on show and its provider in the 库 on the day; the first that is not is named. */
export function checkProductFacts(terms: VoucherTerms, facts: readonly ProgrammeProductFacts[] = []): void {
  for (const [i, productId] of (terms.products ?? []).entries()) {
    const fact = facts.find((f) => f.productId === productId);
    if (!fact?.onShow) throw conflict('PRODUCT_NOT_ON_SHOW', `服务产品${productId}不存在或已下架`, `Product ${productId} does not exist or is retired`, `terms.products.${i}`);
    if (!fact.providerInPool) throw conflict('PRODUCT_PROVIDER_NOT_IN_POOL', `服务产品${productId}的服务机构不在优质服务机构库内`, `The provider of product ${productId} is not in the quality pool`, `terms.products.${i}`);
  }
}

/** A delivery a voucher may pay for: in one of the programme's domains, or following one of its products. */
export const serviceEligible = (terms: VoucherTerms, delivery: { domain: string; productId?: string }): boolean =>
  (terms.domains as readonly string[]).includes(delivery.domain) || (delivery.productId !== undefined && (terms.products ?? []).includes(delivery.productId));

/** 专精特新“小巨人” or 专精特新 by a title valid on the day, else 小微 by size class; undefined for a medium enterprise without either title. */
export function tierOf(applicant: MatchableEnterprise, on: string): VoucherTier | undefined {
  const holds = (tag: string) => applicant.tags.some((t) => t.tag === tag && t.validFrom <= on && (t.validUntil === undefined || on <= t.validUntil));
  if (holds('LITTLE_GIANT')) return 'LITTLE_GIANT';
  if (holds('SPECIALISED')) return 'SPECIALISED';
  return applicant.sizeClass === 'SMALL' || applicant.sizeClass === 'MICRO' ? 'SMALL_MICRO' : undefined;
}

/**
 * The quota an enterprise would be granted on the day: it meets the programme's eligibility (every
 * unmet criterion named) and its tier has a quota. The window is the programme's application window.
 */
export function quotaFor(terms: VoucherTerms, applicant: VoucherApplicant, on: string): { tier: VoucherTier; quotaFen: number } {
  if (on < terms.applyFrom || on > terms.applyUntil) {
    throw conflict('APPLICATION_WINDOW_CLOSED', `申领期为${terms.applyFrom}至${terms.applyUntil}`, `Applications are open from ${terms.applyFrom} to ${terms.applyUntil}`);
  }
  const result = isEligible({ effectiveFrom: terms.applyFrom, effectiveUntil: terms.applyUntil, eligibility: terms.eligibility }, applicant, on);
  const unmet = result.reasons.filter((r) => !r.met);
  if (unmet.length > 0) {
    throw conflict('NOT_ELIGIBLE', `不符合申领条件：${unmet.map((r) => r.detail).join('；')}`, `Not eligible: ${unmet.map((r) => r.detailEn).join('; ')}`);
  }
  const tier = tierOf(applicant, on);
  const quotaFen = tier === undefined ? undefined : terms.rule.quotaFen[tier];
  if (tier === undefined || quotaFen === undefined) {
    throw conflict('NO_QUOTA_FOR_TIER', `本计划未为该企业类别（${tier ?? '中型企业'}）设定额度`, `The programme sets no quota for the enterprise's tier (${tier ?? 'a medium enterprise without a title'})`);
  }
  return { tier, quotaFen };
}

/** What the voucher pays of an order: the rule's share of the price, rounded down to the 分, at most the cap per order. */
export const subsidyOf = (rule: VoucherTerms['rule'], priceFen: number): number => Math.min(Math.floor((priceFen * rule.sharePercent) / 100), rule.capPerOrderFen);

/** The day `months` months after a business date (the month's last day when it has no such day). */
export function monthsAfter(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** A service period of at most `maxMonths` months: it ends before the same day `maxMonths` months on (12 months from 03-01 ends by 02-28 or 02-29). */
export const servicePeriodFits = (period: { from: string; until: string }, maxMonths: number): boolean => period.until < monthsAfter(period.from, maxMonths);
