import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEvent } from './contract/contract-helpers';
import { verifyAll } from './hash-chain';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

describe('verifyAll on a SQLite file altered behind the store', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sme-chain-'));
    file = join(dir, 'ledger.db');
    store = new SqliteEventStore(file);
    await store.append('station-1', [testEvent('Opened', { name: '天河站' }), testEvent('Named', { name: '天河服务站' })], 'no_stream');
    await store.append('provider-1', [testEvent('Registered', { seats: 3 })], 'no_stream');
    await store.append('station-1', [testEvent('Closed', { reason: '合并' })], 1n);
    await store.append('provider-1', [testEvent('Renamed', { name: 'x' })], 0n);
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Another connection, as a person with file access would use: no store code involved. */
  function tamper(sql: string): void {
    const raw = new Database(file);
    try {
      expect(raw.prepare(sql).run().changes).toBe(1);
    } finally {
      raw.close();
    }
  }

  it('is ok on an untouched file', async () => {
    expect(await verifyAll(store, { pageSize: 2 })).toEqual({ ok: true, eventsChecked: 5, streamsChecked: 2 });
  });

  it('names exactly the event whose data was updated in the file', async () => {
    const [, target] = await store.readStream('station-1');
    tamper(`UPDATE event_log SET data = '{"name":"白云服务站"}' WHERE event_id = '${target.id}'`);

    const result = await verifyAll(store, { pageSize: 2 });
    expect(result).toEqual({
      ok: false,
      eventsChecked: 2,
      firstBroken: {
        streamId: 'station-1',
        revision: 1n,
        eventId: target.id,
        position: target.position,
        problem: 'HASH_MISMATCH',
        expected: expect.stringMatching(/^[0-9a-f]{64}$/),
        actual: target.hash,
      },
    });
  });

  it('names the event whose stored hash was overwritten', async () => {
    const events = await store.readStream('station-1');
    tamper(`UPDATE event_log SET hash = '${'0'.repeat(64)}' WHERE event_id = '${events[1].id}'`);
    expect(await verifyAll(store)).toMatchObject({ ok: false, firstBroken: { eventId: events[1].id, problem: 'HASH_MISMATCH' } });
  });

  it('names the event after a deleted one', async () => {
    const events = await store.readStream('station-1');
    tamper(`DELETE FROM event_log WHERE event_id = '${events[1].id}'`);
    expect(await verifyAll(store)).toMatchObject({
      ok: false,
      firstBroken: { eventId: events[2].id, problem: 'REVISION_GAP', expected: '1', actual: '2' },
    });
  });

  it('names an event whose previous_hash was rewritten', async () => {
    const [event] = await store.readStream('provider-1', { fromRevision: 1n });
    tamper(`UPDATE event_log SET previous_hash = '${'a'.repeat(64)}' WHERE event_id = '${event.id}'`);
    expect(await verifyAll(store)).toMatchObject({
      ok: false,
      eventsChecked: 5,
      firstBroken: { eventId: event.id, problem: 'PREVIOUS_HASH_MISMATCH', actual: 'a'.repeat(64) },
    });
  });
});
