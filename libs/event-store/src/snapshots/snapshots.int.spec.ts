import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testMetadata } from '../contract/contract-helpers';
import type { EventStore, EventToAppend, ReadStreamOptions, StreamAnchor } from '../event-store.port';
import { handleCommand } from '../handle-command';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { counterDecider, increment, type CounterCommand, type CounterEvent, type CounterState } from '../testing/counter-decider';
import { codeVersionOf } from './code-version';
import { RecentStates } from './recent-states';
import { InMemorySnapshotStore, type Snapshot, type SnapshotPolicy, type SnapshotStore } from './snapshot-store';
import { SqliteSnapshotStore } from './sqlite-snapshot-store';

const MARK = '张三-13800138000';

function snapshotOf(streamId: string, version: string, state: unknown): Snapshot {
  return { streamId, version, revision: 4n, lastHash: 'h4', firstOccurredAt: '2025-01-01T00:00:00.000Z', lastOccurredAt: '2025-02-01T00:00:00.000Z', state };
}

describe.each([
  ['in memory', () => ({ store: new InMemorySnapshotStore() as SnapshotStore, file: undefined as string | undefined })],
  [
    'in its SQLite file',
    () => {
      const file = join(mkdtempSync(join(tmpdir(), 'sme-snapshots-')), 'snapshots.sqlite');
      return { store: new SqliteSnapshotStore(file) as SnapshotStore, file };
    },
  ],
])('a snapshot store %s', (_where, open) => {
  let store: SnapshotStore;
  let file: string | undefined;
  beforeEach(() => ({ store, file } = open()));
  afterEach(async () => {
    await store.close();
    if (file) rmSync(join(file, '..'), { recursive: true, force: true });
  });

  it('gives back the state as saved: dates, maps, bigints and undefined included', async () => {
    const state = { at: new Date('2025-01-02T03:04:05.000Z'), seen: new Map([['a', 1]]), total: 12n, gone: undefined, list: [{ name: MARK }] };
    await store.save(snapshotOf('counter-1', 'v1', state));
    const loaded = await store.load<typeof state>('counter-1', 'v1');
    expect(loaded).toEqual(snapshotOf('counter-1', 'v1', state));
    // A Date (of the realm that deserialised it: jest's sandbox has its own Date constructor).
    expect(Object.prototype.toString.call(loaded!.state.at)).toBe('[object Date]');
    expect(loaded!.state.at.getTime()).toBe(state.at.getTime());
    expect(loaded!.state.seen.get('a')).toBe(1);
    expect('gone' in loaded!.state).toBe(true);
  });

  it('keeps one snapshot a stream, and gives none of another code version', async () => {
    await store.save(snapshotOf('counter-1', 'v1', { n: 1 }));
    await store.save({ ...snapshotOf('counter-1', 'v2', { n: 2 }), revision: 9n });
    expect(await store.load('counter-1', 'v1')).toBeUndefined();
    expect(await store.load('counter-1', 'v2')).toMatchObject({ revision: 9n, state: { n: 2 } });
    expect(await store.load('counter-2', 'v2')).toBeUndefined();
  });

  it('forgets the snapshots of the streams named, and no others', async () => {
    await store.save(snapshotOf('counter-1', 'v1', { name: MARK }));
    await store.save(snapshotOf('counter-2', 'v1', { n: 2 }));
    const fileBytes = () => Buffer.concat([readFileSync(file!), existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0)]);
    // V8's serialisation writes a string with Chinese characters as UTF-16.
    if (file) expect(fileBytes().includes(Buffer.from(MARK, 'utf16le'))).toBe(true);
    await store.forget(['counter-1']);
    expect(await store.load('counter-1', 'v1')).toBeUndefined();
    expect(await store.load('counter-2', 'v1')).toBeDefined();
    if (file) {
      // Folded state holds personal data in the clear: once forgotten, its bytes are not left in the file.
      expect(fileBytes().includes(Buffer.from(MARK, 'utf16le')) || fileBytes().includes(Buffer.from(MARK))).toBe(false);
    }
  });
});

/** A store that records each stream read: the options of a whole read, the anchor's revision of a read after one. */
class ReadCountingStore extends SqliteEventStore {
  reads: (ReadStreamOptions | { after: bigint })[] = [];
  override readStream(streamId: string, options: ReadStreamOptions = {}) {
    this.reads.push(options);
    return super.readStream(streamId, options);
  }
  override readStreamAfter(streamId: string, anchor: StreamAnchor) {
    this.reads.push({ after: anchor.revision });
    return super.readStreamAfter(streamId, anchor);
  }
}

function toEventToAppend(command: CounterCommand) {
  return (event: CounterEvent): EventToAppend => ({ id: randomUUID(), type: event.type, schemaVersion: 1, data: event.data, metadata: testMetadata({ occurredAt: command.metadata.now.toISOString() }) });
}

const run = (store: EventStore, command: CounterCommand, snapshots?: SnapshotPolicy) =>
  handleCommand<CounterCommand, CounterState, CounterEvent>(store, { streamId: 'counter-1', decider: counterDecider, command, toEventToAppend: toEventToAppend(command), ...(snapshots ? { snapshots } : {}) });

