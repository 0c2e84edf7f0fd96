import { isBusinessDate } from './dates';
import { invalid } from './domain-error';

/** A field's name in both languages, for messages. */
export type Label = { zh: string; en: string };

/** A label written inline, as the field tables do: `L('成立日期', 'Founding date')`. */
export const L = (zh: string, en: string): Label => ({ zh, en });

export const fieldRequired = (field: string, label: Label) =>
  invalid('FIELD_REQUIRED', `${label.zh}不能为空`, `${label.en} is required`, field);

export const fieldInvalid = (field: string, label: Label, zh: string, en: string) =>
  invalid('FIELD_INVALID', `${label.zh}${zh}`, `${label.en} ${en}`, field);

/** The error for a list that is missing or empty: its stable code and messages. */
export type ListRequired = { code: string; zh: string; en: string };

/** A non-empty array; otherwise `required`, at `field`. */
export function requireNonEmptyList(value: unknown, field: string, required: ListRequired): unknown[] {
  if (!Array.isArray(value) || value.length === 0) throw invalid(required.code, required.zh, required.en, field);
  return value;
}

export const isNonBlank = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

/** A non-blank string, trimmed. */
export function requireText(value: unknown, field: string, label: Label): string {
  if (!isNonBlank(value)) throw fieldRequired(field, label);
  return value.trim();
}

/** An integer within [min, max]. */
export function requireInteger(value: unknown, field: string, label: Label, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `${min}–${max}`;
    throw fieldInvalid(field, label, `须为整数（${range}）`, `must be an integer (${range})`);
  }
  return value;
}

/** A finite number, at least `min` when given (amounts in 万元 are ≥ 0; a profit may be negative). */
export function requireAmount(value: unknown, field: string, label: Label, min?: number, max = MAX_AMOUNT_WAN): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || (min !== undefined && value < min) || value > max) {
    const rule = `${min === undefined ? '' : ` ≥ ${min}`}，≤ ${max}`;
    throw fieldInvalid(field, label, `须为数值${rule}`, `must be a number${rule.replace('，', ' and')}`);
  }
  return value;
}

/** The largest amount in 万元 the ledger takes (10 万亿元): beyond any enterprise's revenue or assets, short of a typing slip like 1e308. */
export const MAX_AMOUNT_WAN = 1_000_000_000;
/** The most persons an organisation can employ, as the ledger takes it. */
export const MAX_PERSONS = 10_000_000;

/** A number strictly greater than zero. */
export function requirePositive(value: unknown, field: string, label: Label): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw fieldInvalid(field, label, '须大于0', 'must be greater than 0');
  }
  return value;
}

export function requireOneOf<T extends string>(value: unknown, options: readonly T[], field: string, label: Label): T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    throw fieldInvalid(field, label, `须为以下之一：${options.join('、')}`, `must be one of ${options.join(', ')}`);
  }
  return value as T;
}

export function requireBoolean(value: unknown, field: string, label: Label): boolean {
  if (typeof value !== 'boolean') throw fieldInvalid(field, label, '须为是或否', 'must be true or false');
  return value;
}

/** Matches a predicate, e.g. a date or postcode format. */
export function requireFormat(value: unknown, test: (v: string) => boolean, field: string, label: Label, formatZh: string, formatEn: string): string {
  if (!isNonBlank(value)) throw fieldRequired(field, label);
  const trimmed = value.trim();
  if (!test(trimmed)) throw fieldInvalid(field, label, `格式应为${formatZh}`, `must be ${formatEn}`);
  return trimmed;
}

/** A business date 'YYYY-MM-DD' (a real calendar day), trimmed. */
export function requireBusinessDate(value: unknown, field: string, label: Label): string {
  return requireFormat(value, isBusinessDate, field, label, 'YYYY-MM-DD', 'a date YYYY-MM-DD');
}

export const isEmail = (value: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/** Landline and/or mobile as written on a form: digits with + - ( ) spaces and separators, at least 7 digits. */
export const isPhone = (value: string): boolean =>
  /^[0-9+\-() ,/、，；;]+$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 7;

/** 邮政编码: six digits. */
export const isPostcode = (value: string): boolean => /^[0-9]{6}$/.test(value);

/** An opinion (意见) every reviewing or deciding step records. */
export const requireOpinion = (opinion: unknown, field = 'opinion'): string => requireText(opinion, field, { zh: '意见', en: 'Opinion' });
