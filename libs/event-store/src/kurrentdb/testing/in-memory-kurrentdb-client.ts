import { randomUUID } from 'node:crypto';
import {
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendResult,
  type AppendStreamState,
  type EventData,
  type Filter,
  type KurrentDBClient,
  type Position,
  type ReadPosition,
  type ReadRevision,
} from '@kurrent/kurrentdb-client';

/**
 * A stand-in for the part of KurrentDBClient the adapter uses, so the adapter's own logic (tail reads,
 * retries, idempotency, filtering, position handling) runs in the contract suite without a server.
 *
 * It models the server as the adapter's documentation describes it, choosing the less convenient option
 * where the adapter must not rely on details: positions are sparse byte offsets; reads and subscriptions
 * from a position include the event at that position; a batch append reports the position of its first
 * event, and an idempotent append reports none; system events ($-types, $-streams) are interleaved in $all;
 * every call yields to the event loop first, so concurrent calls interleave. It proves nothing about a
 * real server: that is what the EVENTSTORE_URL run is for.
 */
interface StoredRecord {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  data: unknown;
  metadata: unknown;
  isJson: true;
  created: Date;
  position: Position;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export class InMemoryKurrentDbClient {
  private readonly log: StoredRecord[] = [];
  private readonly subscribers = new Set<InMemorySubscription>();
  private nextPosition = 1_000n;

  constructor() {
    this.write('$epoch-information', '$epoch', {});
  }

  /** Typed as the real client for the adapter's constructor; only the methods below exist. */
  asClient(): KurrentDBClient {
    return this as unknown as KurrentDBClient;
  }

  async appendToStream(streamName: string, events: EventData | EventData[], options: { streamState?: AppendStreamState } = {}): Promise<AppendResult> {
    await tick();
    const batch = Array.isArray(events) ? events : [events];
    const expected = options.streamState ?? 'any';
    const stream = this.streamOf(streamName);
    const current = stream.length > 0 ? stream[stream.length - 1].revision : undefined;

    // The server's idempotency: the same ids at the revisions this expected state would have written.
    const firstRevision = expected === 'no_stream' ? 0n : typeof expected === 'bigint' ? expected + 1n : undefined;
    if (firstRevision !== undefined && current !== undefined && current >= firstRevision) {
      const there = batch.map((event, index) => stream.find((record) => record.revision === firstRevision + BigInt(index))?.id === event.id);
      if (there.every(Boolean)) {
        return { success: true, nextExpectedRevision: firstRevision + BigInt(batch.length) - 1n, position: undefined };
      }
    }
    const satisfied =
      expected === 'any' ||
      (expected === 'no_stream' && current === undefined) ||
      (expected === 'stream_exists' && current !== undefined) ||
      (typeof expected === 'bigint' && current === expected);
    if (!satisfied) {
      throw new WrongExpectedVersionError(undefined, { streamName, expected, current: current ?? 'no_stream' });
    }
    const written = batch.map((event) => this.write(streamName, event.type, event.data, event.metadata, event.id));
    this.write('$stats-127.0.0.1:2113', '$statsCollected', { load: 0.1 }); // system noise between our events
    return { success: true, nextExpectedRevision: written[written.length - 1].revision, position: written[0].position };
  }

  async setStreamMetadata(streamName: string, metadata: Record<string, unknown>): Promise<AppendResult> {
    await tick();
    const record = this.write(`$$${streamName}`, '$metadata', metadata);
    return { success: true, nextExpectedRevision: record.revision, position: record.position };
  }

  readStream(
    streamName: string,
    options: { direction?: 'forwards' | 'backwards'; fromRevision?: ReadRevision; maxCount?: number | bigint } = {},
  ): AsyncIterableIterator<{ event: StoredRecord }> {
    const self = this;
    return (async function* () {
      await tick();
      const stream = self.streamOf(streamName);
      if (stream.length === 0) throw new StreamNotFoundError(undefined, streamName);
      const backwards = options.direction === 'backwards';
      const from = options.fromRevision ?? (backwards ? 'end' : 'start');
      let selected = backwards
        ? [...stream].reverse().filter((record) => from === 'end' || from === 'start' || record.revision <= from)
        : stream.filter((record) => from === 'start' || from === 'end' || record.revision >= from);
      if (from === 'end' && !backwards) selected = [];
      for (const record of selected.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER))) yield { event: { ...record } };
    })();
  }

  readAll(
    options: { direction?: 'forwards' | 'backwards'; fromPosition?: ReadPosition; maxCount?: number | bigint; filter?: Filter } = {},
  ): AsyncIterableIterator<AllStreamResolvedEvent> {
    const self = this;
    return (async function* () {
      await tick();
      const from = options.fromPosition ?? (options.direction === 'backwards' ? 'end' : 'start');
      const matching = self.log.filter((record) => passes(options.filter, record));
      const selected =
        options.direction === 'backwards'
          ? [...matching].reverse().filter((record) => from === 'end' || (from !== 'start' && record.position.commit <= from.commit))
          : matching.filter((record) => from === 'start' || (from !== 'end' && record.position.commit >= from.commit));
      for (const record of selected.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER))) {
        yield { event: { ...record }, commitPosition: record.position.commit } as unknown as AllStreamResolvedEvent;
      }
    })();
  }

  subscribeToAll(options: { fromPosition?: ReadPosition; filter?: Filter } = {}): InMemorySubscription {
    const from = options.fromPosition ?? 'start';
    const subscription = new InMemorySubscription(options.filter, () => this.subscribers.delete(subscription));
    for (const record of this.log) {
      if (from === 'start' || (from !== 'end' && record.position.commit >= from.commit)) subscription.offer(record);
    }
    this.subscribers.add(subscription);
    return subscription;
  }

  async dispose(): Promise<void> {
    for (const subscription of [...this.subscribers]) await subscription.unsubscribe();
  }

  /** Stores an event as the adapter cannot: directly, e.g. one with commit != prepare. */
  write(streamId: string, type: string, data: unknown, metadata?: unknown, id: string = randomUUID(), prepareOffset = 0n): StoredRecord {
    const stream = this.streamOf(streamId);
    const json = JSON.stringify(data);
    const commit = this.nextPosition;
    const record: StoredRecord = {
      streamId,
      id,
      type,
      revision: stream.length > 0 ? stream[stream.length - 1].revision + 1n : 0n,
      data: JSON.parse(json) as unknown,
      metadata: metadata === undefined ? undefined : (JSON.parse(JSON.stringify(metadata)) as unknown),
      isJson: true,
      created: new Date(),
      position: { commit, prepare: commit + prepareOffset },
    };
    this.nextPosition += 100n + BigInt(json.length);
    this.log.push(record);
    for (const subscription of this.subscribers) subscription.offer(record);
    return record;
  }

  private streamOf(streamId: string): StoredRecord[] {
    return this.log.filter((record) => record.streamId === streamId);
  }
}

