import type { Sort } from './document-store.port';

/**
 * MongoDB's ordering and path rules for JSON values, for the embedded store (filters are mingo's; sort and
 * distinct are done here, because mingo sorts a missing field before null, where MongoDB treats them as
 * equal, compares strings by UTF-16 code unit rather than by code point, and reverses whole arrays for a
 * descending sort instead of taking their largest element).
 *
 * Order of types (BSON's, restricted to JSON): empty array as a sort key < null = missing < numbers <
 * strings < objects < arrays < booleans. Strings compare by code point (MongoDB compares UTF-8 bytes
 * without a collation, which is the same order).
 */

/** The sort key of an empty array: below null, as in MongoDB. */
const EMPTY_ARRAY_KEY: unique symbol = Symbol('empty array');
type SortKey = unknown;

function typeRank(value: unknown): number {
  if (value === EMPTY_ARRAY_KEY) return 0;
  if (value === null || value === undefined) return 1;
  switch (typeof value) {
    case 'number':
      return 2;
    case 'string':
      return 3;
    case 'boolean':
      return 8;
    case 'object':
      return Array.isArray(value) ? 5 : 4;
    default:
      return 10;
  }
}

/** Compares two strings by Unicode code point (= UTF-8 byte order), not by UTF-16 code unit. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (D800–DFFF) encode code points above FFFF, so they rank above E000–FFFF.
      if (x >= 0xd800 && y >= 0xd800) return fixup(x) - fixup(y);
      return x - y;
    }
  }
  return a.length - b.length;
}

function fixup(unit: number): number {
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

const ABOVE_D7FF = /[\ud800-\uffff]/;

/**
 * A string whose UTF-16 order (JavaScript's native `<`) is the code point order of `s`: the same string
 * unless it has code units from D800 up, which are remapped order-preservingly. For sort keys, so that
 * sorting compares natively.
 */
function codePointOrdered(s: string): string {
  if (!ABOVE_D7FF.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    out += String.fromCharCode(unit >= 0xd800 ? fixup(unit) : unit);
  }
  return out;
}

/** MongoDB's comparison of two (JSON) values; a missing value (undefined) equals null. */
export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA - rankB;
  switch (rankA) {
    case 2:
      return (a as number) - (b as number);
    case 3:
      return compareStrings(a as string, b as string);
    case 4:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>);
    case 5:
      return compareArrays(a as unknown[], b as unknown[]);
    case 8:
      return Number(a) - Number(b);
    default:
      return 0;
  }
}

/** Field by field in stored order: the value's type, then the field name, then the value; shorter first. */
function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const entriesA = Object.entries(a).filter(([, value]) => value !== undefined);
  const entriesB = Object.entries(b).filter(([, value]) => value !== undefined);
  const length = Math.min(entriesA.length, entriesB.length);
  for (let i = 0; i < length; i++) {
    const [keyA, valueA] = entriesA[i];
    const [keyB, valueB] = entriesB[i];
    const byType = typeRank(valueA) - typeRank(valueB);
    if (byType !== 0) return byType;
    const byName = compareStrings(keyA, keyB);
    if (byName !== 0) return byName;
    const byValue = compareValues(valueA, valueB);
    if (byValue !== 0) return byValue;
  }
  return entriesA.length - entriesB.length;
}

function compareArrays(a: unknown[], b: unknown[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const byValue = compareValues(a[i], b[i]);
    if (byValue !== 0) return byValue;
  }
  return a.length - b.length;
}

/**
 * The values a dotted path reaches in a document, following MongoDB: a numeric segment indexes an array,
 * any other segment applied to an array is applied to each of its elements. Values at the end of the
 * path are returned as they are (arrays included). `missingAsNull` adds a null for each array element
 * that is an object without the field (what MongoDB's sort keys do); a path missing altogether yields
 * nothing.
 */
export function valuesAtPath(doc: unknown, path: string, missingAsNull = false): unknown[] {
  const out: unknown[] = [];
  walk(doc, compilePath(path), 0, false, missingAsNull, out);
  return out;
}

interface CompiledPath {
  segments: string[];
  /** Per segment: an array position (digits only). */
  positions: boolean[];
}

function compilePath(path: string): CompiledPath {
  const segments = path.split('.');
  return { segments, positions: segments.map((segment) => /^\d+$/.test(segment)) };
}

