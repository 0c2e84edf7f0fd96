import { randomUUID } from 'node:crypto';
import type {
  AppendResult,
  CheckpointStore,
  EventStore,
  EventToAppend,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
} from '@sme/event-store';

/**
 * A minimal event log in memory for the relay's unit tests: appends without revision checks,
 * positions 1, 2, 3, …, and catch-up-then-live subscriptions.
 */
export class InMemoryLog implements EventStore {
  readonly events: RecordedEvent[] = [];
  private readonly listeners = new Set<() => void>();

  /** Appends `count` events of a type to a stream, recorded now. */
  add(streamId: string, type: string, count = 1): RecordedEvent[] {
    const added: RecordedEvent[] = [];
    for (let i = 0; i < count; i++) {
      const revision = BigInt(this.events.filter((e) => e.streamId === streamId).length);
      const now = new Date().toISOString();
      const event: RecordedEvent = {
        id: randomUUID(),
        type,
        schemaVersion: 1,
        streamId,
        revision,
        position: BigInt(this.events.length + 1),
        data: { n: this.events.length + 1 },
        metadata: {
          occurredAt: now,
          recordedAt: now,
          actor: { id: 'tester', role: 'ADMIN', orgId: 'org', regionCode: '440100' },
          correlationId: 'corr',
          causationId: null,
        },
        hash: 'h',
        previousHash: null,
      };
      this.events.push(event);
      added.push(event);
    }
    for (const listener of this.listeners) listener();
    return added;
  }

  async append(streamId: string, events: readonly EventToAppend[]): Promise<AppendResult> {
    for (const event of events) this.add(streamId, event.type);
    const last = this.events[this.events.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  async readStream(streamId: string, _options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.events.filter((e) => e.streamId === streamId);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? 0n;
    const prefix = options.streamPrefix ?? '';
    return this.events.filter((e) => e.position > after && e.streamId.startsWith(prefix)).slice(0, options.maxCount ?? Infinity);
  }

  async headPosition(): Promise<bigint> {
    return BigInt(this.events.length);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    const log = this;
    let position = options.after ?? 0n;
    let stopped = false;
    let wake: () => void = () => undefined;
    const listener = () => wake();
    this.listeners.add(listener);
    async function* run(): AsyncGenerator<RecordedEvent> {
      try {
        while (!stopped) {
          const next = log.events[Number(position)];
          if (next) {
            position = next.position;
            yield next;
            continue;
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
      } finally {
        log.listeners.delete(listener);
      }
    }
    const iterator = run();
    return {
      [Symbol.asyncIterator]: () => iterator,
      async stop() {
        stopped = true;
        wake();
        log.listeners.delete(listener);
      },
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}

/** Checkpoints in a map, with every stored value kept for assertions. */
export class MemoryCheckpoints implements CheckpointStore {
  readonly stored: { name: string; position: bigint }[] = [];
  private readonly current = new Map<string, bigint>();

  async load(name: string): Promise<bigint | undefined> {
    return this.current.get(name);
  }

  async store(name: string, position: bigint): Promise<void> {
    this.current.set(name, position);
    this.stored.push({ name, position });
  }
}
