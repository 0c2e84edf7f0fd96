/* Why this file is long: one adapter of the document-store port (the official MongoDB driver), including FerretDB's non-atomic conditional writes. */
import {
  MongoBulkWriteError,
  MongoClient,
  MongoServerError,
  type AnyBulkWriteOperation,
  type Collection,
  type Db,
  type Filter as MongoFilter,
} from 'mongodb';
import { sortValues } from './document-order';
import { CheckedCollection, type NamedIndex } from './checked-collection';
import { assertCollectionName } from './document-rules';
import { KeyedLocks } from './keyed-locks';
import { DuplicateKeyError, type DocumentCollection, type DocumentStore, type Filter, type FindOptions, type Sort, type StoredDocument, type WriteOutcome } from './document-store.port';

export const DEFAULT_DATABASE_NAME = 'sme_ledger';

const DUPLICATE_KEY = 11000;
const NAMESPACE_NOT_FOUND = 26;
/** Write attempts per document when concurrent writers keep inserting the same _id first. */
const MAX_ATTEMPTS = 4;

/**
 * Writes to one document from this process, one at a time. MongoDB applies a conditional replace
 * atomically, but FerretDB v1 finds the matching document and then updates it by _id without checking
 * the filter again, so two concurrent putIfNewer of the same document could both match the old version
 * and both write (the older one possibly last). Shared by every store in the process, keyed by
 * database, collection and id. Writers in other processes are not covered: see ADR 0005.
 */
const documentLocks = new KeyedLocks();

/**
 * The document store on MongoDB, or on anything speaking its wire protocol well enough: CI runs it on
 * FerretDB v1.24 with the SQLite backend. So it uses no transactions, change streams, text search or
 * collations, and it does not trust what FerretDB reports about failed bulk writes (see putManyIfNewer).
 */
export class MongoDocumentStore implements DocumentStore {
  private readonly collections = new Map<string, MongoDocumentCollection>();

  /**
   * Use `connect`, or pass a Db whose client someone else closes (or `client` to have close() close it).
   * `byId`: the server hands only a filter on `_id` alone to its storage (FerretDB v1), so reads
   * of many ids and a batch's writes take shapes by `_id` alone (see MongoDocumentCollection).
   */
  constructor(
    readonly db: Db,
    private readonly client?: MongoClient,
    private readonly shapes: { byId: boolean } = { byId: false },
  ) {}

  /**
   * Connects to `url`. The database is `dbName`, else the one named in the URL's path
   * (`mongodb://host:27017/ledger`), else `sme_ledger`.
   */
  static async connect(url: string, dbName?: string): Promise<MongoDocumentStore> {
    // ignoreUndefined: a property set to undefined is left out, as JSON (the embedded store) does.
    const client = new MongoClient(url, { ignoreUndefined: true });
    await client.connect();
    try {
      const db = client.db(dbName ?? databaseNameFromUrl(url) ?? DEFAULT_DATABASE_NAME);
      await db.command({ ping: 1 });
      // FerretDB says so in buildInfo; it hands only a filter on _id alone to its storage.
      const info = await db.admin().command({ buildInfo: 1 }).catch(() => ({}));
      return new MongoDocumentStore(db, client, { byId: typeof (info as { ferretdbVersion?: unknown }).ferretdbVersion === 'string' });
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  collection<T extends StoredDocument = StoredDocument>(name: string): DocumentCollection<T> {
    assertCollectionName(name);
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new MongoDocumentCollection(this.db.collection<StoredDocument>(name), name, this.shapes.byId);
      this.collections.set(name, collection);
    }
    return collection as unknown as DocumentCollection<T>;
  }

  async listCollections(): Promise<string[]> {
    const infos = await this.db.listCollections({}, { nameOnly: true }).toArray();
    return infos
      .map((info) => info.name)
      .filter((name) => !name.startsWith('system.'))
      .sort();
  }

  async dropCollection(name: string): Promise<void> {
    assertCollectionName(name);
    try {
      await this.db.dropCollection(name);
    } catch (error) {
      // MongoDB before 7.0 answers NamespaceNotFound for a missing collection; that is not a failure here.
      if (!(error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND)) throw error;
    }
  }

  async close(): Promise<void> {
    await this.client?.close();
  }
}

/** How many `findOne({_id})` of one read run at once on a `byId` server. */
const ID_LOOKUPS_AT_ONCE = 8;

/**
 * How many documents of a batch go in one bulkWrite on a `byId` server. FerretDB v1.24 keeps one SQLite
 * connection (of 100) per statement of an `update` command until the command ends, and each replacement
 * needs one more: a command of 100 replacements waits for itself forever, and the whole server with it
 * (`docs/test-services.md`). Replacements scan the collection there, so smaller commands cost nothing.
 */
const WRITES_PER_BULK_BY_ID = 16;

/** 1 or -1 for a sort on `_id` alone; undefined for any other. */
function idOrderOf(sort: Sort): 1 | -1 | undefined {
  const keys = Object.keys(sort);
  return keys.length === 1 && keys[0] === '_id' && (sort._id === 1 || sort._id === -1) ? sort._id : undefined;
}

/** The ids of a filter that is `{_id: {$in: [strings]}}` and nothing else. */
function idsOnly(filter: Filter): string[] | undefined {
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== '_id') return undefined;
  const condition = filter._id as Record<string, unknown> | null;
  if (!condition || typeof condition !== 'object' || Object.keys(condition).length !== 1 || !Array.isArray(condition.$in)) return undefined;
  return condition.$in.every((id) => typeof id === 'string') ? (condition.$in as string[]) : undefined;
}

