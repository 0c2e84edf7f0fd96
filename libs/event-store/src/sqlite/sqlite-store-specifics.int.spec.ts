import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ids, iteratorOf, pullUntil, testEvent, within } from '../contract/contract-helpers';
import { EventIdConflictError, type RecordedEvent } from '../event-store.port';
import { openSqliteDatabase, type SqliteDatabase } from './open-sqlite-database';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store';
import { SqliteEventStore } from './sqlite-event-store';

const run = promisify(execFile);

describe('SqliteEventStore specifics', () => {
  let dir: string;
  let file: string;
  const opened: { close(): Promise<void> | void }[] = [];

  function open(options?: ConstructorParameters<typeof SqliteEventStore>[1]): SqliteEventStore {
    const store = new SqliteEventStore(file, options);
    opened.push(store);
    return store;
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sme-sqlite-'));
    file = join(dir, 'data', 'ledger.db');
  });

  afterEach(async () => {
    for (const resource of opened.splice(0)) await resource.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the file in WAL mode with synchronous=NORMAL, a busy timeout, a 4,000-page checkpoint and a 64 MiB page cache, creating its directory', () => {
    const db = openSqliteDatabase(file, { busyTimeoutMs: 1234 });
    opened.push({ close: () => void db.close() });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(4000);
    expect(db.pragma('cache_size', { simple: true })).toBe(-65_536); // KiB
  });

  it('numbers global positions 1, 2, 3 … without gaps, also after a refused append', async () => {
    const store = open();
    await store.append('a', [testEvent(), testEvent()], 'no_stream');
    await expect(store.append('a', [testEvent()], 'no_stream')).rejects.toThrow();
    await store.append('b', [testEvent()], 'no_stream');
    await store.append('a', [testEvent()], 1n);
    expect((await store.readAll()).map((event) => event.position)).toEqual([1n, 2n, 3n, 4n]);
    expect(await store.headPosition()).toBe(4n);
  });

  it('returns the position of the last event of the batch', async () => {
    const store = open();
    await store.append('a', [testEvent()], 'no_stream');
    expect(await store.append('b', [testEvent(), testEvent(), testEvent()], 'no_stream')).toEqual({ nextExpectedRevision: 2n, position: 4n });
  });

  it('keeps events across reopening the file', async () => {
    const first = open();
    const event = testEvent('Kept', { n: 1n });
    await first.append('a', [event], 'no_stream');
    await first.close();

    const reopened = open();
    const [read] = await reopened.readStream('a');
    expect(read).toMatchObject({ id: event.id, data: { n: '1' }, position: 1n });
  });

  it('refuses an event id that is already used in another stream', async () => {
    const store = open();
    const event = testEvent();
    await store.append('a', [event], 'no_stream');
    const attempt = store.append('b', [event], 'no_stream');
    await expect(attempt).rejects.toBeInstanceOf(EventIdConflictError);
    await expect(attempt).rejects.toThrow(/already stored in stream a/);
    expect(await store.readStream('b')).toEqual([]);
  });

  it('refuses an empty batch and a batch with one id twice', async () => {
    const store = open();
    const event = testEvent();
    await expect(store.append('a', [], 'any')).rejects.toThrow(RangeError);
    await expect(store.append('a', [event, event], 'any')).rejects.toThrow(RangeError);
    expect(await store.headPosition()).toBe(0n);
  });

  it('rolls back a whole batch when one of its events fails to insert', async () => {
    const store = open();
    const used = testEvent();
    await store.append('a', [used], 'no_stream');
    await expect(store.append('b', [testEvent(), used], 'no_stream')).rejects.toBeInstanceOf(EventIdConflictError);
    expect(await store.readStream('b')).toEqual([]);
    expect(await store.headPosition()).toBe(1n);
  });

  it('serialises writers on separate connections to the same file', async () => {
    const [one, two] = [open(), open()];
    await one.append('a', [testEvent()], 'no_stream');
    const results = await Promise.allSettled([one.append('a', [testEvent()], 0n), two.append('a', [testEvent()], 0n)]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await two.readAll()).map((event) => event.position)).toEqual([1n, 2n]);
  });

  it('wakes a live subscription at once for an append through another connection in this process', async () => {
    const [reader, writer] = [open({ pollIntervalMs: 60_000 }), open({ pollIntervalMs: 60_000 })];
    const subscription = reader.subscribeToAll();
    const pending = iteratorOf(subscription).next();
    const event = testEvent();
    await writer.append('a', [event], 'no_stream');
    expect((await within(pending, 1_000, 'the live event')).value).toMatchObject({ id: event.id });
    await subscription.stop();
  });

  it('sees appends made by another process by polling', async () => {
    const store = open({ pollIntervalMs: 50 });
    await store.append('warm-up', [testEvent()], 'no_stream');
    const subscription = store.subscribeToAll({ after: 1n });
    const eventIds = [randomUUID(), randomUUID()];

    const child = run(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', join(__dirname, 'testing', 'append-from-another-process.ts'), file, 'elsewhere', ...eventIds],
      { cwd: process.cwd(), env: { ...process.env, TS_NODE_PROJECT: join(process.cwd(), 'tsconfig.json') } },
    );
    const received = await pullUntil(iteratorOf(subscription), eventIds[1], { keep: () => true, timeoutMs: 20_000 });
    await child;
    expect(ids(received)).toEqual(eventIds);
    expect(received.map((event) => event.position)).toEqual([2n, 3n]);
    await subscription.stop();
  }, 30_000);

  it('catches up over many pages and then goes live without a gap', async () => {
    const store = open({ subscriptionPageSize: 7, pollIntervalMs: 60_000 });
    for (let n = 0; n < 50; n += 1) await store.append(`s-${n % 3}`, [testEvent('N', { n })], 'any');
    const subscription = store.subscribeToAll({ after: 10n });
    const iterator = iteratorOf(subscription);
    const live = testEvent('Live');
    const caughtUp: RecordedEvent[] = [];
    for (let n = 0; n < 40; n += 1) {
      const next = await iterator.next();
      if (next.done) throw new Error('ended early');
      caughtUp.push(next.value);
    }
    await store.append('s-live', [live], 'no_stream');
    const [liveEvent] = await pullUntil(iterator, live.id, { keep: () => true, timeoutMs: 1_000 });
    expect(caughtUp.map((event) => event.position)).toEqual(Array.from({ length: 40 }, (_, n) => BigInt(n + 11)));
    expect(liveEvent.position).toBe(51n);
    await subscription.stop();
  });

  it('close() ends the store\'s live subscriptions', async () => {
    const store = open({ pollIntervalMs: 60_000 });
    const subscription = store.subscribeToAll();
    const pending = iteratorOf(subscription).next();
    await store.close();
    expect(await within(pending, 1_000, 'the pending next()')).toEqual({ done: true, value: undefined });
  });

  it('reads after a held event what another connection appended, and what another store on the same connection did, without a read when neither did', async () => {
    const store = open();
    const other = open();
    const first = testEvent('First');
    await store.append('s', [first], 'no_stream');
    const [held] = await store.readStream('s');
    const anchor = { revision: held.revision, hash: held.hash };
    const read = jest.spyOn((store as unknown as { statements: { streamTail: { get: (id: string) => unknown } } }).statements.streamTail, 'get');
    // What this store has just appended: nothing to read.
    expect(await store.readStreamAfter('s', anchor)).toEqual([]);
    expect(await store.readStreamAfter('s', anchor)).toEqual([]);
    expect(read).not.toHaveBeenCalled();
    const second = testEvent('Second');
    await other.append('s', [second], 0n);
    expect((await store.readStreamAfter('s', anchor))!.map((e) => e.id)).toEqual([second.id]);
    // A second store on the same connection: its appends do not change the connection's data_version.
    const db = (store as unknown as { db: SqliteDatabase }).db;
    const sameConnection = new SqliteEventStore(db);
    const [, now] = await store.readStream('s');
    const third = testEvent('Third');
    expect(await store.readStreamAfter('s', { revision: now.revision, hash: now.hash })).toEqual([]);
    await sameConnection.append('s', [third], 1n);
    expect((await store.readStreamAfter('s', { revision: now.revision, hash: now.hash }))!.map((e) => e.id)).toEqual([third.id]);
  });

  it('appends after what another connection appended, at the right revision and position, with the right previous hash', async () => {
    const store = open();
    const other = open();
    // A first look, from which on the store remembers the tails it writes.
    expect(await store.readStreamAfter('s', { revision: 0n, hash: 'none' })).toBeUndefined();
    await store.append('s', [testEvent('One')], 'no_stream');
    await store.append('t', [testEvent('Two')], 'no_stream');
    await other.append('s', [testEvent('Three')], 0n);
    await other.append('u', [testEvent('Four')], 'no_stream');
    await expect(store.append('s', [testEvent('Stale')], 0n)).rejects.toThrow(/expected 0/);
    const fifth = await store.append('s', [testEvent('Five')], 1n);
    expect(fifth).toEqual({ nextExpectedRevision: 2n, position: 5n });
    const stream = await store.readStream('s');
    expect(stream[2].previousHash).toBe(stream[1].hash);
    expect((await store.readAll()).map((e) => e.position)).toEqual([1n, 2n, 3n, 4n, 5n]);
  });

  it('leaves a shared connection open on close(), and keeps checkpoints in the same file', async () => {
    const db = openSqliteDatabase(file);
    opened.push({ close: () => void db.close() });
    const store = new SqliteEventStore(db);
    const checkpoints = new SqliteCheckpointStore(db);
    await store.append('a', [testEvent()], 'no_stream');
    await checkpoints.store('projection-x', 1n);
    await store.close();
    expect(db.open).toBe(true);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['event_log', 'subscription_checkpoints']));
    expect(await new SqliteCheckpointStore(db).load('projection-x')).toBe(1n);
  });

  it('does not change how the shared connection returns integers', async () => {
    const db = openSqliteDatabase(file);
    opened.push({ close: () => void db.close() });
    new SqliteEventStore(db);
    expect(db.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
  });
});
