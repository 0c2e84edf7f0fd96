import {
  BACKWARDS,
  END,
  excludeSystemEvents,
  FORWARDS,
  KurrentDBClient,
  START,
  StreamNotFoundError,
  streamNameFilter,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendStreamState,
  type EventData,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import {
  EventIdConflictError,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type Subscription,
} from '../event-store.port';
import { assertAppendableBatch, assertExpectedRevision, normalizeExpected } from '../expected-revision';
import { StoppableSubscription } from '../stoppable-subscription';
import {
  CHECKPOINT_STREAM_PREFIX,
  findStoredBatch,
  fromKurrentEvent,
  isLedgerRecord,
  positionOf,
  toKurrentEvent,
  toKurrentPosition,
} from './kurrentdb-mapping';

export interface KurrentDbEventStoreOptions {
  /**
   * How many of a stream's latest events append() reads to recognise a retried batch (at least the batch's
   * size). A retry is recognised only while its batch is among these; see append(). Default 32.
   */
  idempotencyWindow?: number;
  /** How often append() re-reads and retries after losing a race under 'any' / 'stream_exists'. Default 5. */
  raceRetries?: number;
  /** Events per server read when paging $all. Default 500. */
  readBatchSize?: number;
}

/**
 * The event store on a KurrentDB (EventStoreDB) server. See kurrentdb-mapping.ts for how positions and
 * the hash chain are represented there.
 */
export class KurrentDbEventStore implements EventStore {
  readonly client: KurrentDBClient;
  private readonly ownsClient: boolean;
  private readonly idempotencyWindow: number;
  private readonly raceRetries: number;
  private readonly readBatchSize: number;
  private readonly subscriptions = new Set<Subscription>();

  /** A connection string (esdb://… / kurrentdb://…) to connect and own, or a client shared with other code. */
  constructor(source: string | KurrentDBClient, options: KurrentDbEventStoreOptions = {}) {
    this.ownsClient = typeof source === 'string';
    this.client = typeof source === 'string' ? KurrentDBClient.connectionString(source) : source;
    this.idempotencyWindow = options.idempotencyWindow ?? 32;
    this.raceRetries = options.raceRetries ?? 5;
    this.readBatchSize = options.readBatchSize ?? 500;
  }

  /**
   * The previous hash has to be known before writing, so every append first reads the stream's tail and
   * then appends with the exact revision it read; the server's own check then guarantees nobody wrote in
   * between. Under 'any' / 'stream_exists' a lost race is retried on a fresh read; under 'no_stream' or an
   * exact revision the re-read reports the conflict.
   *
   * Retries: KurrentDB recognises a retried batch by its event ids only when it is appended with the same
   * expected revision as the first time. Turning 'any' into "the revision just read" would defeat that, so
   * the tail read also looks for the batch's ids and, when the batch is there as written, returns its
   * original result without writing. When an exact revision (or 'no_stream') has been overtaken, the batch
   * may be a retry older than the tail window: the append is then sent with the caller's own expectation,
   * chained to the event at that revision, and the server either recognises the ids or refuses it. Only a
   * retry under 'any' / 'stream_exists' that comes after more than `idempotencyWindow` later events goes
   * unrecognised (KurrentDB itself only promises best effort there).
   */
  async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    assertAppendableBatch(streamId, events);
    if (!events.every((event) => isLedgerRecord(streamId, event.type))) {
      throw new RangeError(`Stream ${streamId}: '$'-prefixed names and '${CHECKPOINT_STREAM_PREFIX}' streams are reserved`);
    }
    const normalized = normalizeExpected(expected);
    for (let attempt = 0; ; attempt += 1) {
      const tail = await this.readStream(streamId, {
        direction: 'backwards',
        maxCount: Math.max(events.length, this.idempotencyWindow),
      });
      const stored = findStoredBatch(tail, events);
      if (stored.kind === 'stored') return { nextExpectedRevision: stored.last.revision, position: stored.last.position };
      if (stored.kind === 'conflict') {
        throw new EventIdConflictError(streamId, stored.eventIds, 'the batch is not stored as the same events at consecutive revisions of this stream');
      }

      const current = tail[0]?.revision;
      let base: RecordedEvent | undefined = tail[0];
      let streamState: AppendStreamState = current ?? 'no_stream';
      const overtaken = current !== undefined && (normalized === 'no_stream' || (typeof normalized === 'bigint' && current > normalized));
      if (overtaken) {
        base = typeof normalized === 'bigint' ? await this.eventAt(streamId, normalized) : undefined;
        streamState = normalized as 'no_stream' | bigint;
      } else {
        assertExpectedRevision(streamId, normalized, current, expected);
      }

      try {
        const result = await this.client.appendToStream(streamId, this.chain(streamId, events, base), { streamState });
        // One event: the write's position is that event's. Otherwise (or if the server's answer is not a
        // plain position) read the last event back; see positionOfRevision.
        const single = events.length === 1 ? result.position : undefined;
        const position =
          single && single.commit === single.prepare ? single.commit : await this.positionOfRevision(streamId, result.nextExpectedRevision);
        return { nextExpectedRevision: result.nextExpectedRevision, position };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        const mayRetry = !overtaken && (normalized === 'any' || normalized === 'stream_exists') && attempt < this.raceRetries;
        // Under 'no_stream' / an exact revision, one more read turns a lost race into the right error, or
        // recognises a concurrent retry of this very batch.
        const mayReread = !overtaken && attempt === 0;
        if (!mayRetry && !mayReread) throw new WrongExpectedRevisionError(streamId, expected, error.actualState);
      }
    }
  }

  private async eventAt(streamId: string, revision: bigint): Promise<RecordedEvent> {
    const [event] = await this.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    if (!event || event.revision !== revision) throw new Error(`Stream ${streamId}: revision ${revision} not found`);
    return event;
  }

  private chain(streamId: string, events: readonly EventToAppend[], last: RecordedEvent | undefined): EventData[] {
    let revision = last ? last.revision : -1n;
    let previousHash = last ? last.hash : null;
    return events.map((event) => {
      revision += 1n;
      const { eventData, hash } = toKurrentEvent(event, streamId, revision, previousHash);
      previousHash = hash;
      return eventData;
    });
  }

  /**
   * The append result carries one position for the whole write; for a batch it is not documented to be the
   * last event's, and an idempotent write carries none, so the last event is read back.
   */
  private async positionOfRevision(streamId: string, revision: bigint): Promise<bigint> {
    return (await this.eventAt(streamId, revision)).position;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.maxCount !== undefined && options.maxCount <= 0) return [];
    const backwards = options.direction === 'backwards';
    const events: RecordedEvent[] = [];
    try {
      const reader = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision ?? (backwards ? END : START),
        ...(options.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
      });
      for await (const resolved of reader) {
        if (resolved.event) events.push(fromKurrentEvent(resolved.event, positionOf(resolved.event, false)));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /**
   * The server filters out system events; checkpoint streams are dropped here, so a server page can shrink
   * and we keep reading until the page is full or $all is exhausted.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const wanted = options.maxCount ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    let seen = options.after ?? 0n;
    // A prefix of ledger streams never names a system stream ($…), so that filter alone suffices.
    const filter = options.streamPrefix ? streamNameFilter({ prefixes: [options.streamPrefix] }) : excludeSystemEvents();
    while (events.length < wanted) {
      // +1: the read starts at `seen` inclusive and that event is dropped again.
      const batchSize = Number.isFinite(wanted) ? Math.min(wanted - events.length + 1, this.readBatchSize) : this.readBatchSize;
      const from: ReadPosition = seen > 0n ? toKurrentPosition(seen) : START;
      let received = 0;
      for await (const resolved of this.client.readAll({ direction: FORWARDS, fromPosition: from, maxCount: batchSize, filter })) {
        received += 1;
        const event = this.ledgerEventAfter(resolved, seen);
        if (event === 'skip') continue;
        seen = event.position;
        if (event.event) events.push(event.event);
        if (events.length >= wanted) break;
      }
      if (received < batchSize) break;
    }
    return events;
  }

  /** Drops what is at or before `seen` (inclusive server reads) and what is not part of the ledger. */
  private ledgerEventAfter(
    resolved: AllStreamResolvedEvent,
    seen: bigint,
  ): 'skip' | { position: bigint; event: RecordedEvent | undefined } {
    const recorded = resolved.event;
    if (!recorded) return 'skip';
    const position = positionOf(recorded, true);
    if (position <= seen) return 'skip';
    return {
      position,
      event: isLedgerRecord(recorded.streamId, recorded.type) ? fromKurrentEvent(recorded, position) : undefined,
    };
  }

  async headPosition(): Promise<bigint> {
    let before: bigint | undefined;
    for (;;) {
      let received = 0;
      const from: ReadPosition = before === undefined ? END : toKurrentPosition(before);
      for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: this.readBatchSize, filter: excludeSystemEvents() })) {
        received += 1;
        const recorded = resolved.event;
        if (!recorded) continue;
        const position = positionOf(recorded, true);
        if (before !== undefined && position >= before) continue;
        if (isLedgerRecord(recorded.streamId, recorded.type)) return position;
        before = position;
      }
      if (received < this.readBatchSize) return 0n;
    }
  }

  /**
   * `streams` is not honoured: the server filters by prefix or regular expression, not by an arbitrary
   * test, so every event is delivered and the consumer checks each (the port allows it).
   */
  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    const after = options.after ?? 0n;
    const source = this.client.subscribeToAll({
      fromPosition: after > 0n ? toKurrentPosition(after) : START,
      filter: excludeSystemEvents(),
    });
    const ledgerEventAfter = this.ledgerEventAfter.bind(this);
    async function* ledgerEvents(): AsyncGenerator<RecordedEvent> {
      let seen = after;
      for await (const resolved of source) {
        const event = ledgerEventAfter(resolved, seen);
        if (event === 'skip') continue;
        seen = event.position;
        if (event.event) yield event.event;
      }
    }
    const subscription = new StoppableSubscription(ledgerEvents(), async () => {
      this.subscriptions.delete(subscription);
      await source.unsubscribe();
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Ends this store's subscriptions; disposes of the client only if this store created it. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    if (this.ownsClient) await this.client.dispose();
  }
}
