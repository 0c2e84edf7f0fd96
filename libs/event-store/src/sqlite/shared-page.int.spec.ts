import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { iteratorOf, pullUntil, testEvent } from '../contract/contract-helpers';
import type { RecordedEvent } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

/** The embedded store's subscriptions share the page they read: read and parsed once, frozen, renewed by each append. */
describe('SqliteEventStore subscriptions share their pages', () => {
  let dir: string;
  const opened: SqliteEventStore[] = [];
  const open = (file = join(dir, 'ledger.db'), subscriptionPageSize?: number) => {
    const store = new SqliteEventStore(file, { pollIntervalMs: 50, ...(subscriptionPageSize ? { subscriptionPageSize } : {}) });
    opened.push(store);
    return store;
  };
  const nextOf = async (iterator: AsyncIterator<RecordedEvent>) => {
    const next = await iterator.next();
    if (next.done) throw new Error('the subscription ended');
    return next.value;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sme-shared-page-'));
  });

  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hands every subscription caught up the same event, read once, and frozen to the leaves', async () => {
    const store = open();
    const read = jest.spyOn(store as unknown as { readAllSync: (after: bigint, limit: number) => RecordedEvent[] }, 'readAllSync');
    const [a, b, c] = [store.subscribeToAll(), store.subscribeToAll(), store.subscribeToAll()].map(iteratorOf);
    await store.append('s', [testEvent('Shared', { nested: { list: [1, 2] } })], 'no_stream');
    const reads = read.mock.calls.length;
    const [first, second, third] = await Promise.all([nextOf(a), nextOf(b), nextOf(c)]);
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(read.mock.calls.length - reads).toBeLessThanOrEqual(1);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => {
      (first.data.nested as { list: number[] }).list.push(3);
    }).toThrow(TypeError);
    expect(first.data).toEqual({ nested: { list: [1, 2] } });
  });

  it('shares the empty answer the caught-up subscriptions then get: what follows the page is read once', async () => {
    // Appended through another store on the file, so that this one has to read the page and what follows.
    const store = open();
    const writer = open(join(dir, 'ledger.db'));
    const read = jest.spyOn(store as unknown as { readAllSync: (after: bigint, limit: number) => RecordedEvent[] }, 'readAllSync');
    const iterators = [store.subscribeToAll(), store.subscribeToAll(), store.subscribeToAll()].map(iteratorOf);
    await writer.append('s', [testEvent('Shared')], 'no_stream');
    await Promise.all(iterators.map(nextOf));
    const reads = read.mock.calls.length;
    // Each asks for what follows, in the same turn of the event loop: one read answers all three.
    const pending = iterators.map((iterator) => iterator.next());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(read.mock.calls.length - reads).toBe(1);
    const next = testEvent('Next');
    await writer.append('s', [next], 0n);
    expect((await Promise.all(pending)).map((result) => (result.value as RecordedEvent).id)).toEqual([next.id, next.id, next.id]);
  });

  it('reads again after an append, so a subscription sees what was appended since', async () => {
    const store = open();
    const iterator = iteratorOf(store.subscribeToAll());
    const first = testEvent('First');
    await store.append('s', [first], 'no_stream');
    expect((await nextOf(iterator)).id).toBe(first.id);
    const second = testEvent('Second');
    await store.append('s', [second], 0n);
    expect((await nextOf(iterator)).id).toBe(second.id);
  });

  it('hands its live subscriptions what it has just appended, as a read would give it and as the append handed it back, without reading it back', async () => {
    const store = open();
    const read = jest.spyOn(store as unknown as { readAllSync: (after: bigint, limit: number) => RecordedEvent[] }, 'readAllSync');
    const iterator = iteratorOf(store.subscribeToAll());
    const first = testEvent('First', { n: 1 });
    await store.append('s', [first], 'no_stream');
    expect((await nextOf(iterator)).id).toBe(first.id);
    const second = testEvent('Second', { nested: { list: [1, 2] } });
    const appended = await store.appendRecorded('s', [second], 0n);
    read.mockClear();
    const delivered = await nextOf(iterator);
    expect(read.mock.calls.filter(([after]) => after === appended.position - 1n)).toEqual([]);
    expect(delivered).toEqual((await store.readStream('s'))[1]);
    expect(Object.isFrozen(delivered.data.nested)).toBe(true);
    // The caller is handed the very event the subscriptions get (so a layer above can recognise it), frozen.
    expect(appended.events![0]).toBe(delivered);
  });

  it('seeds only what follows its own write: what another store on the file appended before still arrives first, and a batch longer than a page arrives whole', async () => {
    const file = join(dir, 'shared.db');
    const store = open(file, 2);
    const other = open(file);
    const iterator = iteratorOf(store.subscribeToAll());
    const elsewhere = testEvent('Elsewhere');
    await other.append('t', [elsewhere], 'no_stream');
    const batch = [1, 2, 3, 4, 5].map((n) => testEvent('Batch', { n }));
    await store.append('s', batch, 'no_stream');
    expect((await pullUntil(iterator, batch[4].id, { keep: () => true, timeoutMs: 2_000 })).map((e) => e.id)).toEqual([elsewhere.id, ...batch.map((e) => e.id)]);
    const later = testEvent('Later');
    await other.append('t', [later], 0n);
    expect((await pullUntil(iterator, later.id, { keep: () => true, timeoutMs: 2_000 })).map((e) => e.id)).toEqual([later.id]);
  });

  it('keeps an empty answer only for its turn of the event loop: events another store appends to the same file still arrive', async () => {
    const file = join(dir, 'shared.db');
    const reader = open(file);
    const iterator = iteratorOf(reader.subscribeToAll());
    const waiting = nextOf(iterator); // reads an empty page, then polls
    await new Promise((resolve) => setTimeout(resolve, 120));
    const writer = open(file);
    const event = testEvent('FromElsewhere');
    await writer.append('s', [event], 'no_stream');
    expect((await waiting).id).toBe(event.id);
    const later = testEvent('Later');
    await writer.append('s', [later], 0n);
    expect((await pullUntil(iterator, later.id, { keep: () => true, timeoutMs: 2_000 })).map((e) => e.id)).toEqual([later.id]);
  });
});
