import { randomUUID } from 'node:crypto';
import { DomainError } from '@sme/domain/shared/domain-error';
import { testMetadata } from './contract/contract-helpers';
import {
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
} from './event-store.port';
import { handleCommand, type HandleCommandOptions } from './handle-command';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { InMemorySnapshotStore, type SnapshotPolicy } from './snapshots/snapshot-store';
import { counterDecider, increment, testActor, type CounterCommand, type CounterEvent, type CounterState } from './testing/counter-decider';

/** Delegates to a real store; `beforeAppend` plays another writer slipping in between read and append. */
class InterleavingStore implements EventStore {
  appendCalls = 0;
  readCalls = 0;
  beforeAppend: (() => Promise<void>) | undefined;

  constructor(private readonly inner: EventStore) {}

  async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    this.appendCalls += 1;
    await this.beforeAppend?.();
    return this.inner.append(streamId, events, expected);
  }
  readStream: EventStore['readStream'] = (...args) => {
    this.readCalls += 1;
    return this.inner.readStream(...args);
  };
  readAll: EventStore['readAll'] = (...args) => this.inner.readAll(...args);
  headPosition: EventStore['headPosition'] = () => this.inner.headPosition();
  subscribeToAll: EventStore['subscribeToAll'] = (...args) => this.inner.subscribeToAll(...args);
  close: EventStore['close'] = () => this.inner.close();
}

function toEventToAppend(command: CounterCommand) {
  return (event: CounterEvent): EventToAppend => ({
    id: randomUUID(),
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: testMetadata({ occurredAt: command.metadata.now.toISOString() }),
  });
}

/** The snapshots of the variant under test: none, or one after every event (each command then folds from one). */
let snapshots: SnapshotPolicy | undefined;

function options(
  streamId: string,
  command: CounterCommand,
  extra: Partial<HandleCommandOptions<CounterCommand, CounterState, CounterEvent>> = {},
): HandleCommandOptions<CounterCommand, CounterState, CounterEvent> {
  return { streamId, decider: counterDecider, command, toEventToAppend: toEventToAppend(command), ...(snapshots ? { snapshots } : {}), ...extra };
}

