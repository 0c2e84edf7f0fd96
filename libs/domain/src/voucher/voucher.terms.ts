import { PolicyEligibilitySchema } from '../policy/policy-matching';
import { codeLists, type CodeOf } from '../shared/code-lists';
import { arrayOf, bool, businessDate, closed, documentNumber, integer, optional, recordId, text, type Static } from '../shared/schema/builders';
import { ServiceDomainSchema } from '../shared/service-domains';
import codes from './voucher.codes.json';

export const { voucherTiers, grantWays } = codeLists(codes);

/** The tiers a programme's yearly quota is set by: 小微, 专精特新, 专精特新“小巨人”. */
export type VoucherTier = CodeOf<typeof voucherTiers>;

/** How a quota was granted: on the enterprise's application, or on eligibility without one (免申即享). */
export type GrantWay = CodeOf<typeof grantWays>;

const fen = (description: string) => integer(1, undefined, `${description}, in 分`);

/**
 * The subsidy rule: the voucher pays a share of each order's price up to a cap per order, from a
 * yearly quota per enterprise by tier; the service bought lasts at most some months. Beijing's scheme
 * is the example: 30 %, quotas ¥20,000 / ¥100,000 / ¥200,000, services of at most 12 months.
 */
export const VoucherRuleSchema = closed(
  {
    sharePercent: integer(1, 100, 'The share of an order’s price the voucher pays, in percent'),
    capPerOrderFen: fen('The most the voucher pays of one order'),
    quotaFen: closed(
      {
        SMALL_MICRO: optional(fen('小微企业的年度额度')),
        SPECIALISED: optional(fen('专精特新中小企业的年度额度')),
        LITTLE_GIANT: optional(fen('专精特新“小巨人”企业的年度额度')),
      },
      { description: 'The yearly quota per tier; a tier left out gets no quota' },
    ),
    servicePeriodMaxMonths: integer(1, 12, 'The longest service period an order may have, in months'),
  },
  { $id: 'VoucherRule', description: 'How much a voucher pays, per order and per enterprise' },
);
export type VoucherRule = Static<typeof VoucherRuleSchema>;

/** A programme's terms as published (and, whole, as amended). */
export const VoucherTermsSchema = closed(
  {
    title: text('计划名称'),
    documentNumber: documentNumber('发文字号, e.g. 穗工信规字〔2026〕3号'),
    budgetFen: fen('The programme’s budget'),
    eligibility: PolicyEligibilitySchema,
    domains: arrayOf(ServiceDomainSchema, { minItems: 1, uniqueItems: true, description: 'The service domains a voucher may pay for' }),
    products: optional(
      arrayOf(recordId('A catalogue product'), {
        uniqueItems: true,
        description: 'Catalogue products of providers in the 库 a voucher may also pay for, whatever their domain: a delivery following one of them is eligible',
      }),
    ),
    applyFrom: businessDate('First day enterprises may apply'),
    applyUntil: businessDate('Last day enterprises may apply (and quotas be granted)'),
    validFrom: businessDate('First day an order may be placed'),
    validUntil: businessDate('Last day an order may be placed'),
    settleBy: businessDate('Last day a claim may be settled'),
    grantOnEligibility: bool('免申即享: the issuer may grant an eligible enterprise its quota without an application'),
    rule: VoucherRuleSchema,
  },
  { $id: 'VoucherTerms', description: 'A 服务券 programme’s terms' },
);
export type VoucherTerms = Static<typeof VoucherTermsSchema>;
