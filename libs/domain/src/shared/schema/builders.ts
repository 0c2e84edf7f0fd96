import { Type, type SchemaOptions, type Static, type TObject, type TProperties, type TSchema, type TString, type TUnion, type TUnsafe } from '@sinclair/typebox';
import { DOCUMENT_NUMBER_PATTERN } from '../document-number';
import { REGION_CODE_PATTERN } from '../region-code';
import { USCC_PATTERN } from '../uscc';

/**
 * Building blocks of event payload schemas (TypeBox: each is a JSON Schema object whose TypeScript
 * type is `Static<typeof schema>`). They say what the deciders guarantee before an event exists.
 */

export type { Static, TObject, TSchema };

/** A closed object: every property required unless wrapped in `optional(…)`; no others. An `$id` makes it a named component. */
export const closed = <P extends TProperties>(properties: P, options: SchemaOptions = {}): TObject<P> =>
  Type.Object(properties, { additionalProperties: false, ...options });

export const optional = Type.Optional;
export const arrayOf = <T extends TSchema>(items: T, options: { minItems?: number; maxItems?: number; uniqueItems?: boolean; description?: string } = {}) =>
  Type.Array(items, options);
export const bool = (description?: string) => Type.Boolean(described(description));
export const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const described = (description?: string) => (description === undefined ? {} : { description });

/** A fixed value (`const`), typed as JSON Schema types it (`integer` for a whole number); its TypeScript type is that value. */
export const exactly = <T extends string | number | boolean>(value: T, description?: string): TUnsafe<T> =>
  Type.Unsafe<T>({
    type: typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value,
    const: value,
    ...described(description),
  });

/** Exactly one of several shapes (JSON Schema `oneOf`, where TypeBox's union is `anyOf`); its TypeScript type is their union. */
export const exactlyOneOf = <T extends TSchema[]>(schemas: [...T], options: { description?: string; $id?: string } = {}): TUnsafe<Static<TUnion<T>>> =>
  Type.Unsafe<Static<TUnion<T>>>({ oneOf: schemas, ...options });

/** An array of exactly one item; its TypeScript type is the one-element tuple. */
export const singletonOf = <T extends TSchema>(item: T, description?: string): TUnsafe<[Static<T>]> =>
  Type.Unsafe<[Static<T>]>({ type: 'array', items: item, minItems: 1, maxItems: 1, ...described(description) });

/** Another schema with its own description. */
export const withDescription = <T extends TSchema>(schema: T, description: string): T => ({ ...schema, description });

/** Non-blank text (the deciders trim and refuse blank input). */
export const text = (description?: string): TString => Type.String({ minLength: 1, pattern: '\\S', ...described(description) });

/** Any string, as given (an organisation id from a token, a free reference). */
export const anyText = (description?: string): TString => Type.String(described(description));

/**
 * One of a fixed list of codes; its TypeScript type is the union of the codes (`const`, so a list
 * written in place stays a union of literals inside `closed({…})` instead of widening to string).
 */
export const oneOf = <const T extends string>(values: readonly T[], description?: string): TUnsafe<T> =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...described(description) });

/** One of a fixed list of codes, or null. */
export const oneOfOrNull = <const T extends string>(values: readonly T[], description?: string): TUnsafe<T | null> =>
  Type.Unsafe<T | null>({ type: ['string', 'null'], enum: [...values, null], ...described(description) });

/** `CODE 标签, …`: the codes with their Chinese labels, for a description. */
export const labelledCodes = <T extends string>(codes: readonly T[], labels: Readonly<Record<T, { zh: string }>>): string =>
  codes.map((code) => `${code} ${labels[code].zh}`).join(', ');

/** A string matching a pattern (a JSON Schema regular expression). */
export const matching = (pattern: string, description?: string): TString => Type.String({ pattern, ...described(description) });

/** A closed object with one property per key, each with the schema `schemaOf(key)`. */
export const closedKeys = <K extends string, T extends TSchema>(keys: readonly K[], schemaOf: (key: K) => T, options: SchemaOptions = {}): TObject<{ [P in K]: T }> =>
  closed(Object.fromEntries(keys.map((key) => [key, schemaOf(key)])) as { [P in K]: T }, options);

