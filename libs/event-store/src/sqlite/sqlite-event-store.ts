/* Why this file is long: one adapter of the event-store port; its append, read and subscription paths share the statements and the page kept for subscriptions. */
import { canonicalJson } from '../canonical-json';
import {
  EventIdConflictError,
  type AppendResult,
  type RecordedAppend,
  type EventMetadata,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamsWithPrefixOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAnchor,
  type SubscribeToAllOptions,
  type Subscription,
} from '../event-store.port';
import { assertAppendableBatch, assertExpectedRevision, normalizeExpected } from '../expected-revision';
import { hashCanonicalParts, type ChainHashAlgorithm } from '../hash-chain';
import { recordedHashAlgorithm } from './ledger-meta';
import { appendNotifierFor, type AppendNotifier } from './append-notifier';
import { openSqliteDatabase, type SqliteDatabase } from './open-sqlite-database';
import { PollingSubscription } from './polling-subscription';
import { deepFreeze } from '../deep-freeze';
import { knownTailsOf, type KnownTails } from './known-tails';
import { SharedPage } from './shared-page';
import { ensureEventLogSchema } from './sqlite-schema';

export interface SqliteEventStoreOptions {
  /** How often a live subscription looks for appends made by other processes. Default 250 ms. */
  pollIntervalMs?: number;
  /** Events a subscription reads per query while catching up. Default 500. */
  subscriptionPageSize?: number;
  /**
   * The hash of the chains for a store created now (default sha256; sm3 under the 国密 profile). A store
   * keeps the one recorded at its creation: asking another of an existing store is an error.
   */
  hashAlgorithm?: ChainHashAlgorithm;
}

/** A row of `COLUMNS`, read in raw mode (an array, not an object per row: a third less time on long reads). */
type EventRow = [position: bigint, eventId: string, streamId: string, revision: bigint, type: string, schemaVersion: bigint, data: string, metadata: string, hash: string, previousHash: string | null];

/** An append's rows as stored (the event as readStream would return it is parsed from one), with its result. */
interface StoredRows extends AppendResult {
  rows: EventRow[];
}

interface StreamTail {
  revision: bigint;
  hash: string;
}

interface StoredIdentity {
  stream_id: string;
  revision: bigint;
  type: string;
  position: bigint;
}

const COLUMNS = 'position, event_id, stream_id, revision, type, schema_version, data, metadata, hash, previous_hash';
const NO_LIMIT = -1; // SQLite: a negative LIMIT means no limit
const MAX_REVISION = 9223372036854775807n;

/** Thrown inside the write transaction to roll it back when a batch hits already-used event ids. */
class DuplicateEventIds extends Error {}

/**
 * The embedded event store: one SQLite file, one table, one IMMEDIATE transaction per append.
 *
 * IMMEDIATE takes the write lock when the transaction begins, so the expected-revision check, the hash
 * chain's read of the stream's last event and the insert see one consistent state, also against other
 * processes writing the same file.
 */
export class SqliteEventStore implements EventStore {
  readonly db: SqliteDatabase;
  readonly hashAlgorithm: ChainHashAlgorithm;
  private readonly ownsDb: boolean;
  private readonly notifier: AppendNotifier;
  private readonly pollIntervalMs: number;
  private readonly subscriptionPageSize: number;
  private readonly subscriptions = new Set<PollingSubscription>();
  private readonly sharedPage = new SharedPage((after) => this.readAllSync(after, this.subscriptionPageSize));
  private readonly stopRenewingPage: () => void;

  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly knownTails: KnownTails;
  private readonly appendTransaction: (streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision, reported: ExpectedRevision) => StoredRows;

  /** A file path (or ':memory:') to open and own, or an open database shared with other components. */
  constructor(source: string | SqliteDatabase, options: SqliteEventStoreOptions = {}) {
    this.ownsDb = typeof source === 'string';
    this.db = typeof source === 'string' ? openSqliteDatabase(source) : source;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.subscriptionPageSize = options.subscriptionPageSize ?? 500;
    ensureEventLogSchema(this.db);
    this.hashAlgorithm = recordedHashAlgorithm(this.db, options.hashAlgorithm);
    this.statements = prepareStatements(this.db);
    this.knownTails = knownTailsOf(this.db);
    this.notifier = appendNotifierFor(this.db);
    // Any append to the file in this process (through this store or another connection) renews the page.
    this.stopRenewingPage = this.notifier.listen(() => this.sharedPage.clear());
    this.appendTransaction = this.db.transaction(this.appendInTransaction.bind(this)).immediate;
  }

