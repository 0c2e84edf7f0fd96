import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEvent } from '../contract/contract-helpers';
import { computeEventHash, verifyAll } from '../hash-chain';
import { SqliteEventStore } from './sqlite-event-store';

/** The chains' hash is chosen when the store is created, recorded in it, and followed by every later reader. */
describe('SqliteEventStore: the hash recorded at creation (国密 profile)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sme-hash-'));
    file = join(dir, 'ledger.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('hashes with SM3 when created so, and every reader after follows the record', async () => {
    const created = new SqliteEventStore(file, { hashAlgorithm: 'sm3' });
    await created.append('station-1', [testEvent('Opened', { name: '天河站' }), testEvent('Named', { name: '天河服务站' })], 'no_stream');
    await created.close();

    const reader = new SqliteEventStore(file);
    try {
      expect(reader.hashAlgorithm).toBe('sm3');
      const [first] = await reader.readStream('station-1');
      expect(first.hash).toBe(computeEventHash(first, null, 'sm3'));
      expect(first.hash).not.toBe(computeEventHash(first, null, 'sha256'));
      expect(await verifyAll(reader)).toMatchObject({ ok: true, eventsChecked: 2 });
    } finally {
      await reader.close();
    }
  });

  it('refuses to switch an existing store to another hash', async () => {
    await new SqliteEventStore(file, { hashAlgorithm: 'sm3' }).close();
    expect(() => new SqliteEventStore(file, { hashAlgorithm: 'sha256' })).toThrow('created with sm3; it cannot switch to sha256');
  });

  it('records SHA-256 for a store written before the record existed, and keeps it', async () => {
    const old = new SqliteEventStore(file);
    await old.append('station-1', [testEvent('Opened', { name: '天河站' })], 'no_stream');
    await old.close();
    const raw = new Database(file);
    raw.prepare('DROP TABLE ledger_meta').run();
    raw.close();
    expect(() => new SqliteEventStore(file, { hashAlgorithm: 'sm3' })).toThrow('holds events hashed with sha256');
    const reopened = new SqliteEventStore(file);
    try {
      expect(reopened.hashAlgorithm).toBe('sha256');
      expect(await verifyAll(reopened)).toMatchObject({ ok: true });
    } finally {
      await reopened.close();
    }
  });

  it('finds an SM3 chain altered behind the store', async () => {
    const store = new SqliteEventStore(file, { hashAlgorithm: 'sm3' });
    try {
      await store.append('station-1', [testEvent('Opened', { name: '天河站' })], 'no_stream');
      const raw = new Database(file);
      raw.prepare(`UPDATE event_log SET data = '{"name":"白云站"}'`).run();
      raw.close();
      expect(await verifyAll(store)).toMatchObject({ ok: false, firstBroken: { problem: 'HASH_MISMATCH' } });
    } finally {
      await store.close();
    }
  });
});
