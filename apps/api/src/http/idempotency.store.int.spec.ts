import { describeOnDocumentStores } from '@sme/read-models/testing/document-stores';
import type { DocumentStore } from '@sme/read-models';
import { IDEMPOTENCY_COLLECTION, IdempotencyStore, type HeldKey, type Reservation } from './idempotency.store';

const hour = 3600_000;
const at = (ms: number) => new Date(Date.parse('2026-12-01T00:00:00Z') + ms);

/** The key a reservation holds; fails the test when it holds none. */
function held(reservation: Reservation): HeldKey {
  if (reservation.state !== 'reserved') throw new Error(`expected the key reserved, got ${reservation.state}`);
  return reservation.held;
}

/** The same store, counting the reads made through its collections. */
function countingReads(store: DocumentStore): { store: DocumentStore; reads: () => number } {
  let reads = 0;
  const counting = new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (property !== 'collection' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return (name: string) =>
        new Proxy(target.collection(name), {
          get(collection, method) {
            const member: unknown = Reflect.get(collection, method);
            if (typeof member !== 'function') return member;
            return (...args: unknown[]) => {
              if (method === 'findOne' || method === 'find') reads += 1;
              return member.apply(collection, args);
            };
          },
        });
    },
  });
  return { store: counting, reads: () => reads };
}

