/* Why this file is long: one adapter of the document-store port (SQLite plus mingo), whose write, read and index paths share its in-memory copy. */
import { deepFreeze, openSqliteDatabase, type SqliteDatabase } from '@sme/event-store';
import { Query } from 'mingo';
import { compareStrings, distinctValues, firstInOrder, firstInOrderN, sortDocuments } from './document-order';
import { CheckedCollection, type NamedIndex } from './checked-collection';
import { assertCollectionName } from './document-rules';
import { DuplicateKeyError, type DocumentCollection, type DocumentStore, type Filter, type FindOptions, type Sort, type StoredDocument, type WriteOutcome } from './document-store.port';

/**
 * Two tables in the given SQLite file: the documents (one row each, the body as JSON text) and the
 * collections that exist, with the indexes ensured on them.
 */
function ensureDocumentSchema(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS documents (
      collection TEXT NOT NULL,
      id TEXT NOT NULL,
      position INTEGER NOT NULL,
      body TEXT NOT NULL,
      PRIMARY KEY (collection, id)
    );
    CREATE TABLE IF NOT EXISTS document_collections (
      name TEXT NOT NULL PRIMARY KEY,
      indexes TEXT NOT NULL DEFAULT '[]'
    );
  `);
}

type StoredIndex = NamedIndex;

interface UniqueIndex {
  index: StoredIndex;
  fields: string[];
  /** Key (JSON of the indexed values) → id of the document holding it. */
  owners: Map<string, string>;
}

/** What the store keeps in memory for a collection once it has been read. */
interface CollectionState {
  /** Parsed documents exactly as stored; never handed out, only copies of them. */
  docs: Map<string, StoredDocument>;
  indexes: StoredIndex[];
  uniques: UniqueIndex[];
  /** A row in document_collections exists. */
  registered: boolean;
  /** Counts the changes made to `docs`: a scan's result holds while it stays the same. */
  version: number;
}

type Statements = ReturnType<typeof prepareStatements>;

function prepareStatements(db: SqliteDatabase) {
  return {
    selectDocuments: db.prepare<[string], string>('SELECT body FROM documents WHERE collection = ?').pluck(),
    selectCollection: db.prepare<[string], string>('SELECT indexes FROM document_collections WHERE name = ?').pluck(),
    registerCollection: db.prepare<[string]>("INSERT OR IGNORE INTO document_collections (name, indexes) VALUES (?, '[]')"),
    saveIndexes: db.prepare<[string, string]>('UPDATE document_collections SET indexes = ? WHERE name = ?'),
    putIfNewer: db.prepare<[string, string, number, string]>(
      `INSERT INTO documents (collection, id, position, body) VALUES (?, ?, ?, ?)
       ON CONFLICT (collection, id) DO UPDATE SET position = excluded.position, body = excluded.body
       WHERE excluded.position > documents.position`,
    ),
    put: db.prepare<[string, string, number, string]>(
      `INSERT INTO documents (collection, id, position, body) VALUES (?, ?, ?, ?)
       ON CONFLICT (collection, id) DO UPDATE SET position = excluded.position, body = excluded.body`,
    ),
    deleteDocument: db.prepare<[string, string]>('DELETE FROM documents WHERE collection = ? AND id = ?'),
    dropDocuments: db.prepare<[string]>('DELETE FROM documents WHERE collection = ?'),
    dropCollection: db.prepare<[string]>('DELETE FROM document_collections WHERE name = ?'),
    listCollections: db.prepare<[], string>('SELECT name FROM document_collections').pluck(),
  };
}

/**
 * The document store without a server: documents in a SQLite file, queries in MongoDB's language
 * evaluated by mingo over an in-memory copy of each collection.
 *
 * Every write goes to SQLite synchronously (so it is on disk, in WAL, when the promise resolves) and then
 * to the in-memory copy; a collection is read from the file once, the first time it is used. The copy
 * therefore assumes this store is the only writer of its tables: another process writing the same file
 * is detected only when a conditional write finds the file ahead of the copy (the collection is then
 * re-read). Several API instances need the MongoDB adapter.
 *
 * Reads hand out the documents of that copy themselves, deep-frozen, not copies: reading a dashboard's
 * tens of thousands of documents costs no copying, and a caller that tried to change one would throw
 * (the port's documents are read-only on every adapter). A document is frozen the first time it is
 * handed out, so that writes, a rebuild's above all, do not pay for it.
 *
 * Sort order and distinct follow MongoDB (see document-order.ts), not mingo's own sort.
 */
export class EmbeddedDocumentStore implements DocumentStore {
  readonly db: SqliteDatabase;
  /**
   * Runs `body` in one SQLite transaction (or a savepoint inside one). Made once: better-sqlite3 builds
   * four wrapper functions for every `db.transaction(...)`, which every write would otherwise pay.
   */
  readonly inTransaction: (body: () => void) => void;
  private readonly ownsDb: boolean;
  private readonly statements: Statements;
  private readonly states = new Map<string, CollectionState>();
  private readonly collections = new Map<string, EmbeddedDocumentCollection>();
  private closed = false;

  /**
   * A file path (or ':memory:') to open and own (close() closes it), or an open database shared with
   * other components (close() leaves it open).
   */
  constructor(source: string | SqliteDatabase) {
    this.ownsDb = typeof source === 'string';
    this.db = typeof source === 'string' ? openSqliteDatabase(source) : source;
    this.inTransaction = this.db.transaction((body: () => void) => body());
    ensureDocumentSchema(this.db);
    this.statements = prepareStatements(this.db);
  }

  collection<T extends StoredDocument = StoredDocument>(name: string): DocumentCollection<T> {
    assertCollectionName(name);
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new EmbeddedDocumentCollection(this, name);
      this.collections.set(name, collection);
    }
    return collection as unknown as DocumentCollection<T>;
  }

  async listCollections(): Promise<string[]> {
    this.assertOpen();
    return this.statements.listCollections.all().sort(compareStrings);
  }

  async dropCollection(name: string): Promise<void> {
    assertCollectionName(name);
    this.assertOpen();
    this.inTransaction(() => {
      this.statements.dropDocuments.run(name);
      this.statements.dropCollection.run(name);
    });
    this.states.delete(name);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.states.clear();
    if (this.ownsDb) this.db.close();
  }

  /**
   * Makes `docs` the whole content of a collection held in memory only, never written to the file: for a
   * store read and thrown away, such as a time slice's documents (see SliceReader). The documents are
   * taken as given, neither checked nor copied, and frozen as they are read, like every document the
   * store holds, so they must be storable documents the caller no longer changes. Refused for a collection that holds documents already.
   */
  holdInMemory(name: string, docs: readonly StoredDocument[]): void {
    assertCollectionName(name);
    const state = this.state(name);
    if (state.docs.size > 0) throw new Error(`The collection ${name} holds documents already`);
    for (const doc of docs) state.docs.set(doc._id, doc);
    state.version += 1;
  }

  // ---- used by the collections ----

  /** @internal The collection's in-memory state, read from the file on first use. */
  state(name: string): CollectionState {
    this.assertOpen();
    let state = this.states.get(name);
    if (!state) {
      state = this.load(name);
      this.states.set(name, state);
    }
    return state;
  }

  /** @internal Forgets the in-memory copy (after a failed transaction, or when the file is ahead of it). */
  forget(name: string): void {
    this.states.delete(name);
  }

  /** @internal */
  get sql(): Statements {
    this.assertOpen();
    return this.statements;
  }

  /** @internal Records that the collection exists (once per process and collection). */
  register(name: string, state: CollectionState): void {
    if (state.registered) return;
    this.statements.registerCollection.run(name);
    state.registered = true;
  }

  private load(name: string): CollectionState {
    const indexesJson = this.statements.selectCollection.get(name);
    const indexes = indexesJson === undefined ? [] : (JSON.parse(indexesJson) as StoredIndex[]);
    const docs = new Map<string, StoredDocument>();
    for (const body of this.statements.selectDocuments.iterate(name)) {
      const doc = JSON.parse(body) as StoredDocument;
      docs.set(doc._id, doc);
    }
    const state: CollectionState = { docs, indexes, uniques: [], registered: indexesJson !== undefined, version: 0 };
    state.uniques = indexes.filter((index) => index.unique).map((index) => buildUniqueIndex(name, index, docs.values()));
    return state;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The embedded document store is closed');
  }
}

class EmbeddedDocumentCollection extends CheckedCollection {
  /** The last scan: its filter (the object itself, and as JSON then), the collection's state and version then, and what matched. */
  private lastScan: { filter: Filter; text: string; state: CollectionState; version: number; matches: StoredDocument[] } | undefined;

  constructor(
    private readonly store: EmbeddedDocumentStore,
    name: string,
  ) {
    super(name);
  }

  protected async first(filter: Filter, sort: Sort): Promise<StoredDocument | null> {
    const first = firstInOrder(this.matching(filter), sort);
    return first === undefined ? null : handOut(first);
  }

  protected async page(filter: Filter, sort: Sort, options: Pick<FindOptions, 'skip' | 'limit'>): Promise<StoredDocument[]> {
    const matches = this.listed(filter);
    const start = options.skip ?? 0;
    // limit 0 means no limit, as in MongoDB.
    const end = options.limit ? start + options.limit : undefined;
    // A page of a long list: its first documents picked out, not the whole list sorted.
    const sorted = end !== undefined && end <= PICK_AT_MOST && end < matches.length ? firstInOrderN(matches, sort, end) : sortDocuments(matches, sort);
    return sorted.slice(start, end).map(handOut);
  }

  protected async countMatching(filter: Filter): Promise<number> {
    return this.listed(filter).length;
  }

  /**
   * The matches of a page or of a total. A list asks for both at once with the same filter object: the
   * second is answered from the first's scan, once, while the collection and the filter are unchanged.
   * A later page asks for `{$and: [the list's filter, after its cursor]}`: the list's filter is scanned
   * (and kept for the total), and the cursor's condition tested on what matched.
   * Lookups by `_id` (the projector's batches) scan nothing and are not kept.
   */
  private listed(filter: Filter): StoredDocument[] {
    if (filter._id !== undefined) return this.matching(filter);
    const both = twoConditions(filter);
    if (both) {
      const [first, second] = both;
      const also = new Query<StoredDocument>(second);
      return this.scanned(first).filter((doc) => also.test(doc));
    }
    return this.scanned(filter);
  }

  /** The matches of a filter from the last scan, when it was of that filter object (once), or scanned and kept. */
  private scanned(filter: Filter): StoredDocument[] {
    const state = this.store.state(this.name);
    const last = this.lastScan;
    const text = filterText(filter);
    if (last && last.filter === filter && last.text === text && last.state === state && last.version === state.version) {
      this.lastScan = undefined;
      return last.matches;
    }
    const matches = this.matching(filter);
    this.lastScan = { filter, text, state, version: state.version, matches };
    return matches;
  }

  protected async replaceIfNewer(doc: StoredDocument): Promise<WriteOutcome> {
    return this.writeIfNewer(this.store.state(this.name), doc);
  }

  protected async replaceManyIfNewer(docs: readonly StoredDocument[]): Promise<number> {
    let written = 0;
    this.writeEach(docs, (state, doc) => {
      if (this.writeIfNewer(state, doc) === 'written') written++;
    });
    return written;
  }

  protected async replace(doc: StoredDocument): Promise<void> {
    this.replaceIn(this.store.state(this.name), doc);
  }

  protected async insertAll(docs: readonly StoredDocument[]): Promise<void> {
    this.writeEach(docs, (state, doc) => {
      if (state.docs.has(doc._id)) throw new DuplicateKeyError(this.name, doc._id, 'already stored');
      this.replaceIn(state, doc);
    });
  }

  /**
   * Writes each document in one SQLite transaction (the in-memory copy is re-read from the file should
   * it fail). As a MongoDB unordered bulk: a duplicate key leaves the other documents written, and the
   * call then reports the first duplicate.
   */
  private writeEach(docs: readonly StoredDocument[], write: (state: CollectionState, doc: StoredDocument) => void): void {
    const state = this.store.state(this.name);
    let duplicate: DuplicateKeyError | undefined;
    try {
      this.store.inTransaction(() => {
        for (const doc of docs) {
          try {
            write(state, doc);
          } catch (error) {
            if (!(error instanceof DuplicateKeyError)) throw error;
            duplicate ??= error;
          }
        }
      });
    } catch (error) {
      this.store.forget(this.name);
      throw error;
    }
    if (duplicate) throw duplicate;
  }

  private replaceIn(state: CollectionState, doc: StoredDocument): void {
    const { body, parsed } = serialize(doc);
    this.assertUnique(state, parsed);
    this.store.register(this.name, state);
    this.store.sql.put.run(this.name, doc._id, doc._position, body);
    this.remember(state, parsed);
  }

  async delete(id: string): Promise<boolean> {
    const deleted = this.store.sql.deleteDocument.run(this.name, id).changes > 0;
    this.forgetDocument(this.store.state(this.name), id);
    return deleted;
  }

  protected async deleteMatching(filter: Filter): Promise<number> {
    const ids = this.matching(filter).map((doc) => doc._id);
    let deleted = 0;
    this.store.inTransaction(() => {
      for (const id of ids) deleted += this.store.sql.deleteDocument.run(this.name, id).changes;
    });
    const state = this.store.state(this.name);
    for (const id of ids) this.forgetDocument(state, id);
    return deleted;
  }

  private forgetDocument(state: CollectionState, id: string): void {
    const old = state.docs.get(id);
    if (!old) return;
    for (const unique of state.uniques) releaseKey(unique, old);
    state.docs.delete(id);
    state.version += 1;
  }

  protected async distinctMatching(field: string, filter: Filter): Promise<unknown[]> {
    return distinctValues(this.matching(filter).map(handOut), field);
  }

  /**
   * Records the indexes (so that they conflict, and unique ones are enforced, as on MongoDB) without
   * creating SQLite indexes: queries are answered from the in-memory copy, which a SQLite index on the
   * JSON bodies would not speed up, and the only lookup SQLite does (by collection and id) is the primary key.
   */
  protected async ensureNamedIndexes(indexes: readonly NamedIndex[]): Promise<void> {
    const state = this.store.state(this.name);
    const next = [...state.indexes];
    const uniques = [...state.uniques];
    for (const wanted of indexes) {
      if (wanted.name === '_id_') throw new Error(`Index name _id_ is reserved (collection ${this.name})`);
      const sameName = next.find((index) => index.name === wanted.name);
      if (sameName) {
        if (sameKeys(sameName.keys, wanted.keys) && sameName.unique === wanted.unique) continue;
        throw new Error(`Index ${wanted.name} on ${this.name} exists with other keys or options`);
      }
      const sameKeysIndex = next.find((index) => sameKeys(index.keys, wanted.keys));
      if (sameKeysIndex) throw new Error(`Index on ${this.name} with these keys already exists with a different name: ${sameKeysIndex.name}`);
      if (wanted.unique) uniques.push(buildUniqueIndex(this.name, wanted, state.docs.values()));
      next.push(wanted);
    }
    if (next.length === state.indexes.length) return;
    this.store.inTransaction(() => {
      this.store.register(this.name, state);
      this.store.sql.saveIndexes.run(JSON.stringify(next), this.name);
    });
    state.indexes = next;
    state.uniques = uniques;
  }

  // ---- internals ----

  private matching(filter: Filter): StoredDocument[] {
    const state = this.store.state(this.name);
    // The common lookup by id needs no scan, and by id alone no query compiled either.
    const id = filter._id;
    if (typeof id === 'string') {
      const doc = state.docs.get(id);
      if (!doc) return [];
      return Object.keys(filter).length === 1 || new Query<StoredDocument>(filter).test(doc) ? [doc] : [];
    }
    // A field's $in of strings is one set lookup per document (mingo would hash the whole list again for
    // every document it tests), the rest of the filter tested apart; by _id (the projector's batch
    // lookup), the listed documents are looked up, with no scan.
    const found: StoredDocument[] = [];
    const oneOf = stringsIn(filter);
    if (oneOf) {
      const rest = Object.keys(oneOf.rest).length === 0 ? undefined : new Query<StoredDocument>(oneOf.rest);
      const byId = oneOf.field === '_id';
      const candidates = byId ? [...oneOf.values].flatMap((x) => state.docs.get(x) ?? []) : state.docs.values();
      for (const doc of candidates) {
        if ((byId || oneOf.matches((doc as unknown as Record<string, unknown>)[oneOf.field])) && (rest === undefined || rest.test(doc))) found.push(doc);
      }
      return found;
    }
    const query = new Query<StoredDocument>(filter);
    for (const doc of state.docs.values()) if (query.test(doc)) found.push(doc);
    return found;
  }

  /** Synchronous, so that no other write to this collection can interleave (double deliveries included). */
  private writeIfNewer(state: CollectionState, doc: StoredDocument): WriteOutcome {
    const current = state.docs.get(doc._id);
    if (current && current._position >= doc._position) return 'stale';
    const { body, parsed } = serialize(doc);
    this.assertUnique(state, parsed);
    this.store.register(this.name, state);
    const { changes } = this.store.sql.putIfNewer.run(this.name, doc._id, doc._position, body);
    if (changes === 0) {
      // The file holds a version at least as new as this one that the copy did not know: someone else
      // writes this file. Read the collection again next time.
      this.store.forget(this.name);
      return 'stale';
    }
    this.remember(state, parsed);
    return 'written';
  }

  private assertUnique(state: CollectionState, doc: StoredDocument): void {
    for (const unique of state.uniques) {
      const key = uniqueKey(this.name, unique, doc);
      const owner = unique.owners.get(key);
      if (owner !== undefined && owner !== doc._id) {
        throw new DuplicateKeyError(this.name, doc._id, `index ${unique.index.name} already has ${key} (document ${owner})`);
      }
    }
  }

  private remember(state: CollectionState, doc: StoredDocument): void {
    const old = state.docs.get(doc._id);
    for (const unique of state.uniques) {
      if (old) releaseKey(unique, old);
      unique.owners.set(uniqueKey(this.name, unique, doc), doc._id);
    }
    state.docs.set(doc._id, doc);
    state.version += 1;
  }
}

/**
 * A condition `{ field: { $in: [strings] } }` of the filter on a top-level field (no dotted path, no other
 * operator beside it), `_id`'s first, as a test of the field's value, with the rest of the filter. As
 * MongoDB: a string in the list matches, and an array matches when one of its elements is; nothing else
 * does (no null is in a list of strings, so a missing field does not).
 */
function stringsIn(filter: Filter): { field: string; values: Set<string>; matches: (value: unknown) => boolean; rest: Filter } | undefined {
  const fields = Object.keys(filter).sort((a, b) => Number(b === '_id') - Number(a === '_id'));
  for (const field of fields) {
    const condition = filter[field];
    if (field.startsWith('$') || field.includes('.') || typeof condition !== 'object' || condition === null) continue;
    const list = (condition as { $in?: unknown }).$in;
    if (Object.keys(condition).length !== 1 || !Array.isArray(list) || !list.every((x) => typeof x === 'string')) continue;
    const values = new Set<string>(list as string[]);
    const { [field]: _taken, ...rest } = filter;
    return { field, values, matches: (value) => values.has(value as string) || (Array.isArray(value) && value.some((x) => typeof x === 'string' && values.has(x))), rest };
  }
  return undefined;
}

/** How far into a sorted list a page may end for its documents to be picked out rather than the list sorted. */
const PICK_AT_MOST = 1000;

/** A document of the copy as a read hands it out: frozen, through and through, from its first read on. */
const handOut = (doc: StoredDocument): StoredDocument => deepFreeze(doc);

/** The JSON text to store and the object the copy keeps: parsed back from that text, so both agree. */
function serialize(doc: StoredDocument): { body: string; parsed: StoredDocument } {
  const body = JSON.stringify(doc);
  return { body, parsed: JSON.parse(body) as StoredDocument };
}

function sameKeys(a: Record<string, 1 | -1>, b: Record<string, 1 | -1>): boolean {
  const entriesA = Object.entries(a);
  const entriesB = Object.entries(b);
  return entriesA.length === entriesB.length && entriesA.every(([field, direction], i) => entriesB[i][0] === field && entriesB[i][1] === direction);
}

function buildUniqueIndex(collection: string, index: StoredIndex, docs: Iterable<StoredDocument>): UniqueIndex {
  const unique: UniqueIndex = { index, fields: Object.keys(index.keys), owners: new Map() };
  for (const doc of docs) {
    const key = uniqueKey(collection, unique, doc);
    const owner = unique.owners.get(key);
    if (owner !== undefined) throw new DuplicateKeyError(collection, doc._id, `cannot build unique index ${index.name}: ${key} also in ${owner}`);
    unique.owners.set(key, doc._id);
  }
  return unique;
}

function releaseKey(unique: UniqueIndex, doc: StoredDocument): void {
  const key = uniqueKey('', unique, doc);
  if (unique.owners.get(key) === doc._id) unique.owners.delete(key);
}

/**
 * The values a unique index holds for a document, as JSON; a missing field counts as null (as in
 * MongoDB, so two documents without the field collide). Array values would make MongoDB index each
 * element, which FerretDB v1 does not do; they are refused here.
 */
function uniqueKey(collection: string, unique: UniqueIndex, doc: StoredDocument): string {
  const values = unique.fields.map((field) => {
    let value: unknown = doc;
    for (const segment of field.split('.')) {
      if (Array.isArray(value)) {
        throw new TypeError(`Unique index ${unique.index.name} on ${collection}: ${field} goes through an array in ${doc._id}; unique indexes over arrays are not supported`);
      }
      value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[segment] : undefined;
      if (value === undefined) return null;
    }
    if (Array.isArray(value)) {
      throw new TypeError(`Unique index ${unique.index.name} on ${collection}: ${field} is an array in ${doc._id}; unique indexes over arrays are not supported`);
    }
    return value;
  });
  return JSON.stringify(values);
}

/** The two filters of `{$and: [first, second]}` (and nothing else), each a filter object; undefined for any other filter. */
function twoConditions(filter: Filter): [Filter, Filter] | undefined {
  const both = filter.$and;
  if (!Array.isArray(both) || both.length !== 2 || Object.keys(filter).length !== 1) return undefined;
  const [first, second] = both as unknown[];
  const isFilter = (part: unknown): part is Filter => typeof part === 'object' && part !== null && !Array.isArray(part);
  return isFilter(first) && isFilter(second) && first._id === undefined ? [first, second] : undefined;
}

/** A filter as text, a regular expression as its source and flags (JSON would write every one as `{}`). */
function filterText(filter: Filter): string {
  return JSON.stringify(filter, (_key, value: unknown) => (value instanceof RegExp ? `/${value.source}/${value.flags}` : value));
}