function passes(filter: Filter | undefined, record: StoredRecord): boolean {
  if (!filter) return true;
  const subject = filter.filterOn === 'eventType' ? record.type : record.streamId;
  return 'regex' in filter ? new RegExp(filter.regex).test(subject) : filter.prefixes.some((prefix) => subject.startsWith(prefix));
}

class InMemorySubscription {
  private readonly queue: StoredRecord[] = [];
  private waiting: ((result: IteratorResult<AllStreamResolvedEvent>) => void) | undefined;
  private ended = false;

  constructor(
    private readonly filter: Filter | undefined,
    private readonly onEnd: () => void,
  ) {}

  offer(record: StoredRecord): void {
    if (this.ended || !passes(this.filter, record)) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ done: false, value: { event: { ...record } } as unknown as AllStreamResolvedEvent });
    } else {
      this.queue.push(record);
    }
  }

  async unsubscribe(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.onEnd();
    this.waiting?.({ done: true, value: undefined });
    this.waiting = undefined;
  }

  [Symbol.asyncIterator](): AsyncIterator<AllStreamResolvedEvent> {
    return {
      next: async () => {
        await tick();
        const record = this.queue.shift();
        if (record) return { done: false, value: { event: { ...record } } as unknown as AllStreamResolvedEvent };
        if (this.ended) return { done: true, value: undefined };
        return new Promise((resolve) => {
          this.waiting = resolve;
        });
      },
      return: async () => {
        await this.unsubscribe();
        return { done: true, value: undefined };
      },
    };
  }
}