/** The database named in a mongodb:// or mongodb+srv:// URL's path, if any. */
export function databaseNameFromUrl(url: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]*)/.exec(url);
  const name = match?.[1] ? decodeURIComponent(match[1]) : '';
  return name.length > 0 ? name : undefined;
}

/**
 * One collection. On a server that hands only `{_id: …}` to its storage (`byId`: FerretDB v1, which
 * answers `{_id: {$in: …}}` and `{_id, _position: {$lt: …}}` by decoding every document itself), the
 * projector's hot paths take shapes by `_id` alone: a read of many ids is one `findOne` per id, and a
 * batch's writes (putManyIfNewer) are inserts of new ids and replacements by `_id` of the documents just
 * found older. That makes a batch check-then-write, exact for one writer of the collection — which the
 * ledger keeps for its projections (one projector, the holder of the background lease; a rebuild's fresh
 * generation) — and no weaker than FerretDB's own conditional writes. Single-document putIfNewer keeps
 * its conditional filter everywhere.
 */
class MongoDocumentCollection extends CheckedCollection {
  constructor(
    private readonly collection: Collection<StoredDocument>,
    name: string,
    private readonly byId = false,
  ) {
    super(name);
  }

  private locked<R>(ids: readonly string[], work: () => Promise<R>): Promise<R> {
    const prefix = `${this.collection.dbName}\0${this.name}\0`;
    return documentLocks.withLocks(ids.map((id) => prefix + id), work);
  }

  protected async first(filter: Filter, sort: Sort): Promise<StoredDocument | null> {
    return this.collection.findOne(asMongoFilter(filter), { sort });
  }