function walk(value: unknown, path: CompiledPath, index: number, inArray: boolean, missingAsNull: boolean, out: unknown[]): void {
  if (index === path.segments.length) {
    out.push(value);
    return;
  }
  const segment = path.segments[index];
  if (Array.isArray(value)) {
    if (path.positions[index]) {
      const item = value[Number(segment)];
      if (item !== undefined) walk(item, path, index + 1, false, missingAsNull, out);
      return;
    }
    for (const item of value) {
      if (typeof item === 'object' && item !== null && !Array.isArray(item)) walk(item, path, index, true, missingAsNull, out);
    }
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const next = (value as Record<string, unknown>)[segment];
  if (next === undefined) {
    if (missingAsNull && inArray) out.push(null);
    return;
  }
  walk(next, path, index + 1, false, missingAsNull, out);
}

/**
 * A document's sort key for one field, as MongoDB computes it: array values contribute their elements,
 * ascending takes the smallest and descending the largest; an empty array ranks below null.
 */
export function sortKey(doc: unknown, path: string, direction: 1 | -1): SortKey {
  return compiledSortKey(doc, compilePath(path), direction);
}

function compiledSortKey(doc: unknown, path: CompiledPath, direction: 1 | -1): SortKey {
  if (path.segments.length === 1 && typeof doc === 'object' && doc !== null && !Array.isArray(doc)) {
    // the common case: a top-level field holding a scalar
    const value = (doc as Record<string, unknown>)[path.segments[0]];
    if (!Array.isArray(value)) return value === undefined ? null : value;
  }
  const reached: unknown[] = [];
  walk(doc, path, 0, false, true, reached);
  if (reached.length === 0) return null;
  const candidates: unknown[] = [];
  let sawEmptyArray = false;
  for (const value of reached) {
    if (Array.isArray(value)) {
      if (value.length === 0) sawEmptyArray = true;
      else candidates.push(...value);
    } else {
      candidates.push(value);
    }
  }
  if (candidates.length === 0) return sawEmptyArray ? EMPTY_ARRAY_KEY : null;
  let best = candidates[0];
  for (let i = 1; i < candidates.length; i++) {
    const order = compareValues(candidates[i], best);
    if (direction === 1 ? order < 0 : order > 0) best = candidates[i];
  }
  return best;
}

/** Compares sort keys; strings have been through codePointOrdered, so they compare natively. */
function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return compareValues(a, b);
}

function keyedComparator(fields: readonly [string, 1 | -1][]) {
  return (a: { keys: unknown[] }, b: { keys: unknown[] }): number => {
    for (let i = 0; i < fields.length; i++) {
      const order = compareKeys(a.keys[i], b.keys[i]);
      if (order !== 0) return fields[i][1] === 1 ? order : -order;
    }
    return 0;
  };
}

function keyed<T>(docs: readonly T[], fields: readonly [string, 1 | -1][]): { doc: T; keys: unknown[] }[] {
  const paths = fields.map(([path]) => compilePath(path));
  return docs.map((doc) => ({
    doc,
    keys: fields.map(([, direction], i) => {
      const key = compiledSortKey(doc, paths[i], direction);
      return typeof key === 'string' ? codePointOrdered(key) : key;
    }),
  }));
}

/** Sorts documents (a new array) by a sort specification, MongoDB's way. */
export function sortDocuments<T>(docs: readonly T[], sort: Sort): T[] {
  const fields = Object.entries(sort);
  return keyed(docs, fields)
    .sort(keyedComparator(fields))
    .map((entry) => entry.doc);
}

/** The first document in sort order, without sorting them all. */
export function firstInOrder<T>(docs: readonly T[], sort: Sort): T | undefined {
  const fields = Object.entries(sort);
  const compare = keyedComparator(fields);
  let best: { doc: T; keys: unknown[] } | undefined;
  for (const entry of keyed(docs, fields)) if (best === undefined || compare(entry, best) < 0) best = entry;
  return best?.doc;
}

/**
 * The first `n` documents in sort order, as `sortDocuments(docs, sort).slice(0, n)`, for a page of a long
 * list: each is compared with the last kept so far and, when it comes before it, put in its place.
 */
export function firstInOrderN<T>(docs: readonly T[], sort: Sort, n: number): T[] {
  if (n <= 0) return [];
  const fields = Object.entries(sort);
  const compare = keyedComparator(fields);
  const kept: { doc: T; keys: unknown[] }[] = [];
  for (const entry of keyed(docs, fields)) {
    if (kept.length === n && compare(entry, kept[n - 1]) >= 0) continue;
    // After the last kept one not coming after it: equal keys keep their order, as a stable sort does.
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(kept[middle], entry) <= 0) low = middle + 1;
      else high = middle;
    }
    kept.splice(low, 0, entry);
    if (kept.length > n) kept.pop();
  }
  return kept.map((entry) => entry.doc);
}

/**
 * The distinct values of a field among documents, MongoDB's way: an array value contributes its elements,
 * a missing field contributes nothing, null counts as a value. Equality is MongoDB's (1 and 1.0 are one
 * value; objects are equal only with the same fields in the same order). Returned in MongoDB's order.
 */
export function distinctValues(docs: Iterable<unknown>, path: string): unknown[] {
  const seen = new Map<string, unknown>();
  const add = (value: unknown): void => {
    const key = `${typeRank(value)}:${JSON.stringify(value)}`;
    if (!seen.has(key)) seen.set(key, value);
  };
  for (const doc of docs) {
    for (const value of valuesAtPath(doc, path)) {
      if (Array.isArray(value)) value.forEach(add);
      else add(value);
    }
  }
  return sortValues([...seen.values()]);
}

/** A new array of the values in MongoDB's order. */
export function sortValues(values: readonly unknown[]): unknown[] {
  return [...values].sort(compareValues);
}
