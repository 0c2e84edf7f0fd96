import { conflict, invalid } from '../shared/domain-error';
import { fieldInvalid, fieldRequired, L, requireBoolean, requireInteger, requireOneOf, requirePositive, requireText, type Label } from '../shared/validation';
import { closed, exactly, exactlyOneOf, integer, number, oneOf, text, type Static, type TObject } from '../shared/schema/builders';
import { checkServiceClassification, ServiceClassificationSchema } from './service-classification';

/** 公益/免费, 低收费, 市场价 — 鼓励开展免费和低收费服务 (服务公约 二.3). */
export const FEE_KINDS = ['FREE', 'LOW_FEE', 'MARKET'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];
const PRICED_FEE_KINDS = FEE_KINDS.filter((kind): kind is Exclude<FeeKind, 'FREE'> => kind !== 'FREE');

/** 收费标准. `amount` is in 元 (yuan), to the fen: service prices are quoted per service, not in 万元. */
export const ProductFeeSchema = exactlyOneOf(
  [
    closed({ kind: exactly('FREE', '公益/免费') }),
    closed({
      kind: oneOf(PRICED_FEE_KINDS, 'LOW_FEE 低收费, MARKET 市场价'),
      amount: number({ exclusiveMinimum: 0 }, '收费金额 in 元 (yuan, not 万元), at most two decimals'),
    }),
  ],
  { $id: 'ProductFee', description: '收费标准: FREE with no amount, or LOW_FEE / MARKET with an amount in 元' },
);
export type ProductFee = Static<typeof ProductFeeSchema>;

/**
 * A service product as published: the 六公开 (服务项目、服务内容、服务流程、服务标准、服务监督、联系方式)
 * plus what the 五公开 adds (服务收费, 服务时限), and its classification. Every product event carries it whole.
 */
export const PRODUCT_CONTENT = {
  item: text('服务项目: the product’s name'),
  content: text('服务内容'),
  process: text('服务流程'),
  standard: text('服务标准'),
  supervision: text('服务监督'),
  contact: text('联系方式'),
  fee: ProductFeeSchema,
  timeLimit: closed({ workingDays: integer(1, undefined, '承诺时限, working days') }, { description: '服务时限' }),
  classification: ServiceClassificationSchema,
};
export type ProductContent = Static<TObject<typeof PRODUCT_CONTENT>>;

/** The provider's organisation, as its products and cases carry it. */
export const providerOrgIdField = text('The provider’s organisation (the `orgId` of its users’ tokens): only it revises or retires the record');

export const PRODUCT_CONTENT_FIELDS = ['item', 'content', 'process', 'standard', 'supervision', 'contact', 'fee', 'timeLimit', 'classification'] as const;

const SIX_DISCLOSURES: ReadonlyArray<[keyof ProductContent & string, Label]> = [
  ['item', L('服务项目', 'Service item')],
  ['content', L('服务内容', 'Service content')],
  ['process', L('服务流程', 'Service process')],
  ['standard', L('服务标准', 'Service standard')],
  ['supervision', L('服务监督', 'Service supervision')],
  ['contact', L('联系方式', 'Contact')],
];

const isToTheFen = (amount: number): boolean => Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6;

export function checkFee(value: unknown, path: string): ProductFee {
  if (value === null || typeof value !== 'object') throw fieldRequired(path, L('收费标准', 'Fee'));
  const fee = value as { kind?: unknown; amount?: unknown };
  const kind = requireOneOf(fee.kind, FEE_KINDS, `${path}.kind`, L('收费方式', 'Fee kind'));
  const hasAmount = fee.amount !== undefined && fee.amount !== null;
  if (kind === 'FREE') {
    if (hasAmount) throw invalid('FEE_AMOUNT_FORBIDDEN', '公益（免费）服务不得标注收费金额', 'A free service carries no amount', `${path}.amount`);
    return { kind };
  }
  if (!hasAmount) {
    throw invalid('FEE_AMOUNT_REQUIRED', '低收费和市场价服务须标明收费金额（元）', 'A low-fee or market-priced service must state its amount in yuan', `${path}.amount`);
  }
  const amount = requirePositive(fee.amount, `${path}.amount`, L('收费金额（元）', 'Amount (yuan)'));
  if (!isToTheFen(amount)) throw fieldInvalid(`${path}.amount`, L('收费金额（元）', 'Amount (yuan)'), '最多保留两位小数（到分）', 'has at most two decimals (to the fen)');
  return { kind, amount };
}

/** The whole content, checked and normalised; `prefix` is where it sits in the command data. */
export function checkProductContent(content: Partial<ProductContent>, prefix: string): ProductContent {
  const at = (name: string) => (prefix === '' ? name : `${prefix}.${name}`);
  const [item, text, process, standard, supervision, contact] = SIX_DISCLOSURES.map(([name, label]) => requireText(content[name], at(name), label));
  const timeLimit = content.timeLimit as { workingDays?: unknown } | undefined;
  return {
    item,
    content: text,
    process,
    standard,
    supervision,
    contact,
    fee: checkFee(content.fee, at('fee')),
    timeLimit: { workingDays: requireInteger(timeLimit?.workingDays, at('timeLimit.workingDays'), L('承诺时限（工作日）', 'Time limit (working days)'), 1) },
    classification: checkServiceClassification(content.classification, at('classification')),
  };
}

/**
 * 优质服务机构库: only a provider currently in the quality pool publishes into the 服务产品和案例库.
 * `providerInPool` comes from the provider's record, read by the handler.
 */
export function requireProviderInPool(providerInPool: unknown): void {
  if (!requireBoolean(providerInPool, 'providerInPool', L('是否在优质服务机构库内', 'Provider in pool'))) {
    throw conflict('PROVIDER_NOT_IN_POOL', '该服务机构不在优质服务机构库内，不能发布服务产品或案例', 'The provider is not in the quality provider pool and cannot publish products or cases');
  }
}