  async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const { nextExpectedRevision, position } = this.write(streamId, events, expected, false);
    return { nextExpectedRevision, position };
  }

  async appendRecorded(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<RecordedAppend> {
    return this.write(streamId, events, expected, true);
  }

  /** One append; with `recorded`, also the events as stored (their JSON parsed back), which `append` does not need. */
  private write(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision, recorded: boolean): RecordedAppend {
    assertAppendableBatch(streamId, events);
    let stored: StoredRows;
    try {
      stored = this.appendTransaction(streamId, events, normalizeExpected(expected), expected);
    } catch (error) {
      if (!(error instanceof DuplicateEventIds)) throw error;
      // Outside the rolled-back transaction: is this a retry of a batch that is already stored?
      return { ...this.resultOfStoredBatch(streamId, events), events: undefined };
    }
    // Every page of the file is renewed; this store's own subscriptions find what it has just written in
    // theirs: the very events handed back (frozen, as a page's are), so that a layer above may recognise
    // them when a subscription delivers them.
    this.notifier.notify();
    const { rows, nextExpectedRevision, position } = stored;
    const newest = rows[rows.length - 1];
    this.knownTails.set(streamId, { revision: newest[3], hash: newest[8] });
    this.knownTails.setHead(position);
    const live = this.subscriptions.size > 0;
    const written = recorded || live ? rows.map(toRecordedEvent) : undefined;
    if (live) this.sharedPage.seed(rows[0][0] - 1n, written!, this.subscriptionPageSize);
    return { nextExpectedRevision, position, events: recorded ? written : undefined };
  }

  private appendInTransaction(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
    reported: ExpectedRevision,
  ): StoredRows {
    // The write lock is held: what no other connection has changed since the check is still so.
    this.knownTails.check();
    const tail = this.knownTails.tail(streamId) ?? this.statements.streamTail.get(streamId);
    try {
      assertExpectedRevision(streamId, expected, tail?.revision, reported);
    } catch (wrongRevision) {
      // A retry with the original expected revision fails the check because its own first attempt
      // moved the stream on; if the batch is there, answer as the first attempt did.
      if (events.some((event) => this.statements.identityOf.get(event.id))) throw new DuplicateEventIds();
      throw wrongRevision;
    }

    let position = this.knownTails.head ?? this.statements.head.get() ?? 0n;
    let revision = tail ? tail.revision : -1n;
    let previousHash = tail ? tail.hash : null;
    const rows: EventRow[] = [];
    for (const event of events) {
      position += 1n;
      revision += 1n;
      const data = canonicalJson(event.data);
      const metadata = canonicalJson(event.metadata);
      const hash = hashCanonicalParts({ id: event.id, type: event.type, schemaVersion: event.schemaVersion, streamId, revision }, data, metadata, previousHash, this.hashAlgorithm);
      try {
        this.statements.insert.run(position, event.id, streamId, revision, event.type, event.schemaVersion, data, metadata, hash, previousHash);
      } catch (error) {
        if (isEventIdUniqueViolation(error)) throw new DuplicateEventIds();
        throw error;
      }
      rows.push([position, event.id, streamId, revision, event.type, BigInt(event.schemaVersion), data, metadata, hash, previousHash]);
      previousHash = hash;
    }
    return { nextExpectedRevision: revision, position, rows };
  }

  /**
   * Like KurrentDB: a batch whose ids are all stored, in this stream, at consecutive revisions and with the
   * same types, was written before; return what that write returned. Anything else is a conflict.
   */
  private resultOfStoredBatch(streamId: string, events: readonly EventToAppend[]): AppendResult {
    const stored = events.map((event) => this.statements.identityOf.get(event.id));
    const first = stored[0];
    const sameBatch =
      first !== undefined &&
      stored.every(
        (found, index) =>
          found !== undefined &&
          found.stream_id === streamId &&
          found.revision === first.revision + BigInt(index) &&
          found.type === events[index].type,
      );
    if (sameBatch) {
      const last = stored[stored.length - 1] as StoredIdentity;
      return { nextExpectedRevision: last.revision, position: last.position };
    }
    const used = events.filter((_, index) => stored[index] !== undefined).map((event) => event.id);
    const elsewhere = stored.find((found) => found !== undefined && found.stream_id !== streamId);
    throw new EventIdConflictError(
      streamId,
      used,
      elsewhere
        ? `already stored in stream ${elsewhere.stream_id}`
        : 'the batch is not stored as the same events at consecutive revisions of this stream',
    );
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.maxCount ?? NO_LIMIT;
    const rows =
      options.direction === 'backwards'
        ? this.statements.readBackwards.all(streamId, options.fromRevision ?? MAX_REVISION, limit)
        : this.statements.readForwards.all(streamId, options.fromRevision ?? 0n, limit);
    return rows.map(toRecordedEvent);
  }

  /**
   * Most often the anchor is the stream's last event, which this connection has just written or looked
   * at: while no other connection has written the file since (KnownTails), nothing is read. Else one
   * look at the stream's tail (its revision and hash, no event parsed) answers when nothing follows the
   * anchor; otherwise the anchor is checked where it stands and the events after it are read.
   */
  async readStreamAfter(streamId: string, anchor: StreamAnchor): Promise<RecordedEvent[] | undefined> {
    this.knownTails.check();
    const known = this.knownTails.tail(streamId);
    if (known !== undefined && known.revision <= anchor.revision) return known.revision === anchor.revision && known.hash === anchor.hash ? [] : undefined;
    const tail = this.statements.streamTail.get(streamId);
    if (tail !== undefined) this.knownTails.set(streamId, tail);
    if (tail === undefined || tail.revision < anchor.revision) return undefined;
    if (tail.revision === anchor.revision) return tail.hash === anchor.hash ? [] : undefined;
    if (this.statements.hashAt.get(streamId, anchor.revision) !== anchor.hash) return undefined;
    return this.statements.readForwards.all(streamId, anchor.revision + 1n, NO_LIMIT).map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { after = 0n, maxCount = NO_LIMIT, streamPrefix } = options;
    // The other streams' rows are passed over inside SQLite, never parsed.
    if (streamPrefix !== undefined) return this.statements.readAllOfPrefix.all(after, streamPrefix, streamPrefix, maxCount).map(toRecordedEvent);
    return this.readAllSync(after, maxCount);
  }

  async readStreamsWithPrefix(prefix: string, options: ReadStreamsWithPrefixOptions): Promise<RecordedEvent[]> {
    const { upTo, after, maxCount = NO_LIMIT } = options;
    return this.statements.readStreamsWithPrefix
      .all({
        fromStream: after?.streamId ?? prefix,
        fromRevision: after?.revision ?? -1n,
        end: prefixEnd(prefix),
        prefix,
        upTo,
        limit: maxCount,
      })
      .map(toRecordedEvent);
  }

  private readAllSync(after: bigint, limit: number): RecordedEvent[] {
    return this.statements.readAll.all(after, limit).map(toRecordedEvent);
  }

  private readAcceptedSync(after: bigint, accepts: (streamId: string) => boolean): { events: RecordedEvent[]; through: bigint } {
    const rows = this.statements.readAll.all(after, this.subscriptionPageSize);
    const events: RecordedEvent[] = [];
    for (const row of rows) if (accepts(row[2])) events.push(deepFreeze(toRecordedEvent(row)));
    return { events, through: rows.length > 0 ? rows[rows.length - 1][0] : after };
  }

  async headPosition(): Promise<bigint> {
    return this.statements.head.get() ?? 0n;
  }

  /**
   * With `streams`, a page of the log is read as rows and only the accepted streams' events are parsed
   * (for that subscription alone, not through the shared page): a relay shard skips the others' cheaply.
   */
  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    const accepts = options.streams;
    const subscription: PollingSubscription = new PollingSubscription({
      after: options.after ?? 0n,
      readPage: accepts ? (position) => this.readAcceptedSync(position, accepts) : (position) => pageThrough(position, this.sharedPage.after(position)),
      listen: (wake) => this.notifier.listen(wake),
      pollIntervalMs: this.pollIntervalMs,
      onEnd: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Ends this store's subscriptions; closes the database only if this store opened it. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.stopRenewingPage();
    if (this.ownsDb && this.db.open) this.db.close();
  }
}

function prepareStatements(db: SqliteDatabase) {
  // safeIntegers per statement rather than on the connection, which other components may share.
  return {
    streamTail: db
      .prepare<[string], StreamTail>('SELECT revision, hash FROM event_log WHERE stream_id = ? ORDER BY revision DESC LIMIT 1')
      .safeIntegers(true),
    head: db.prepare<[], bigint>('SELECT MAX(position) FROM event_log').pluck().safeIntegers(true),
    hashAt: db.prepare<[string, bigint], string>('SELECT hash FROM event_log WHERE stream_id = ? AND revision = ?').pluck(),
    insert: db.prepare<[bigint, string, string, bigint, string, number, string, string, string, string | null]>(
      `INSERT INTO event_log (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    identityOf: db
      .prepare<[string], StoredIdentity>('SELECT stream_id, revision, type, position FROM event_log WHERE event_id = ?')
      .safeIntegers(true),
    readForwards: db
      .prepare<[string, bigint, number], EventRow>(
        `SELECT ${COLUMNS} FROM event_log WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
      )
      .raw(true)
      .safeIntegers(true),
    readBackwards: db
      .prepare<[string, bigint, number], EventRow>(
        `SELECT ${COLUMNS} FROM event_log WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      )
      .raw(true)
      .safeIntegers(true),
    readAll: db
      .prepare<[bigint, number], EventRow>(`SELECT ${COLUMNS} FROM event_log WHERE position > ? ORDER BY position ASC LIMIT ?`)
      .raw(true)
      .safeIntegers(true),
    // Along the (stream_id, revision) index from the page's start to the first id past the prefix.
    readStreamsWithPrefix: db
      .prepare<[{ fromStream: string; fromRevision: bigint; end: string; prefix: string; upTo: bigint; limit: number }], EventRow>(
        `SELECT ${COLUMNS} FROM event_log
         WHERE (stream_id, revision) > (@fromStream, @fromRevision) AND stream_id < @end
           AND substr(stream_id, 1, length(@prefix)) = @prefix AND position <= @upTo
         ORDER BY stream_id, revision LIMIT @limit`,
      )
      .raw(true)
      .safeIntegers(true),
    // In position order along the table itself; substr and length both count characters.
    readAllOfPrefix: db
      .prepare<[bigint, string, string, number], EventRow>(
        `SELECT ${COLUMNS} FROM event_log WHERE position > ? AND substr(stream_id, 1, length(?)) = ? ORDER BY position ASC LIMIT ?`,
      )
      .raw(true)
      .safeIntegers(true),
  };
}

/**
 * The least string above every id that starts with `prefix` (SQLite compares text as UTF-8 bytes, which
 * orders as code points): the prefix with its last character the next one. An empty prefix, or one
 * ending at or past U+D7FF (never a kind's), gets U+10FFFF, a noncharacter no id begins with.
 */
function prefixEnd(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.length > 0 && last < 0xd7ff ? prefix.slice(0, -1) + String.fromCharCode(last + 1) : '\u{10FFFF}';
}

/** A page of every stream's events: it reaches its last event. */
function pageThrough(after: bigint, events: readonly RecordedEvent[]): { events: readonly RecordedEvent[]; through: bigint } {
  return { events, through: events.length > 0 ? events[events.length - 1].position : after };
}

function toRecordedEvent([position, id, streamId, revision, type, schemaVersion, data, metadata, hash, previousHash]: EventRow): RecordedEvent {
  return {
    id,
    type,
    schemaVersion: Number(schemaVersion),
    streamId,
    revision,
    position,
    data: JSON.parse(data) as Record<string, unknown>,
    metadata: JSON.parse(metadata) as EventMetadata,
    hash,
    previousHash,
  };
}

function isEventIdUniqueViolation(error: unknown): boolean {
  const sqliteError = error as { code?: unknown; message?: unknown };
  return (
    sqliteError.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    typeof sqliteError.message === 'string' &&
    sqliteError.message.includes('event_log.event_id')
  );
}
