import { describeOnDocumentStores } from '@sme/read-models/testing/document-stores';
import { IdempotencyStore } from './idempotency.store';

const hour = 3600_000;
const at = (ms: number) => new Date(Date.parse('2026-12-01T00:00:00Z') + ms);

describeOnDocumentStores('IdempotencyStore', 'idempotency_keys', (maybe, docs) => {

  maybe('keeps a key in progress for its own process, and hands a completed answer back', async () => {
    const store = new IdempotencyStore(docs(), { ttlMs: 24 * hour, owner: 'process-1' });
    expect(await store.reserve('k', 'f', at(0))).toEqual({ state: 'reserved' });
    expect(await store.reserve('k', 'f', at(1000))).toEqual({ state: 'in-progress' });
    expect(await store.reserve('k', 'other', at(1000))).toEqual({ state: 'mismatch' });
    await store.complete('k', 201, { id: 'x' }, { location: '/calls/x' });
    expect(await store.reserve('k', 'f', at(2000))).toMatchObject({ state: 'completed', response: { status: 201, body: { id: 'x' }, headers: { location: '/calls/x' } } });
  });

  maybe('keeps a refusal too, and forgets a key whose request failed with a server fault', async () => {
    const store = new IdempotencyStore(docs(), { ttlMs: 24 * hour, owner: 'p' });
    await store.reserve('refused', 'f', at(0));
    await store.complete('refused', 409, { code: 'X' }, {});
    expect(await store.reserve('refused', 'f', at(1000))).toMatchObject({ state: 'completed', response: { status: 409, body: { code: 'X' } } });
    await store.reserve('faulted', 'f', at(0));
    await store.release('faulted');
    expect(await store.reserve('faulted', 'f', at(1000))).toEqual({ state: 'reserved' });
  });

  maybe('lets a retry take over a key left in progress by another process, once', async () => {
    await new IdempotencyStore(docs(), { ttlMs: 24 * hour, owner: 'crashed' }).reserve('k', 'f', at(0));
    const restarted = new IdempotencyStore(docs(), { ttlMs: 24 * hour, owner: 'restarted' });
    expect(await restarted.reserve('k', 'f', at(1000))).toEqual({ state: 'reserved' });
    // The retry now runs under the new process: a second one at the same time waits for it.
    expect(await restarted.reserve('k', 'f', at(2000))).toEqual({ state: 'in-progress' });
    // The other process may not release what it no longer holds.
    await new IdempotencyStore(docs(), { ttlMs: 24 * hour, owner: 'crashed' }).release('k');
    expect(await restarted.reserve('k', 'f', at(3000))).toEqual({ state: 'in-progress' });
  });

  maybe('gives a key to one of two processes reserving it at the same moment', async () => {
    const processes = ['a', 'b', 'c', 'd'].map((owner) => new IdempotencyStore(docs(), { ttlMs: 24 * hour, owner }));
    const answers = await Promise.all(processes.map((store) => store.reserve('same', 'f', at(0))));
    // Each sees the key reserved by itself or by one of the others; by the end, exactly one holds it.
    expect(answers.every((answer) => answer.state === 'reserved' || answer.state === 'in-progress')).toBe(true);
    await processes[0].complete('same', 201, { id: 'one' }, {});
    const after = await Promise.all(processes.map((store) => store.reserve('same', 'f', at(10))));
    expect(after.map((answer) => answer.state)).toEqual(['completed', 'completed', 'completed', 'completed']);
  });

  maybe('forgets a key after its time to live, so it may be used afresh', async () => {
    const store = new IdempotencyStore(docs(), { ttlMs: 24 * hour, owner: 'p' });
    await store.reserve('k', 'f', at(0));
    await store.complete('k', 200, { ok: true }, {});
    expect(await store.reserve('k', 'another request', at(24 * hour - 1))).toEqual({ state: 'mismatch' });
    expect(await store.reserve('k', 'another request', at(24 * hour + 1))).toEqual({ state: 'reserved' });
  });
});
