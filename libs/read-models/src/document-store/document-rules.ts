import type { Filter, FindOptions, IndexSpec, Sort, StoredDocument } from './document-store.port';

/**
 * Checks both adapters apply before touching storage, so a document or an argument that one adapter
 * would accept and the other refuse is refused by both, the same way.
 */

const COLLECTION_NAME_MAX = 120;

/** MongoDB's rules for collection names (FerretDB v1 has the same), kept for the embedded store too. */
export function assertCollectionName(name: string): void {
  if (typeof name !== 'string' || name.length === 0) throw new TypeError('A collection name must be a non-empty string');
  if (name.length > COLLECTION_NAME_MAX) throw new TypeError(`Collection name longer than ${COLLECTION_NAME_MAX} characters: ${name.slice(0, 40)}…`);
  if (name.includes('$') || name.includes('\0')) throw new TypeError(`Collection name may not contain '$' or NUL: ${name}`);
  if (name.startsWith('system.')) throw new TypeError(`Collection names starting with 'system.' are reserved: ${name}`);
}

/**
 * A storable document is a JSON value (what the embedded store can keep and the MongoDB driver writes
 * back unchanged): strings, finite numbers, booleans, null, arrays and plain objects. Properties whose
 * value is `undefined` are dropped by both adapters; anything else (Date, bigint, NaN, class instances,
 * `undefined` inside an array) is refused rather than silently turned into something else.
 * Field names may not start with '$' or contain '.', which MongoDB reserves for operators and paths,
 * and an array may not directly hold another array (FerretDB v1 refuses nested arrays).
 */
export function assertStorableDocument(doc: StoredDocument): void {
  if (!isPlainObject(doc)) throw new TypeError('A document must be a plain object');
  if (typeof doc._id !== 'string' || doc._id.length === 0) throw new TypeError('A document needs a non-empty string _id');
  if (!Number.isSafeInteger(doc._position) || doc._position < 0) {
    throw new TypeError(`Document ${doc._id}: _position must be a non-negative safe integer, got ${String(doc._position)}`);
  }
  assertJsonObject(doc, doc._id, '');
}

/** A batch `operation` may write: every document storable, no _id twice. */
export function assertStorableBatch(docs: readonly StoredDocument[], operation: string): void {
  const seen = new Set<string>();
  for (const doc of docs) {
    assertStorableDocument(doc);
    if (seen.has(doc._id)) throw new TypeError(`${operation} got _id ${doc._id} twice; ids in one batch must be distinct`);
    seen.add(doc._id);
  }
}

/** Operators a filter may use on a field: what FerretDB v1.24 (SQLite) and mingo both evaluate like MongoDB. */
export const FIELD_OPERATORS: readonly string[] = ['$eq', '$ne', '$in', '$nin', '$gt', '$gte', '$lt', '$lte', '$exists', '$regex'];
/** Operators a filter may combine conditions with. */
export const LOGICAL_OPERATORS: readonly string[] = ['$and', '$or'];

/**
 * Refuses a filter that leaves the operator list of ADR 0005, in both adapters. This matters most for
 * FerretDB v1, which answers some operators it does not implement ($where, $expr, $text) with no
 * documents rather than an error, and for the embedded store, whose evaluator knows more than FerretDB.
 *
 * Also refused, because the adapters would disagree: equality with a whole subdocument (MongoDB compares
 * field order, mingo does not; compare its fields with dotted paths instead), regular-expression flags
 * other than 'i', and values that are not JSON.
 */
export function assertFilter(filter: Filter): void {
  if (!isPlainObject(filter)) throw new TypeError('A filter must be a plain object');
  assertFilterObject(filter, '');
}

function assertFilterObject(filter: Record<string, unknown>, at: string): void {
  for (const [key, value] of Object.entries(filter)) {
    if (key.startsWith('$')) {
      if (!LOGICAL_OPERATORS.includes(key)) throw unsupported(key, at);
      if (!Array.isArray(value) || value.length === 0) throw new TypeError(`${key} needs a non-empty array of filters${where(at)}`);
      value.forEach((clause, index) => {
        if (!isPlainObject(clause)) throw new TypeError(`${key}[${index}] must be a filter object${where(at)}`);
        assertFilterObject(clause, `${at}${key}[${index}].`);
      });
      continue;
    }
    assertFieldPath(key, 'filter');
    if (isPlainObject(value) && Object.keys(value).some((name) => name.startsWith('$'))) assertCondition(key, value, at);
    else assertComparable(value, `${at}${key}`);
  }
}

function assertCondition(field: string, condition: Record<string, unknown>, at: string): void {
  const path = `${at}${field}`;
  for (const [operator, operand] of Object.entries(condition)) {
    if (!operator.startsWith('$')) throw new TypeError(`Filter on ${path} mixes operators and field names`);
    if (operator === '$options') {
      if (!('$regex' in condition)) throw new TypeError(`$options without $regex on ${path}`);
      if (typeof operand !== 'string' || !/^i?$/.test(operand)) throw new TypeError(`$options on ${path} may only be 'i', got ${String(operand)}`);
      continue;
    }
    if (!FIELD_OPERATORS.includes(operator)) throw unsupported(operator, path);
    switch (operator) {
      case '$in':
      case '$nin':
        if (!Array.isArray(operand)) throw new TypeError(`${operator} on ${path} needs an array`);
        operand.forEach((item, index) => assertComparable(item, `${path}.${operator}[${index}]`));
        break;
      case '$exists':
        if (typeof operand !== 'boolean') throw new TypeError(`$exists on ${path} needs true or false`);
        break;
      case '$regex':
        if (operand instanceof RegExp) {
          if (!/^i?$/.test(operand.flags)) throw new TypeError(`Regular expression on ${path} may only have the flag i, got /${operand.flags}`);
        } else if (typeof operand !== 'string') {
          throw new TypeError(`$regex on ${path} needs a string or a RegExp`);
        }
        break;
      default:
        assertComparable(operand, `${path}.${operator}`);
    }
  }
}