  protected async page(filter: Filter, sort: Sort, options: Pick<FindOptions, 'skip' | 'limit'>): Promise<StoredDocument[]> {
    // The effective sort of a read without one is by _id, which eachById's answer is put in too.
    const byIdOrder = this.byId && !options.skip && !options.limit ? idOrderOf(sort) : undefined;
    const ids = byIdOrder ? idsOnly(filter) : undefined;
    if (byIdOrder && ids) return (await this.eachById(ids)).sort((a, b) => byIdOrder * (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
    let cursor = this.collection.find(asMongoFilter(filter), { sort });
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return cursor.toArray();
  }

  protected async countMatching(filter: Filter): Promise<number> {
    return this.collection.countDocuments(asMongoFilter(filter));
  }

  protected async replaceIfNewer(doc: StoredDocument): Promise<WriteOutcome> {
    return this.locked([doc._id], () => this.putIfNewerUnlocked(doc));
  }

  private async putIfNewerUnlocked(doc: StoredDocument): Promise<WriteOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        // Matches only an older version; with none, the upsert inserts, which fails on _id if a version
        // at this position or later exists.
        await this.collection.replaceOne({ _id: doc._id, _position: { $lt: doc._position } }, doc, { upsert: true });
        return 'written';
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        if (duplicateOnOtherIndex(error)) throw this.duplicateKeyError(doc._id, error);
        // FerretDB does not say which index the duplicate is on, and a concurrent writer may have inserted
        // an older version between our match and our insert: look before calling it stale.
        const stored = await this.storedPosition(doc._id);
        if (stored !== undefined && stored >= doc._position) return 'stale';
        if (attempt >= MAX_ATTEMPTS) throw this.duplicateKeyError(doc._id, error);
      }
    }
  }

  /**
   * Reads the stored positions first and leaves the documents already as new out, then writes the rest
   * with one bulkWrite (unordered): conditional upserts, or on a `byId` server inserts and replacements by
   * `_id`, `WRITES_PER_BULK_BY_ID` documents a bulk. Reading first is not only an optimisation:
   * FerretDB v1 stops an unordered bulk at its first write error, reports that error at the wrong index
   * and reports no counts, so a replay full of stale documents would otherwise be lost after its first
   * stale document. Should the bulk still fail on duplicate keys (a concurrent writer got in between),
   * the documents it did not settle go through putIfNewer one by one.
   */
  protected async replaceManyIfNewer(docs: readonly StoredDocument[], known?: ReadonlyMap<string, number>): Promise<number> {
    return this.locked(docs.map((doc) => doc._id), () => this.putManyIfNewerUnlocked(docs, known));
  }

  private async putManyIfNewerUnlocked(docs: readonly StoredDocument[], known: ReadonlyMap<string, number> | undefined): Promise<number> {
    // What the caller has just read is what this read would find: one round trip (one scan per id on FerretDB) fewer.
    const stored = known ?? (await this.storedPositions(docs.map((doc) => doc._id)));
    const pending = docs.filter((doc) => (stored.get(doc._id) ?? -1) < doc._position);
    const perBulk = this.byId ? WRITES_PER_BULK_BY_ID : pending.length;
    let written = 0;
    for (let from = 0; from < pending.length; from += perBulk) written += await this.writeBulk(pending.slice(from, from + perBulk), stored);
    return written;
  }

  private async writeBulk(pending: readonly StoredDocument[], stored: ReadonlyMap<string, number>): Promise<number> {
    const operations: AnyBulkWriteOperation<StoredDocument>[] = pending.map((doc) =>
      !this.byId
        ? { replaceOne: { filter: { _id: doc._id, _position: { $lt: doc._position } }, replacement: doc, upsert: true } }
        : stored.has(doc._id)
          ? { replaceOne: { filter: { _id: doc._id }, replacement: doc } }
          : { insertOne: { document: doc } },
    );
    try {
      const result = await this.collection.bulkWrite(operations, { ordered: false });
      return result.matchedCount + result.upsertedCount + result.insertedCount;
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      const writeErrors = [error.writeErrors].flat();
      if (writeErrors.length === 0 || writeErrors.some((writeError) => writeError.code !== DUPLICATE_KEY)) throw error;
      const { written, unsettled } = await this.settleFailedBulk(pending, error, writeErrors);
      return written + (await this.putEachIfNewer(unsettled));
    }
  }

  /** What a bulk that failed on duplicate keys wrote, and which documents it left to try again. */
  private async settleFailedBulk(
    docs: readonly StoredDocument[],
    error: MongoBulkWriteError,
    writeErrors: readonly { index: number }[],
  ): Promise<{ written: number; unsettled: StoredDocument[] }> {
    const reported = (error.result?.matchedCount ?? 0) + (error.result?.upsertedCount ?? 0) + (error.result?.insertedCount ?? 0);
    if (reported + writeErrors.length === docs.length && writeErrors.every((writeError) => docs[writeError.index] !== undefined)) {
      // MongoDB: every operation ran and the write errors name the ones that failed.
      return { written: reported, unsettled: writeErrors.map((writeError) => docs[writeError.index]) };
    }
    // FerretDB: counts and indexes cannot be trusted, and the operations after the failed one did not run.
    // Look at what is stored: a document now at its own position was written (by this call, or by a
    // concurrent delivery of the very same version, which comes to the same); newer ones are stale;
    // older or missing ones are tried again.
    const stored = await this.storedPositions(docs.map((doc) => doc._id));
    return {
      written: docs.filter((doc) => stored.get(doc._id) === doc._position).length,
      unsettled: docs.filter((doc) => (stored.get(doc._id) ?? -1) < doc._position),
    };
  }

  private async putEachIfNewer(docs: readonly StoredDocument[]): Promise<number> {
    let written = 0;
    let duplicate: DuplicateKeyError | undefined;
    for (const doc of docs) {
      try {
        if ((await this.putIfNewerUnlocked(doc)) === 'written') written++;
      } catch (error) {
        if (!(error instanceof DuplicateKeyError)) throw error;
        duplicate ??= error;
      }
    }
    if (duplicate) throw duplicate;
    return written;
  }

  protected async replace(doc: StoredDocument): Promise<void> {
    return this.locked([doc._id], () => this.putUnlocked(doc));
  }

  /** One unordered bulk of inserts. */
  protected async insertAll(docs: readonly StoredDocument[]): Promise<void> {
    await this.locked(
      docs.map((doc) => doc._id),
      async () => {
        try {
          await this.collection.bulkWrite(docs.map((document) => ({ insertOne: { document } })), { ordered: false });
        } catch (error) {
          if (!(error instanceof MongoBulkWriteError) || [error.writeErrors].flat().some((writeError) => writeError.code !== DUPLICATE_KEY)) throw error;
          const [first] = [error.writeErrors].flat();
          throw this.duplicateKeyError(docs[first.index]?._id ?? docs[0]._id, error);
        }
      },
    );
  }

  private async putUnlocked(doc: StoredDocument): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.collection.replaceOne({ _id: doc._id }, doc, { upsert: true });
        return;
      } catch (error) {
        // Two concurrent upserts of a new _id: one inserts, the other fails (FerretDB does not retry it
        // as MongoDB does); the retry then replaces.
        if (!isDuplicateKey(error)) throw error;
        if (duplicateOnOtherIndex(error) || attempt >= MAX_ATTEMPTS) throw this.duplicateKeyError(doc._id, error);
      }
    }
  }

  async delete(id: string): Promise<boolean> {
    return this.locked([id], async () => (await this.collection.deleteOne({ _id: id })).deletedCount === 1);
  }

  protected async deleteMatching(filter: Filter): Promise<number> {
    return (await this.collection.deleteMany(asMongoFilter(filter))).deletedCount;
  }

  protected async distinctMatching(field: string, filter: Filter): Promise<unknown[]> {
    // Sorted here: the server's order is not specified (the embedded store sorts the same way).
    return sortValues(await this.collection.distinct(field, asMongoFilter(filter)));
  }

  protected async ensureNamedIndexes(indexes: readonly NamedIndex[]): Promise<void> {
    // One index per command: FerretDB v1.24 crashes the connection when one createIndexes command
    // names two or more indexes that all exist already.
    for (const index of indexes) {
      await this.collection.createIndex(index.keys, { name: index.name, ...(index.unique ? { unique: true } : {}) });
    }
  }

  private async storedPosition(id: string): Promise<number | undefined> {
    const found = await this.collection.findOne({ _id: id }, { projection: { _position: 1 } });
    return found ? Number(found._position) : undefined;
  }

  private async storedPositions(ids: readonly string[]): Promise<Map<string, number>> {
    const found = this.byId ? await this.eachById(ids, { _position: 1 }) : await this.collection.find({ _id: { $in: [...ids] } }, { projection: { _position: 1 } }).toArray();
    return new Map(found.map((doc) => [doc._id, Number(doc._position)]));
  }

  /** The stored documents of these ids, one `findOne({_id})` each, a few at a time. */
  private async eachById(ids: readonly string[], projection?: Record<string, 1>): Promise<StoredDocument[]> {
    const found: StoredDocument[] = [];
    const queue = [...new Set(ids)];
    const next = async (): Promise<void> => {
      for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
        const doc = await this.collection.findOne({ _id: id }, projection ? { projection } : {});
        if (doc) found.push(doc);
      }
    };
    await Promise.all(Array.from({ length: Math.min(ID_LOOKUPS_AT_ONCE, queue.length) }, next));
    return found;
  }

  private duplicateKeyError(id: string, cause: unknown): DuplicateKeyError {
    const detail = cause instanceof Error ? cause.message : typeof cause === 'object' && cause !== null && 'errmsg' in cause ? String(cause.errmsg) : undefined;
    return new DuplicateKeyError(this.name, id, detail);
  }
}

/** Our filters are MongoDB's query language already (checked by assertFilter); only the types differ. */
function asMongoFilter(filter: Filter): MongoFilter<StoredDocument> {
  return filter as MongoFilter<StoredDocument>;
}

function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

/**
 * True when the error says the duplicate is on an index other than _id. MongoDB says so in keyPattern;
 * FerretDB says nothing (false here, and the caller looks at the stored document instead).
 */
function duplicateOnOtherIndex(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const keyPattern = (error as { keyPattern?: unknown }).keyPattern;
  if (typeof keyPattern === 'object' && keyPattern !== null) {
    const keys = Object.keys(keyPattern);
    return keys.length > 0 && !(keys.length === 1 && keys[0] === '_id');
  }
  const message = (error as { errmsg?: unknown; message?: unknown }).errmsg ?? (error as { message?: unknown }).message;
  return typeof message === 'string' && / index: (?!_id_ )\S+ dup key/.test(message);
}