describe('handleCommand with snapshots', () => {
  let events: ReadCountingStore;
  let snapshots: SnapshotPolicy;
  beforeEach(() => {
    events = new ReadCountingStore(':memory:');
    snapshots = { store: new InMemorySnapshotStore(), version: 'v1', every: 3 };
  });
  afterEach(() => events.close());

  it('keeps a snapshot every `every` events, and the next command reads only from its event on', async () => {
    for (const by of [1, 2]) await run(events, increment(by), snapshots);
    expect(await snapshots.store.load('counter-1', 'v1')).toBeUndefined();
    await run(events, increment(3), snapshots);
    expect(await snapshots.store.load('counter-1', 'v1')).toMatchObject({ revision: 2n, state: { value: 6, increments: 3 } });

    events.reads = [];
    const result = await run(events, increment(4), snapshots);
    expect(result.state).toEqual({ value: 10, increments: 4 });
    // One read, of what follows the snapshot's own event (checked against the snapshot's hash); no read-back.
    expect(events.reads).toEqual([{ after: 2n }]);
  });

  it('folds from the snapshot: a state kept under this code version is the one decided on', async () => {
    for (const by of [1, 1, 1]) await run(events, increment(by), snapshots);
    const kept = (await snapshots.store.load<CounterState>('counter-1', 'v1'))!;
    await snapshots.store.save({ ...kept, state: { value: 100, increments: 3 } });
    expect((await run(events, increment(1), snapshots)).state).toEqual({ value: 101, increments: 4 });
  });

  it('ignores a snapshot taken by other code: a changed decider folds the whole stream', async () => {
    for (const by of [1, 1, 1]) await run(events, increment(by), snapshots);
    const kept = (await snapshots.store.load<CounterState>('counter-1', 'v1'))!;
    await snapshots.store.save({ ...kept, state: { value: 100, increments: 3 } });
    const changed = { ...snapshots, version: 'v2' };
    events.reads = [];
    expect((await run(events, increment(1), changed)).state).toEqual({ value: 4, increments: 4 });
    expect(events.reads).toEqual([{}]);
  });

  it('forgets a snapshot whose event the stream no longer holds as it was, and folds from the start', async () => {
    for (const by of [1, 1, 1]) await run(events, increment(by), snapshots);
    const kept = (await snapshots.store.load<CounterState>('counter-1', 'v1'))!;
    await snapshots.store.save({ ...kept, lastHash: 'not-this-stream', state: { value: 100, increments: 3 } });
    expect((await run(events, increment(1), { ...snapshots, every: 100 })).state).toEqual({ value: 4, increments: 4 });
    expect(await snapshots.store.load('counter-1', 'v1')).toBeUndefined();
  });

  it('reports a snapshot it could not keep, and the command stands', async () => {
    const failures: string[] = [];
    const failing: SnapshotStore = { ...new InMemorySnapshotStore(), load: async () => undefined, save: async () => Promise.reject(new Error('disk full')), forget: async () => undefined, close: async () => undefined };
    const policy = { store: failing, version: 'v1', every: 1, onError: (error: unknown, streamId: string) => failures.push(`${streamId}: ${(error as Error).message}`) };
    expect((await run(events, increment(2), policy)).state).toEqual({ value: 2, increments: 1 });
    expect(failures).toEqual(['counter-1: disk full']);
    expect(await events.readStream('counter-1')).toHaveLength(1);
  });

  describe('with the recent states held in front of the store', () => {
    let beneath: InMemorySnapshotStore;
    beforeEach(() => {
      beneath = new InMemorySnapshotStore();
      snapshots = { ...snapshots, store: new RecentStates(beneath, { capacity: 10, ttlMs: 60_000 }) };
    });

    it('folds the next command from the state the last one left, with what another process appended since: one read, of what follows that state’s event', async () => {
      await run(events, increment(1), snapshots);
      events.reads = [];
      expect((await run(events, increment(2), snapshots)).state).toEqual({ value: 3, increments: 2 });
      // Another process (holding no state) appends to the same stream.
      await run(events, increment(10), { ...snapshots, store: new InMemorySnapshotStore() });
      expect((await run(events, increment(100), snapshots)).state).toEqual({ value: 113, increments: 4 });
      expect(events.reads).toEqual([{ after: 0n }, {}, { after: 1n }]);
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

    it('folds the whole stream again once an erasure has forgotten the record', async () => {
      for (const by of [1, 2]) await run(events, increment(by), snapshots);
      await snapshots.store.forget(['counter-1']);
      events.reads = [];
      expect((await run(events, increment(3), snapshots)).state).toEqual({ value: 6, increments: 3 });
      expect(events.reads).toEqual([{}]);
    });
  });
});

describe('codeVersionOf', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sme-code-'));
    mkdirSync(join(dir, 'counter'));
    writeFileSync(join(dir, 'counter', 'counter.decider.ts'), 'export const evolve = (s, e) => s + e.by;');
    writeFileSync(join(dir, 'counter', 'counter.codes.json'), '{"A": 1}');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('changes when any source file under the folder changes, not when a spec does', () => {
    const before = codeVersionOf(dir);
    expect(before).toMatch(/^[0-9a-f]{32}$/);
    writeFileSync(join(dir, 'counter', 'counter.unit.spec.ts'), 'it("works", () => undefined);');
    expect(codeVersionOf(dir)).toBe(before);
    writeFileSync(join(dir, 'counter', 'counter.codes.json'), '{"A": 2}');
    const afterCodes = codeVersionOf(dir);
    expect(afterCodes).not.toBe(before);
    writeFileSync(join(dir, 'counter', 'counter.decider.ts'), 'export const evolve = (s, e) => s + 2 * e.by;');
    expect(codeVersionOf(dir)).not.toBe(afterCodes);
  });

  it('refuses a folder without source files', () => {
    expect(() => codeVersionOf(join(dir, 'counter', '..', 'nowhere-' + randomUUID()))).toThrow();
    const empty = mkdtempSync(join(tmpdir(), 'sme-empty-'));
    expect(() => codeVersionOf(empty)).toThrow(/No source files/);
    rmSync(empty, { recursive: true, force: true });
  });
});
