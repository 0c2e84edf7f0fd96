/**
 * The document-store port: where projections keep their views. Two adapters (MongoDB, embedded),
 * one contract suite. Filters, sorts and projections are MongoDB's query language, restricted to
 * what both adapters support (see docs/read-side.md for the operators used and those avoided, and
 * docs/adr/0005-embedded-document-store.md for the list both adapters enforce).
 *
 * Documents are JSON values: strings, finite numbers, booleans, null, arrays and plain objects (dates as
 * ISO strings). Both adapters refuse anything else, and filters outside the supported operators, with a
 * TypeError before touching storage.
 */

/** Every stored view carries its id and the global position of the last event applied to it. */
export interface StoredDocument {
  _id: string;
  /** Global position of the last event applied (a safe integer). */
  _position: number;
}

export type Filter = Record<string, unknown>;
/** Field → 1 (ascending) or -1 (descending), applied in key order. */
export type Sort = Record<string, 1 | -1>;

/**
 * Results are ordered by `sort`, then by `_id` ascending (so without a sort they come in `_id` order and
 * paging with skip/limit is stable). A missing field sorts as null, before numbers, then strings.
 */
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

/** A write would give two documents the same key of a unique index (MongoDB's error 11000). */
export class DuplicateKeyError extends Error {
  override readonly name = 'DuplicateKeyError';
  readonly code = 11000;

  constructor(
    readonly collection: string,
    readonly documentId: string,
    detail?: string,
  ) {
    super(`Duplicate key in ${collection} writing ${documentId}${detail ? `: ${detail}` : ''}`);
  }
}

/**
 * The documents and values a collection hands out are read-only: an adapter may give the ones it holds,
 * deep-frozen (the embedded store), or fresh ones (MongoDB). A caller that needs to change one copies it.
 */
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
  /**
   * Same as putIfNewer for many documents (distinct ids); returns how many were written. Should one
   * document break a unique index, the others are still written and the call rejects with
   * DuplicateKeyError (as MongoDB, which has no transactions here, would).
   *
   * `stored`: the positions of these ids as the caller has just read them (an id not in it is not
   * stored). A store that reads the positions before it writes uses these instead. For the one writer of
   * a collection (the projector, which has just read the documents it folds onto).
   */
  putManyIfNewer(docs: readonly T[], stored?: ReadonlyMap<string, number>): Promise<number>;
  /** Unconditional write (for bookkeeping documents such as checkpoints). */
  put(doc: T): Promise<void>;
  /**
   * Inserts documents (distinct ids) none of which is stored yet — a rebuild filling a fresh generation:
   * one unordered bulk of inserts, what every server does fastest (FerretDB answers a conditional or an
   * upserting write far slower). An id already stored rejects with DuplicateKeyError, as a unique index
   * would; the other documents are still written.
   */
  insertMany(docs: readonly T[]): Promise<void>;
  /** Removes the document; with it goes its position, so a later putIfNewer of any position writes again. */
  delete(id: string): Promise<boolean>;
  /**
   * Removes every document matching the filter, with their positions; returns how many. Each removal
   * stands alone (no transaction across them): a document changed meanwhile so that it no longer
   * matches stays on MongoDB (a delete tests its filter per document).
   */
  deleteMany(filter: Filter): Promise<number>;
  /**
   * Distinct values of a field among the documents matching the filter, in sort order. An array field
   * contributes its elements; documents without the field contribute nothing, an explicit null counts.
   */
  distinct(field: string, filter?: Filter): Promise<unknown[]>;
  /** Creates the indexes that do not exist yet; an index of the same name with other keys is an error. */
  ensureIndexes(indexes: readonly IndexSpec[]): Promise<void>;
}

export interface DocumentStore {
  collection<T extends StoredDocument = StoredDocument>(name: string): DocumentCollection<T>;
  /** Names of the collections written to (or indexed) and not dropped since, sorted. */
  listCollections(): Promise<string[]>;
  /** Removes a collection with its documents and indexes; dropping a missing collection is fine. */
  dropCollection(name: string): Promise<void>;
  close(): Promise<void>;
}

export const DOCUMENT_STORE = Symbol('DOCUMENT_STORE');