describeOnDocumentStores('IdempotencyStore', 'idempotency_keys', (maybe, docs) => {

  maybe('keeps a key in progress for its own process, and hands a completed answer back', async () => {
    const store = new IdempotencyStore(docs(), { ttlMs: 24 * hour, owner: 'process-1' });
    const key = held(await store.reserve('k', 'f', at(0)));
    expect(await store.reserve('k', 'f', at(1000))).toEqual({ state: 'in-progress' });
    expect(await store.reserve('k', 'other', at(1000))).toEqual({ state: 'mismatch' });
    await store.complete(key, 201, { id: 'x' }, { location: '/calls/x' });
    expect(await store.reserve('k', 'f', at(2000))).toMatchObject({ state: 'completed', response: { status: 201, body: { id: 'x' }, headers: { location: '/calls/x' } } });
  });

  maybe('keeps a refusal too, and forgets a key whose request failed with a server fault', async () => {
    const store = new IdempotencyStore(docs(), { ttlMs: 24 * hour, owner: 'p' });
    await store.complete(held(await store.reserve('refused', 'f', at(0))), 409, { code: 'X' }, {});
    expect(await store.reserve('refused', 'f', at(1000))).toMatchObject({ state: 'completed', response: { status: 409, body: { code: 'X' } } });
    await store.reserve('faulted', 'f', at(0));
    await store.release('faulted');
    expect(await store.reserve('faulted', 'f', at(1000))).toMatchObject({ state: 'reserved' });
  });

  maybe('lets a retry take over a key left in progress by another process, once', async () => {
    await new IdempotencyStore(docs(), { ttlMs: 24 * hour, owner: 'crashed' }).reserve('k', 'f', at(0));
    const restarted = new IdempotencyStore(docs(), { ttlMs: 24 * hour, owner: 'restarted' });
    expect(await restarted.reserve('k', 'f', at(1000))).toMatchObject({ state: 'reserved' });
    // The retry now runs under the new process: a second one at the same time waits for it.
    expect(await restarted.reserve('k', 'f', at(2000))).toEqual({ state: 'in-progress' });
    // The other process may not release what it no longer holds.
    await new IdempotencyStore(docs(), { ttlMs: 24 * hour, owner: 'crashed' }).release('k');
    expect(await restarted.reserve('k', 'f', at(3000))).toEqual({ state: 'in-progress' });
  });

  maybe('keeps the answer of the attempt that holds the key, not of one it was taken from', async () => {
    const first = held(await new IdempotencyStore(docs(), { ttlMs: 24 * hour, owner: 'slow' }).reserve('k', 'f', at(0)));
    const restarted = new IdempotencyStore(docs(), { ttlMs: 24 * hour, owner: 'restarted' });
    const retry = held(await restarted.reserve('k', 'f', at(1000)));
    // The first attempt ends after the retry took the key over: its answer is not the one kept.
    await restarted.complete(first, 201, { by: 'slow' }, {});
    expect(await restarted.reserve('k', 'f', at(2000))).toEqual({ state: 'in-progress' });
    await restarted.complete(retry, 201, { by: 'restarted' }, {});
    expect(await restarted.reserve('k', 'f', at(3000))).toMatchObject({ state: 'completed', response: { body: { by: 'restarted' } } });
  });

  maybe('reads nothing to reserve a new key and keep its answer', async () => {
    const counted = countingReads(docs());
    const store = new IdempotencyStore(counted.store, { ttlMs: 24 * hour, owner: 'p' });
    await store.complete(held(await store.reserve('new', 'f', at(0))), 201, { id: 'x' }, {});
    expect(counted.reads()).toBe(0);
    expect(await store.reserve('new', 'f', at(1000))).toMatchObject({ state: 'completed', response: { status: 201, body: { id: 'x' } } });
    expect(counted.reads()).toBe(1);
  });

  maybe('gives a key to one of two processes reserving it at the same moment', async () => {
    const processes = ['a', 'b', 'c', 'd'].map((owner) => new IdempotencyStore(docs(), { ttlMs: 24 * hour, owner }));
    const answers = await Promise.all(processes.map((store) => store.reserve('same', 'f', at(0))));
    // Each sees the key reserved by itself or by one of the others; by the end, exactly one holds it.
    expect(answers.every((answer) => answer.state === 'reserved' || answer.state === 'in-progress')).toBe(true);
    const reserved = answers.flatMap((answer) => (answer.state === 'reserved' ? [answer.held] : []));
    // Every attempt that reserved it ends and keeps its answer; only the one holding the key last is kept.
    for (const key of reserved) await processes[0].complete(key, 201, { by: key.owner }, {});
    const holder = reserved.reduce((last, key) => (key._position > last._position ? key : last));
    const after = await Promise.all(processes.map((store) => store.reserve('same', 'f', at(10))));
    expect(after.map((answer) => answer.state)).toEqual(['completed', 'completed', 'completed', 'completed']);
    expect(after.map((answer) => (answer.state === 'completed' ? answer.response.body : undefined))).toEqual(processes.map(() => ({ by: holder.owner })));
  });

  maybe('forgets a key after its time to live, so it may be used afresh', async () => {
    const store = new IdempotencyStore(docs(), { ttlMs: 24 * hour, owner: 'p' });
    await store.complete(held(await store.reserve('k', 'f', at(0))), 200, { ok: true }, {});
    expect(await store.reserve('k', 'another request', at(24 * hour - 1))).toEqual({ state: 'mismatch' });
    expect(await store.reserve('k', 'another request', at(24 * hour + 1))).toMatchObject({ state: 'reserved' });
  });

  maybe('deletes the keys past their time to live, answers and all, and only those', async () => {
    const store = new IdempotencyStore(docs(), { ttlMs: 24 * hour, owner: 'p' });
    await store.complete(held(await store.reserve('old', 'f', at(0))), 200, { ok: true }, {});
    await store.reserve('old, left in progress', 'f', at(1));
    await store.complete(held(await store.reserve('young', 'f', at(2 * hour))), 201, { ok: true }, {});
    const kept = () => docs().collection(IDEMPOTENCY_COLLECTION).count({});
    expect(await kept()).toBe(3);

    expect(await store.sweep(at(24 * hour))).toBe(0); // not yet past: 24 h exactly
    expect(await store.sweep(at(24 * hour + 2))).toBe(2);
    expect(await kept()).toBe(1);
    expect(await store.reserve('young', 'f', at(24 * hour + 3))).toMatchObject({ state: 'completed' });
    // Gone, not merely expired: the key starts again at its first version.
    expect(held(await store.reserve('old', 'f', at(24 * hour + 4)))._position).toBe(1);
    expect(await store.sweep(at(26 * hour + 1))).toBe(1);
  });
});