/** The moment of an act as the server wrote it: `Date.toISOString()`, always UTC with milliseconds. */
export const at = (description: string): TString => Type.String({ format: 'date-time', description });

/** A business date, `YYYY-MM-DD`. */
export const businessDate = (description: string): TString => Type.String({ format: 'date', description });

/** Record ids are UUIDs (random, or name-based v8 for ids derived from an Idempotency-Key). */
export const recordId = (what: string): TString => Type.String({ format: 'uuid', description: `${what} (a UUID)` });

/** GB/T 2260 codes. */
export const CITY_CODE_PATTERN = '^[1-9][0-9](0[1-9]|[1-9][0-9])00$';
export const DISTRICT_CODE_PATTERN = '^[1-9][0-9]{3}(0[1-9]|[1-9][0-9])$';
export const cityCode = (description = 'GB/T 2260 city code (ends in 00, not 0000), e.g. 440100 广州市'): TString =>
  Type.String({ pattern: CITY_CODE_PATTERN, description });
export const districtCode = (): TString =>
  Type.String({ pattern: DISTRICT_CODE_PATTERN, description: 'GB/T 2260 district code inside the city (does not end in 00), e.g. 440106 天河区' });
/** A city (e.g. 440100) or a county-level district (e.g. 440106): not a province. */
export const LOCAL_REGION_CODE_PATTERN = '^[1-9][0-9]((0[1-9]|[1-9][0-9])00|[0-9]{2}(0[1-9]|[1-9][0-9]))$';
export const localRegionCode = (): TString =>
  Type.String({ pattern: LOCAL_REGION_CODE_PATTERN, description: 'GB/T 2260 code of a city (e.g. 440100) or a county-level district (e.g. 440106)' });
export const regionCode = (description = 'GB/T 2260 region code, e.g. 440106 天河区'): TString => Type.String({ pattern: REGION_CODE_PATTERN, description });
export const plaqueNumber = (): TString =>
  Type.String({
    pattern: '^[1-9][0-9](0[1-9]|[1-9][0-9])00-[0-9]{4}-[0-9]{3,}$',
    description: '授牌编号 `<cityCode>-<year>-<seq>`, the sequence at least three digits, e.g. 440100-2019-001',
  });
export const uscc = (description = '统一社会信用代码 (GB 32100-2015): 18 upper-case characters; the last is a check character the ledger has verified'): TString =>
  Type.String({ pattern: USCC_PATTERN, description });
/** 发文字号 `issuer〔year〕number号`; the description says whose. */
export const documentNumber = (description: string): TString => Type.String({ pattern: DOCUMENT_NUMBER_PATTERN, description });
export const sha256 = (): TString => Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the file, 64 lower-case hex characters' });
/** What the deciders accept for deadlines: ISO-8601 with an explicit offset; seconds optional, so not RFC 3339 `date-time`. */
export const deadline = (description: string): TString =>
  Type.String({
    pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,9})?)?(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])$',
    description: `${description}; ISO-8601 instant with an explicit offset as the city authority entered it, e.g. 2019-06-18T17:00:00+08:00 (seconds may be absent)`,
  });
export const opinion = (): TString => text('意见: the opinion recorded with the step');
export const integer = (minimum: number, maximum?: number, description?: string) =>
  Type.Integer({ minimum, ...(maximum === undefined ? {} : { maximum }), ...described(description) });
export const amount = (description: string, minimum?: number) =>
  Type.Number({ ...(minimum === undefined ? {} : { minimum }), description: `${description}, 万元` });
export const phone = (): TString =>
  Type.String({ pattern: '^[0-9+\\-() ,/、，；;]+$', description: 'Landline and/or mobile as written on the form (digits and separators, at least 7 digits)' });
export const email = (): TString => Type.String({ pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', description: 'E-mail address' });

/** Any non-empty string, as given (an id from a token): unlike `text`, not checked for blanks. */
export const nonEmptyText = (description?: string): TString => Type.String({ minLength: 1, ...described(description) });

/** Any integer (a calendar year). */
export const anyInteger = (description?: string) => Type.Integer(described(description));

/** A number within bounds (a score, an area); for money in 万元 use `amount`. */
export const number = (bounds: { minimum?: number; maximum?: number; exclusiveMinimum?: number }, description?: string) =>
  Type.Number({ ...bounds, ...described(description) });

/** A month, `YYYY-MM`. */
export const yearMonth = (description: string): TString => Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description });

