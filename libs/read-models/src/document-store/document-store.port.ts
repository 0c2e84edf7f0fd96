/**
 * The document-store port: where projections keep their views. Two adapters (MongoDB, embedded),
 * one contract suite. Filters, sorts and projections are MongoDB's query language, restricted to
 * what both adapters support (see docs/read-side.md for the operators used and those avoided).
 */

/** Every stored view carries its id and the global position of the last event applied to it. */
export interface StoredDocument {
  _id: string;
  /** Global position of the last event applied (a safe integer). */
  _position: number;
  [field: string]: unknown;
}

export type Filter = Record<string, unknown>;
/** Field → 1 (ascending) or -1 (descending), applied in key order. */
export type Sort = Record<string, 1 | -1>;

export interface FindOptions {
  sort?: Sort;
  skip?: number;
  limit?: number;
}

export interface IndexSpec {
  /** Field → 1 | -1, or 'text' is NOT supported (FerretDB v1 lacks text indexes). */
  keys: Record<string, 1 | -1>;
  name?: string;
  unique?: boolean;
}

export type WriteOutcome = 'written' | 'stale';

export interface DocumentCollection<T extends StoredDocument = StoredDocument> {
  readonly name: string;
  findOne(filter: Filter): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  count(filter: Filter): Promise<number>;
  /**
   * Writes `doc` unless the stored document with the same `_id` already has `_position >= doc._position`
   * (then returns 'stale' and changes nothing). This is what makes a projection idempotent without
   * transactions: an event delivered twice finds its position already applied.
   */
  putIfNewer(doc: T): Promise<WriteOutcome>;
  /** Same as putIfNewer for many documents (distinct ids); returns how many were written. */
  putManyIfNewer(docs: readonly T[]): Promise<number>;
  /** Unconditional write (for bookkeeping documents such as checkpoints). */
  put(doc: T): Promise<void>;
  delete(id: string): Promise<boolean>;
  /** Distinct values of a field among the documents matching the filter. */
  distinct(field: string, filter?: Filter): Promise<unknown[]>;
  ensureIndexes(indexes: readonly IndexSpec[]): Promise<void>;
}

export interface DocumentStore {
  collection<T extends StoredDocument = StoredDocument>(name: string): DocumentCollection<T>;
  listCollections(): Promise<string[]>;
  dropCollection(name: string): Promise<void>;
  close(): Promise<void>;
}

export const DOCUMENT_STORE = Symbol('DOCUMENT_STORE');
