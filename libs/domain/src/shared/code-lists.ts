import type { TUnsafe } from '@sinclair/typebox';
import { labelledCodes, oneOf } from './schema/builders';
import { fieldInvalid, fieldRequired, requireNonEmptyList, requireText, type Label, type ListRequired } from './validation';

/** A closed list of codes with a label for each, written once as `{ CODE: { zh, en }, … }`. */
export interface CodeList<T extends string, L extends Label = Label> {
  /** The codes, in the order the labels were written. */
  readonly codes: readonly T[];
  readonly labels: Readonly<Record<T, L>>;
  readonly is: (value: unknown) => value is T;
  /** One of the codes, described as `what: CODE 标签, …`; with `$id`, named so in AsyncAPI. */
  schema(what: string): TUnsafe<T>;
  schema<Id extends string>(what: string, $id: Id): TUnsafe<T> & { $id: Id };
}

export type CodeOf<List extends CodeList<string, Label>> = List['codes'][number];

export function codeList<T extends string, L extends Label = Label>(labels: Record<T, L>): CodeList<T, L> {
  const codes = Object.keys(labels) as T[];
  function schema(what: string): TUnsafe<T>;
  function schema<Id extends string>(what: string, $id: Id): TUnsafe<T> & { $id: Id };
  function schema(what: string, $id?: string): TUnsafe<T> {
    const described = oneOf(codes, `${what}: ${labelledCodes(codes, labels)}`);
    return $id === undefined ? described : { ...described, $id };
  }
  return {
    codes,
    labels,
    is: (value: unknown): value is T => typeof value === 'string' && (codes as readonly string[]).includes(value),
    schema,
  };
}

/** Every list of a `*.codes.json` file, by its key: `export const { kinds, stages } = codeLists(codes)`. */
export function codeLists<J extends Record<string, Record<string, Label>>>(
  json: J,
): { readonly [K in keyof J]: CodeList<Extract<keyof J[K], string>, J[K][keyof J[K]]> } {
  return Object.fromEntries(Object.entries(json).map(([key, labels]) => [key, codeList(labels)])) as never;
}

/**
 * A non-empty list of codes that `is` recognises, each once, in the order given: `required` when
 * missing or empty, else FIELD_INVALID at `field.i` with the `unknown` message or 重复.
 */
export function requireDistinctCodes<T extends string>(
  values: unknown,
  field: string,
  check: { is: (value: unknown) => value is T; label: Label; required: ListRequired; unknown: { zh: string; en: string } },
): T[] {
  const { label, unknown } = check;
  const list = requireNonEmptyList(values, field, check.required);
  return list.map((value: unknown, i) => {
    if (!check.is(value)) throw fieldInvalid(`${field}.${i}`, label, unknown.zh, unknown.en);
    if (list.indexOf(value) !== i) throw fieldInvalid(`${field}.${i}`, label, '重复', 'is listed twice');
    return value;
  });
}

/**
 * A non-empty list of distinct codes from `options`, returned in the options' order so that two
 * lists holding the same codes are equal (a revision that only reorders them changes nothing).
 */
export function requireCodeSet<T extends string>(value: unknown, options: readonly T[], field: string, label: Label): T[] {
  if (value === undefined || value === null) throw fieldRequired(field, label);
  if (!Array.isArray(value) || value.length === 0) throw fieldInvalid(field, label, '须为非空列表', 'must be a non-empty list');
  value.forEach((code: unknown, i) => {
    if (typeof code !== 'string' || !(options as readonly string[]).includes(code)) {
      throw fieldInvalid(`${field}.${i}`, label, `须为以下之一：${options.join('、')}`, `must be one of ${options.join(', ')}`);
    }
    if (value.indexOf(code) !== i) throw fieldInvalid(`${field}.${i}`, label, '重复', 'is listed twice');
  });
  return options.filter((option) => value.includes(option));
}

/** `['ANY']` (no restriction), or a set of codes as `requireCodeSet` checks it; 'ANY' stands alone. */
export function requireCodeSetOrAny<T extends string>(value: unknown, options: readonly T[], field: string, label: Label): T[] | ['ANY'] {
  if (Array.isArray(value) && value.includes('ANY')) {
    if (value.length === 1) return ['ANY'];
    throw fieldInvalid(`${field}.${value.indexOf('ANY')}`, label, '“ANY”（不限）不能与其他代码并列', '"ANY" (no restriction) cannot be combined with other codes');
  }
  return requireCodeSet(value, options, field, label);
}

/** A list of distinct non-blank strings, trimmed, in the given order; at least `min` of them. */
export function requireTextList(value: unknown, field: string, label: Label, min = 1): string[] {
  if (value === undefined || value === null) {
    if (min === 0) return [];
    throw fieldRequired(field, label);
  }
  if (!Array.isArray(value) || value.length < min) {
    throw fieldInvalid(field, label, `须为列表（至少${min}项）`, `must be a list of at least ${min}`);
  }
  const items = value.map((item: unknown, i) => requireText(item, `${field}.${i}`, label));
  items.forEach((item, i) => {
    if (items.indexOf(item) !== i) throw fieldInvalid(`${field}.${i}`, label, `“${item}”重复`, `"${item}" is listed twice`);
  });
  return items;
}
