import { randomUUID } from 'node:crypto';
import { testMetadata } from '../contract/contract-helpers';
import type { EventStore, EventToAppend, ReadStreamOptions } from '../event-store.port';
import { handleCommand } from '../handle-command';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { counterDecider, increment, type CounterCommand, type CounterEvent, type CounterState } from '../testing/counter-decider';
import { RecentStates } from './recent-states';
import { InMemorySnapshotStore, type Snapshot, type SnapshotPolicy } from './snapshot-store';

const snapshotOf = (streamId: string, revision: bigint, state: unknown, version = 'v1'): Snapshot => ({
  streamId,
  version,
  revision,
  lastHash: `h${revision}`,
  firstOccurredAt: '2025-01-01T00:00:00.000Z',
  lastOccurredAt: '2025-02-01T00:00:00.000Z',
  state,
});

describe('RecentStates', () => {
  let beneath: InMemorySnapshotStore;
  let clock: number;
  const open = (capacity = 3, ttlMs = 1000) => new RecentStates(beneath, { capacity, ttlMs, now: () => clock });
  beforeEach(() => {
    beneath = new InMemorySnapshotStore();
    clock = 0;
  });

  it('hands back the state it holds, the same frozen object, without asking the store beneath', async () => {
    const recent = open();
    const state = { list: [{ n: 1 }] };
    await recent.remember({ ...snapshotOf('s-1', 4n, state), keptRevision: -1n });
    const loaded = await recent.load<typeof state>('s-1', 'v1');
    expect(loaded?.state).toBe(state);
    expect(loaded?.keptRevision).toBe(-1n);
    expect(Object.isFrozen(state.list[0])).toBe(true);
    expect(await beneath.load('s-1', 'v1')).toBeUndefined();
  });

  it('keeps a saved snapshot beneath and holds it as the newest, kept at its own revision', async () => {
    const recent = open();
    await recent.save(snapshotOf('s-1', 7n, { n: 7 }));
    expect(await beneath.load('s-1', 'v1')).toMatchObject({ revision: 7n, state: { n: 7 } });
    await beneath.forget(['s-1']);
    expect(await recent.load('s-1', 'v1')).toMatchObject({ revision: 7n, keptRevision: 7n, state: { n: 7 } });
  });

  it('answers from beneath once a held state has expired, or for another code version', async () => {
    const recent = open(3, 1000);
    await beneath.save(snapshotOf('s-1', 2n, { from: 'beneath' }));
    await recent.remember(snapshotOf('s-1', 5n, { from: 'memory' }));
    expect((await recent.load('s-1', 'v1'))?.state).toEqual({ from: 'memory' });
    clock = 1001;
    expect((await recent.load('s-1', 'v1'))?.state).toEqual({ from: 'beneath' });
    expect(recent.size).toBe(0);
    await recent.remember(snapshotOf('s-1', 5n, { from: 'memory' }, 'v0'));
    expect((await recent.load('s-1', 'v1'))?.state).toEqual({ from: 'beneath' });
  });

  it('holds at most `capacity` states, letting the least recently used go', async () => {
    const recent = open(2);
    await recent.remember(snapshotOf('s-1', 1n, 1));
    await recent.remember(snapshotOf('s-2', 1n, 2));
    await recent.load('s-1', 'v1');
    await recent.remember(snapshotOf('s-3', 1n, 3));
    expect(recent.size).toBe(2);
    expect(await recent.load('s-2', 'v1')).toBeUndefined();
    expect((await recent.load('s-1', 'v1'))?.state).toBe(1);
    expect((await recent.load('s-3', 'v1'))?.state).toBe(3);
  });

  it('holds nothing with a capacity of 0', async () => {
    const recent = open(0);
    await recent.remember(snapshotOf('s-1', 1n, 1));
    expect(recent.size).toBe(0);
    expect(await recent.load('s-1', 'v1')).toBeUndefined();
  });

  it('forgets, here and beneath, the streams named (an erasure) and no others', async () => {
    const recent = open();
    await recent.save(snapshotOf('s-1', 3n, { name: '张三' }));
    await recent.save(snapshotOf('s-2', 3n, { n: 2 }));
    await recent.forget(['s-1']);
    expect(await recent.load('s-1', 'v1')).toBeUndefined();
    expect(await beneath.load('s-1', 'v1')).toBeUndefined();
    expect(await recent.load('s-2', 'v1')).toBeDefined();
  });
});

/** A store that records the options of each stream read. */
class ReadCountingStore extends SqliteEventStore {
  reads: ReadStreamOptions[] = [];
  override readStream(streamId: string, options: ReadStreamOptions = {}) {
    this.reads.push(options);
    return super.readStream(streamId, options);
  }
}

const toEventToAppend =
  (command: CounterCommand) =>
  (event: CounterEvent): EventToAppend => ({ id: randomUUID(), type: event.type, schemaVersion: 1, data: event.data, metadata: testMetadata({ occurredAt: command.metadata.now.toISOString() }) });

const run = (store: EventStore, command: CounterCommand, snapshots: SnapshotPolicy) =>
  handleCommand<CounterCommand, CounterState, CounterEvent>(store, { streamId: 'counter-1', decider: counterDecider, command, toEventToAppend: toEventToAppend(command), snapshots });

describe('handleCommand with recent states in front of the snapshots', () => {
  let events: ReadCountingStore;
  let beneath: InMemorySnapshotStore;
  let snapshots: SnapshotPolicy;
  beforeEach(() => {
    events = new ReadCountingStore(':memory:');
    beneath = new InMemorySnapshotStore();
    snapshots = { store: new RecentStates(beneath, { capacity: 10, ttlMs: 60_000 }), version: 'v1', every: 3 };
  });
  afterEach(() => events.close());

  it('folds the next command from the state the last one left: one read, from that state’s event on', async () => {
    await run(events, increment(1), snapshots);
    events.reads = [];
    const result = await run(events, increment(2), snapshots);
    expect(result.state).toEqual({ value: 3, increments: 2 });
    expect(events.reads).toEqual([{ fromRevision: 0n }]);
  });

  it('still keeps a snapshot in the store beneath every `every` events', async () => {
    for (const by of [1, 2]) await run(events, increment(by), snapshots);
    expect(await beneath.load('counter-1', 'v1')).toBeUndefined();
    await run(events, increment(3), snapshots);
    expect(await beneath.load('counter-1', 'v1')).toMatchObject({ revision: 2n, state: { value: 6 } });
    for (const by of [4, 5]) await run(events, increment(by), snapshots);
    expect(await beneath.load('counter-1', 'v1')).toMatchObject({ revision: 2n });
    await run(events, increment(6), snapshots);
    expect(await beneath.load('counter-1', 'v1')).toMatchObject({ revision: 5n, state: { value: 21 } });
  });

  it('folds in what another process appended since the state it holds', async () => {
    await run(events, increment(1), snapshots);
    // Another process (no state held here) appends to the same stream.
    await run(events, increment(10), { store: new InMemorySnapshotStore(), version: 'v1', every: 3 });
    events.reads = [];
    const result = await run(events, increment(100), snapshots);
    expect(result.state).toEqual({ value: 111, increments: 3 });
    expect(events.reads).toEqual([{ fromRevision: 0n }]);
  });

  it('folds the whole stream again once an erasure has forgotten the record', async () => {
    for (const by of [1, 2]) await run(events, increment(by), snapshots);
    await snapshots.store.forget(['counter-1']);
    events.reads = [];
    expect((await run(events, increment(3), snapshots)).state).toEqual({ value: 6, increments: 3 });
    expect(events.reads).toEqual([{}]);
  });
});