/** 邮政编码: six digits. */
export const postcode = (description = '邮政编码'): TString => Type.String({ pattern: '^[0-9]{6}$', description });


/** The version fields of versioned library entries (products, policies, FAQs): the first version, and each later one. */
export const firstVersion = () => exactly(1, 'The first version');
export const nextVersion = () => integer(2, undefined, 'The new version number, one more than the last');

/** The whole spec of a library entry's publication (schema version 1, CloudEvents verb `published`): its id and other fields (`entry`), its version 1, the whole content and when. */
export const publishedEvent = <E extends TProperties, C extends TProperties>(entry: E, content: C, words: { title: string; summary: string; description?: string }) => ({
  version: 1,
  action: 'published',
  ...words,
  payload: closed({ ...entry, version: firstVersion(), ...content, publishedAt: at('When it was published') }),
});

/** What a revision event says it changed: the content fields that differ from the previous version, in the fields' order. */
export const changedFieldList = <K extends string>(fields: readonly K[]) =>
  arrayOf(oneOf(fields), {
    minItems: 1,
    uniqueItems: true,
    description: `The fields that differ from the previous version (in this order: ${fields.join(', ')})`,
  });

/**
 * The whole spec of a library entry's new version (schema version 1, CloudEvents verb `action`): its id,
 * the new version number, the whole content, the fields that changed and when (`<action>At`).
 */
export const revisedEvent = <I extends TProperties, C extends TProperties, K extends keyof C & string, const A extends string>(
  id: I,
  content: C,
  fields: readonly K[],
  words: { action: A; title: string; summary: string },
) => {
  const moment = { [`${words.action}At`]: at(`When it was ${words.action}`) } as { [M in `${A}At`]: TString };
  return { version: 1, ...words, payload: closed({ ...id, version: nextVersion(), ...content, changedFields: changedFieldList(fields), ...moment }) };
};

/** 下架: a library entry (product, case, FAQ) taken off; `id` is its id field, e.g. `{ productId: recordId('The product') }`. */
export const retirement = <P extends TProperties>(id: P) => closed({ ...id, reason: text('下架原因'), retiredAt: at('When it was retired') });

/** The whole spec of a library entry's retirement event: version 1 of `retirement(id)`, published as `retired`. */
export const retiredEvent = <P extends TProperties>(id: P, words: { title: string; summary: string }) =>
  ({ version: 1, action: 'retired', ...words, payload: retirement(id) });

/** A titled document fixed by its digest (an activity's material, a delivery's deliverable); the file itself is not published. */
export const titledDocument = (title: string, options: { $id: string; description: string }) =>
  closed({ title: text(title), fileName: optional(nonEmptyText('File name')), sha256: sha256() }, options);

/**
 * An organisation of the network acting in a record (organising, serving, reporting), as the ledger found it:
 * its kind (`kind`, a code list's schema), its record id, organisation id, name and region; `words` describe the three.
 */
export const actingOrganisation = <K extends TSchema>(kind: K, words: { id: string; orgId: string; regionCode: string }, options: { $id: string; description: string }) =>
  closed({ kind, id: text(words.id), orgId: text(words.orgId), name: text('Its name'), regionCode: regionCode(words.regionCode) }, options);

/** An organisation of one of the ledger's registries as its record stood: the record's id (`id`, e.g. `{ providerId: recordId('The provider') }`), USCC, name and region. */
export const registeredOrganisation = <I extends TProperties>(id: I, name: string, options: { $id: string; description: string }) =>
  closed({ ...id, uscc: uscc(), name: text(name), regionCode: localRegionCode() }, options);

/** Evidence for an act against a record (a removal, a revocation): what it shows, and the file's name and digest when one was given. */
export const evidence = (options: { $id: string; description: string }) =>
  closed(
    {
      description: text('What the evidence shows'),
      fileName: optional(text('File name of the evidence, when a file was given')),
      sha256: optional(sha256()),
    },
    options,
  );