// Every behaviour holds the same whether the stream is folded whole or from its snapshot.
describe.each([
  ['folding the whole stream', () => undefined],
  ['folding from a snapshot kept after every event', () => ({ store: new InMemorySnapshotStore(), version: 'v1', every: 1 })],
])('handleCommand, %s', (_variant, policy: () => SnapshotPolicy | undefined) => {
  let sqlite: SqliteEventStore;
  let store: InterleavingStore;

  beforeEach(() => {
    sqlite = new SqliteEventStore(':memory:');
    store = new InterleavingStore(sqlite);
    snapshots = policy();
  });

  afterEach(() => store.close());

  it('creates the stream and returns the state after, the stored events, revision and position', async () => {
    const result = await handleCommand(store, options('counter-1', increment(2)));
    expect(result.state).toEqual({ value: 2, increments: 1 });
    expect(result.nextExpectedRevision).toBe(0n);
    expect(result.position).toBe(1n);
    expect(result.events).toEqual(await sqlite.readStream('counter-1'));
    expect(result.events[0]).toMatchObject({ type: 'Incremented', data: { by: 2 }, revision: 0n, previousHash: null });
  });

  it('folds the existing history before deciding, and appends after it', async () => {
    await handleCommand(store, options('counter-1', increment(2)));
    const result = await handleCommand(store, options('counter-1', { type: 'IncrementTwice', data: { by: 3 }, metadata: { now: new Date(), actor: testActor } }));
    expect(result.state).toEqual({ value: 8, increments: 3 });
    expect(result.events.map((event) => event.revision)).toEqual([1n, 2n]);
    expect(result.nextExpectedRevision).toBe(2n);
    expect(result.position).toBe(3n);
  });

  it('appends nothing when the decider decides nothing', async () => {
    const touch: CounterCommand = { type: 'Touch', data: {}, metadata: { now: new Date(), actor: testActor } };
    expect(await handleCommand(store, options('counter-1', touch))).toEqual({
      state: { value: 0, increments: 0 },
      events: [],
      nextExpectedRevision: -1n,
      position: null,
    });
    expect(store.appendCalls).toBe(0);

    await handleCommand(store, options('counter-1', increment(1)));
    expect(await handleCommand(store, options('counter-1', touch))).toMatchObject({ events: [], nextExpectedRevision: 0n, position: null });
    expect(await sqlite.headPosition()).toBe(1n);
  });

  it('lets domain errors from decide through, appending nothing', async () => {
    await expect(handleCommand(store, options('counter-1', increment(0)))).rejects.toMatchObject({ code: 'BY_NOT_POSITIVE' });
    expect(await sqlite.headPosition()).toBe(0n);
  });

  describe('with the client\'s expected revision (If-Match)', () => {
    it('refuses a stale revision without calling decide', async () => {
      await handleCommand(store, options('counter-1', increment(1)));
      await handleCommand(store, options('counter-1', increment(1)));
      const decide = jest.spyOn(counterDecider, 'decide');
      try {
        const attempt = handleCommand(store, options('counter-1', increment(5), { expectedRevision: 0n }));
        await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(attempt).rejects.toMatchObject({ streamId: 'counter-1', expected: 0n, actual: 1n });
        expect(decide).not.toHaveBeenCalled();
      } finally {
        decide.mockRestore();
      }
      expect(await sqlite.readStream('counter-1')).toHaveLength(2);
    });

    it('reports no_stream when the client expects a revision of a stream that does not exist', async () => {
      await expect(handleCommand(store, options('counter-1', increment(1), { expectedRevision: 0n }))).rejects.toMatchObject({
        actual: 'no_stream',
      });
    });

    it('accepts the current revision, and -1n for a stream that does not exist yet', async () => {
      expect((await handleCommand(store, options('counter-1', increment(1), { expectedRevision: -1n }))).nextExpectedRevision).toBe(0n);
      expect((await handleCommand(store, options('counter-1', increment(1), { expectedRevision: 0n }))).nextExpectedRevision).toBe(1n);
    });

    it('does not retry when another writer slips in: the client decided on what it saw', async () => {
      await handleCommand(store, options('counter-1', increment(1)));
      store.beforeAppend = async () => {
        store.beforeAppend = undefined;
        await sqlite.append('counter-1', [toEventToAppend(increment(10))({ type: 'Incremented', data: { by: 10 } })], 'any');
      };
      store.appendCalls = 0;
      await expect(handleCommand(store, options('counter-1', increment(5), { expectedRevision: 0n }))).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      expect(store.appendCalls).toBe(1);
    });
  });

  describe('without an expected revision', () => {
    it('re-reads and decides again when another writer slips in between read and append', async () => {
      await handleCommand(store, options('counter-1', increment(1)));
      store.beforeAppend = async () => {
        store.beforeAppend = undefined;
        await sqlite.append('counter-1', [toEventToAppend(increment(10))({ type: 'Incremented', data: { by: 10 } })], 'any');
      };
      const decide = jest.spyOn(counterDecider, 'decide');
      try {
        const result = await handleCommand(store, options('counter-1', increment(5)));
        expect(decide).toHaveBeenCalledTimes(2);
        expect(decide.mock.calls[1][1]).toEqual({ value: 11, increments: 2 }); // decided again on fresh state
        expect(result.state).toEqual({ value: 16, increments: 3 });
        expect(result.nextExpectedRevision).toBe(2n);
        expect(result.events).toHaveLength(1);
      } finally {
        decide.mockRestore();
      }
    });

    it('gives up after 3 retries and reports the conflict', async () => {
      store.beforeAppend = () =>
        sqlite.append('counter-1', [toEventToAppend(increment(10))({ type: 'Incremented', data: { by: 10 } })], 'any').then(() => undefined);
      await expect(handleCommand(store, options('counter-1', increment(5)))).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(store.appendCalls).toBe(4);
      expect(
        (await sqlite.readStream('counter-1')).every((event) => (event.data as { by: number }).by === 10),
      ).toBe(true);
    });

    it('commands on one stream in one process take turns: fifty at once, none retried, every one written', async () => {
      store.beforeAppend = () => new Promise((resolve) => setImmediate(resolve)); // every append yields to the others
      const results = await Promise.all(Array.from({ length: 50 }, () => handleCommand(store, options('counter-1', increment(1), { maxRetries: 0 }))));
      expect(results.map((r) => r.nextExpectedRevision).sort((a, b) => Number(a - b))).toEqual(Array.from({ length: 50 }, (_, n) => BigInt(n)));
      expect(store.appendCalls).toBe(50);
      // Other streams do not wait on this one's turn, and a failed turn does not stop the next.
      await expect(handleCommand(store, options('counter-2', increment(-1)))).rejects.toBeInstanceOf(DomainError);
      expect((await handleCommand(store, options('counter-2', increment(1)))).state).toEqual({ value: 1, increments: 1 });
    });

    it('honours maxRetries', async () => {
      store.beforeAppend = () =>
        sqlite.append('counter-1', [toEventToAppend(increment(10))({ type: 'Incremented', data: { by: 10 } })], 'any').then(() => undefined);
      await expect(handleCommand(store, options('counter-1', increment(5), { maxRetries: 0 }))).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      expect(store.appendCalls).toBe(1);
    });
  });

  describe('on a new stream (an id just drawn at random)', () => {
    const existing = async (streamId: string) => {
      await sqlite.append(streamId, [toEventToAppend(increment(10))({ type: 'Incremented', data: { by: 10 } })], 'no_stream');
      return (await sqlite.readStream(streamId))[0];
    };

    it('decides on the initial state without reading anything, and creates the stream', async () => {
      const load = snapshots ? jest.spyOn(snapshots.store, 'load') : undefined;
      let readsBeforeAppend: number | undefined;
      store.beforeAppend = async () => void (readsBeforeAppend = store.readCalls);
      const result = await handleCommand(store, options('counter-new', increment(2), { newStream: true }));
      expect(readsBeforeAppend).toBe(0); // (this test store has no appendRecorded, so the events written are read back after)
      expect(load?.mock.calls ?? []).toHaveLength(0);
      expect(result).toMatchObject({ state: { value: 2, increments: 1 }, nextExpectedRevision: 0n, position: 1n });
      expect(result.events).toEqual(await sqlite.readStream('counter-new'));
    });

    it('reads the stream and decides again when it exists after all', async () => {
      await existing('counter-taken');
      const result = await handleCommand(store, options('counter-taken', increment(5), { newStream: true }));
      expect(store.appendCalls).toBe(2); // refused expecting no stream, then appended after what was read
      expect(result).toMatchObject({ state: { value: 15, increments: 2 }, nextExpectedRevision: 1n });
    });

    it('reads the stream anyway when the client gave the revision it saw, or for a correction', async () => {
      await existing('counter-seen');
      const seen = await handleCommand(store, options('counter-seen', increment(5), { newStream: true, expectedRevision: 0n }));
      expect(store.appendCalls).toBe(1);
      expect(seen).toMatchObject({ state: { value: 15, increments: 2 }, nextExpectedRevision: 1n });

      const first = await existing('counter-corrected');
      const corrected = await handleCommand(store, options('counter-corrected', increment(5), { newStream: true, correction: { eventId: first.id, reason: '原登记数字有误' } }));
      expect(store.appendCalls).toBe(2);
      expect(corrected).toMatchObject({ state: { value: 15, increments: 2 }, nextExpectedRevision: 1n });
    });
  });

  it('returns the first attempt\'s result when a command is retried with the same event ids', async () => {
    const fixedIds = (command: CounterCommand) => (event: CounterEvent, index: number): EventToAppend => ({
      ...toEventToAppend(command)(event),
      id: `00000000-0000-4000-8000-00000000000${index}`,
    });
    await handleCommand(store, options('counter-1', increment(1)));
    const command = increment(2);
    const first = await handleCommand(store, options('counter-1', command, { toEventToAppend: fixedIds(command) }));
    const retried = await handleCommand(store, options('counter-1', command, { toEventToAppend: fixedIds(command) }));
    expect(retried).toEqual(first);
    expect(await sqlite.readStream('counter-1')).toHaveLength(2);
  });

  describe('business time (occurredAt)', () => {
    const at = (iso: string) => new Date(iso);

    it('refuses a business time earlier than the stream\'s last event', async () => {
      await handleCommand(store, options('counter-1', increment(1, at('2025-03-01T08:00:00.000Z'))));
      const earlier = increment(1, at('2025-03-01T07:59:59.999Z'));
      const attempt = handleCommand(store, options('counter-1', earlier, { businessTime: earlier.metadata.now }));
      await expect(attempt).rejects.toBeInstanceOf(DomainError);
      await expect(attempt).rejects.toMatchObject({ code: 'OCCURRED_AT_BEFORE_PREVIOUS', kind: 'CONFLICT', field: 'occurredAt' });
      const error = (await attempt.catch((caught: unknown) => caught)) as DomainError;
      // Both times as China's clock reads them.
      expect(error.messageZh).toContain('2025-03-01T16:00:00+08:00');
      expect(error.messageEn).toContain('2025-03-01T15:59:59.999+08:00');
      expect(await sqlite.readStream('counter-1')).toHaveLength(1);
    });

    it('accepts the same or a later business time, and any time on a new stream', async () => {
      const first = increment(1, at('2025-03-01T08:00:00.000Z'));
      await handleCommand(store, options('counter-1', first, { businessTime: first.metadata.now }));
      const same = increment(1, at('2025-03-01T16:00:00+08:00')); // the same instant, written with an offset
      await handleCommand(store, options('counter-1', same, { businessTime: same.metadata.now }));
      const later = increment(1, at('2025-03-02T00:00:00.000Z'));
      expect((await handleCommand(store, options('counter-1', later, { businessTime: later.metadata.now }))).nextExpectedRevision).toBe(2n);
    });

    describe('back-dating (补录)', () => {
      const DAY = 86_400_000;
      const backdated = async (when: string, backdating: { windowMs: number; reason?: string }) => {
        const command = increment(1, at(when));
        return handleCommand(store, options('counter-1', command, { businessTime: command.metadata.now, backdating }));
      };
      beforeEach(async () => {
        await handleCommand(store, options('counter-1', increment(1, at('2025-03-01T08:00:00.000Z'))));
        await handleCommand(store, options('counter-1', increment(1, at('2025-03-20T08:00:00.000Z'))));
      });

      it('takes an act dated before the previous one, inside the window, with a reason', async () => {
        expect((await backdated('2025-03-10T08:00:00.000Z', { windowMs: 30 * DAY, reason: '纸质记录补录' })).nextExpectedRevision).toBe(2n);
      });

      it('refuses it without a reason, beyond the window, before the record began, or with no window at all', async () => {
        await expect(backdated('2025-03-10T08:00:00.000Z', { windowMs: 30 * DAY })).rejects.toMatchObject({ code: 'BACKDATING_REASON_REQUIRED', field: 'backdatingReason' });
        await expect(backdated('2025-03-10T08:00:00.000Z', { windowMs: 30 * DAY, reason: ' ' })).rejects.toMatchObject({ code: 'BACKDATING_REASON_REQUIRED' });
        await expect(backdated('2025-02-10T08:00:00.000Z', { windowMs: 30 * DAY, reason: '补录' })).rejects.toMatchObject({ code: 'BACKDATING_BEYOND_WINDOW', field: 'occurredAt' });
        await expect(backdated('2025-02-27T08:00:00.000Z', { windowMs: 30 * DAY, reason: '补录' })).rejects.toMatchObject({ code: 'BACKDATING_BEFORE_RECORD', field: 'occurredAt' });
        await expect(backdated('2025-03-10T08:00:00.000Z', { windowMs: 0, reason: '补录' })).rejects.toMatchObject({ code: 'OCCURRED_AT_BEFORE_PREVIOUS' });
        expect(await sqlite.readStream('counter-1')).toHaveLength(2);
      });
    });

    describe('corrections (更正)', () => {
      const DAY = 86_400_000;
      beforeEach(async () => {
        await handleCommand(store, options('counter-1', increment(1, at('2025-01-01T08:00:00.000Z'))));
        await handleCommand(store, options('counter-1', increment(1, at('2025-06-01T08:00:00.000Z'))));
      });
      const correct = async (eventId: string, reason?: string) => {
        const command = increment(1, at('2025-06-02T08:00:00.000Z'));
        const appended: string[] = [];
        const result = await handleCommand(store, {
          ...options('counter-1', command, { businessTime: command.metadata.now, backdating: { windowMs: 30 * DAY }, correction: { eventId, reason } }),
          toEventToAppend: (event, index, businessTime) => {
            appended.push(businessTime!.toISOString());
            return toEventToAppend(command)(event);
          },
        });
        return { result, appended };
      };

      it('takes the corrected event’s business time, beyond the back-dating window', async () => {
        const [first] = await sqlite.readStream('counter-1');
        const { result, appended } = await correct(first.id, '原登记数字有误');
        expect(result.nextExpectedRevision).toBe(2n);
        expect(appended).toEqual(['2025-01-01T08:00:00.000Z']);
      });

      it('refuses an event of another record, or no reason', async () => {
        const [first] = await sqlite.readStream('counter-1');
        await expect(correct('00000000-0000-4000-8000-000000000000', '有误')).rejects.toMatchObject({ code: 'CORRECTED_EVENT_NOT_IN_RECORD', field: 'corrects' });
        await expect(correct(first.id, ' ')).rejects.toMatchObject({ code: 'CORRECTION_REASON_REQUIRED', field: 'reason' });
        expect(await sqlite.readStream('counter-1')).toHaveLength(2);
      });
    });

    it('is not checked when no business time is given', async () => {
      await handleCommand(store, options('counter-1', increment(1, at('2025-03-01T08:00:00.000Z'))));
      const backdated = increment(1, at('2024-01-01T00:00:00.000Z'));
      expect((await handleCommand(store, options('counter-1', backdated))).nextExpectedRevision).toBe(1n);
    });
  });

  it('folds through the given upcaster', async () => {
    await sqlite.append('counter-1', [{ ...toEventToAppend(increment(1))({ type: 'Incremented', data: { by: 1 } }), type: 'IncrementedV0', data: { amount: 4 } }], 'no_stream');
    const result = await handleCommand(
      store,
      options('counter-1', increment(1), {
        upcast: (recorded) =>
          recorded.type === 'IncrementedV0'
            ? { type: 'Incremented', data: { by: (recorded.data as { amount: number }).amount } }
            : (recorded as unknown as CounterEvent),
      }),
    );
    expect(result.state).toEqual({ value: 5, increments: 2 });
  });
});
