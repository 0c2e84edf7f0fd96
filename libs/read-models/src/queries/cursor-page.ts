import type { DocumentCollection, Filter, Sort, StoredDocument } from '../document-store/document-store.port';

export interface PageRequest {
  /** 1–200, default 50. */
  limit?: number;
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Documents matching the filter, all pages together. */
  total: number;
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export type SortKey = readonly [field: string, direction: 1 | -1];

export class InvalidCursorError extends Error {
  constructor() {
    super('The cursor is not one this list issued');
    this.name = 'InvalidCursorError';
  }
}

const read = (doc: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], doc);

/**
 * Keyset paging: the cursor holds the sort values and the id of the last item; the next page asks
 * for documents strictly after it in the sort order (ties broken by _id). Sort fields must always be
 * present and non-null in the documents, so that comparisons are defined in both stores.
 */
export async function cursorPage<T extends StoredDocument>(
  collection: DocumentCollection<T>,
  filter: Filter,
  sortKeys: readonly SortKey[],
  request: PageRequest,
): Promise<Page<T>> {
  const limit = Math.min(Math.max(request.limit ?? 50, 1), 200);
  const keys: SortKey[] = [...sortKeys, ['_id', 1]];
  const sort: Sort = Object.fromEntries(keys);
  const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor, keys.length);
  const pageFilter = after ? { $and: [filter, afterFilter(keys, after)] } : filter;

  const [found, total] = await Promise.all([
    collection.find(pageFilter, { sort, limit: limit + 1 }),
    collection.count(filter),
  ]);
  const items = found.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = found.length > limit && last ? encodeCursor(keys.map(([field]) => read(last as unknown as Record<string, unknown>, field))) : null;
  return { items, total, nextCursor };
}

/** (k1 > v1) or (k1 = v1 and k2 > v2) or … with > flipped to < for descending keys. */
function afterFilter(keys: readonly SortKey[], values: readonly unknown[]): Filter {
  const branches: Filter[] = keys.map(([field, direction], i) => {
    const branch: Filter = {};
    for (let j = 0; j < i; j++) branch[keys[j][0]] = values[j];
    branch[field] = { [direction === 1 ? '$gt' : '$lt']: values[i] };
    return branch;
  });
  return { $or: branches };
}

function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    // Only the scalars a list sorts on: never an object a store would read as a query operator.
    const scalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
    if (Array.isArray(values) && values.length === length && values.every(scalar)) return values;
  } catch {
    // fall through
  }
  throw new InvalidCursorError();
}