/** A value a field may be compared with: a JSON scalar, an array of JSON scalars, or a RegExp with at most the flag i. */
function assertComparable(value: unknown, path: string): void {
  if (value instanceof RegExp) {
    if (!/^i?$/.test(value.flags)) throw new TypeError(`Regular expression on ${path} may only have the flag i, got /${value.flags}`);
    return;
  }
  const scalar = (item: unknown): boolean => item === null || typeof item === 'string' || typeof item === 'boolean' || (typeof item === 'number' && Number.isFinite(item));
  if (scalar(value)) return;
  if (Array.isArray(value) && value.every(scalar)) return;
  if (isPlainObject(value)) {
    throw new TypeError(`Filter compares ${path} with a whole subdocument; compare its fields with dotted paths (e.g. '${path}.field')`);
  }
  throw new TypeError(`Filter value at ${path} is not a JSON scalar or an array of them`);
}

function assertFieldPath(path: string, what: string): void {
  if (path.split('.').some((segment) => segment.length === 0 || segment.startsWith('$'))) {
    throw new TypeError(`Invalid field path in ${what}: ${JSON.stringify(path)}`);
  }
}

function unsupported(operator: string, at: string): TypeError {
  return new TypeError(
    `Query operator ${operator}${where(at)} is not in the supported list (${[...FIELD_OPERATORS, ...LOGICAL_OPERATORS].join(' ')}); see docs/adr/0005-embedded-document-store.md`,
  );
}

function where(at: string): string {
  const trimmed = at.replace(/\.$/, '');
  return trimmed ? ` (at ${trimmed})` : '';
}

export function assertFindOptions(options: FindOptions): void {
  for (const key of ['skip', 'limit'] as const) {
    const value = options[key];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      throw new RangeError(`${key} must be a non-negative integer, got ${String(value)}`);
    }
  }
  if (options.sort !== undefined) assertDirections(options.sort, 'sort');
}

export function assertIndexSpecs(indexes: readonly IndexSpec[]): void {
  for (const index of indexes) {
    if (Object.keys(index.keys).length === 0) throw new TypeError('An index needs at least one key');
    assertDirections(index.keys, 'index keys');
  }
}

/**
 * The sort actually applied by both adapters: the requested keys, then `_id` ascending unless it is
 * already a key. Without a requested sort that is `_id` order. Ties are therefore broken the same way
 * in both adapters, and paging with skip/limit is stable.
 */
export function effectiveSort(sort: Sort | undefined): Sort {
  if (!sort) return { _id: 1 };
  return '_id' in sort ? sort : { ...sort, _id: 1 };
}

/** MongoDB's default index name: key_direction pairs joined by '_', e.g. `region_1_name_-1`. */
export function defaultIndexName(keys: Record<string, 1 | -1>): string {
  return Object.entries(keys)
    .map(([field, direction]) => `${field}_${direction}`)
    .join('_');
}

function assertDirections(spec: Record<string, unknown>, what: string): void {
  for (const [field, direction] of Object.entries(spec)) {
    assertFieldPath(field, what);
    if (direction !== 1 && direction !== -1) throw new TypeError(`${what}: direction of ${field} must be 1 or -1, got ${String(direction)}`);
  }
}

function assertJsonObject(value: Record<string, unknown>, id: string, path: string): void {
  for (const [key, field] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.length === 0 || key.startsWith('$') || key.includes('.') || key.includes('\0')) {
      throw new TypeError(`Document ${id}: field name ${JSON.stringify(at)} is not allowed (empty, '$' first, '.' or NUL)`);
    }
    if (field === undefined) continue;
    assertJsonValue(field, id, at);
  }
}

function assertJsonValue(value: unknown, id: string, path: string): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`Document ${id}: ${path} is ${value}, not a finite number`);
      return;
    case 'object':
      if (value === null) return;
      if (Array.isArray(value)) {
        value.forEach((item, index) => {
          if (item === undefined) throw new TypeError(`Document ${id}: ${path}.${index} is undefined`);
          if (Array.isArray(item)) {
            throw new TypeError(`Document ${id}: ${path}.${index} is an array inside an array, which FerretDB v1 cannot store; wrap it in an object`);
          }
          assertJsonValue(item, id, `${path}.${index}`);
        });
        return;
      }
      if (!isPlainObject(value)) {
        const kind = (value as object).constructor?.name ?? 'object';
        throw new TypeError(`Document ${id}: ${path} is a ${kind}; store JSON values only (e.g. dates as ISO strings)`);
      }
      assertJsonObject(value, id, path);
      return;
    default:
      throw new TypeError(`Document ${id}: ${path} is a ${typeof value}, not a JSON value`);
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
