import { RecentStates } from './recent-states';
import { InMemorySnapshotStore, type Snapshot } from './snapshot-store';

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
