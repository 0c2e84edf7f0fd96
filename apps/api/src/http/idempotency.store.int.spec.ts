import Database from 'better-sqlite3';
import { IdempotencyStore } from './idempotency.store';

const hour = 3600_000;
const at = (ms: number) => new Date(Date.parse('2026-12-01T00:00:00Z') + ms);

describe('IdempotencyStore', () => {
  let db: Database.Database;
  beforeEach(() => (db = new Database(':memory:')));
  afterEach(() => db.close());

  it('keeps a key in progress for its own process, and hands a completed answer back', () => {
    const store = new IdempotencyStore(db, { ttlMs: 24 * hour, owner: 'process-1' });
    expect(store.reserve('k', 'f', at(0))).toEqual({ state: 'reserved' });
    expect(store.reserve('k', 'f', at(1000))).toEqual({ state: 'in-progress' });
    expect(store.reserve('k', 'other', at(1000))).toEqual({ state: 'mismatch' });
    store.complete('k', 201, { id: 'x' }, { location: '/calls/x' });
    expect(store.reserve('k', 'f', at(2000))).toMatchObject({ state: 'completed', response: { status: 201, body: { id: 'x' }, headers: { location: '/calls/x' } } });
  });

  it('lets a retry take over a key left in progress by a process that is gone, once', () => {
    new IdempotencyStore(db, { ttlMs: 24 * hour, owner: 'crashed' }).reserve('k', 'f', at(0));
    const restarted = new IdempotencyStore(db, { ttlMs: 24 * hour, owner: 'restarted' });
    expect(restarted.reserve('k', 'f', at(1000))).toEqual({ state: 'reserved' });
    // The retry now runs under the new process: a second one at the same time waits for it.
    expect(restarted.reserve('k', 'f', at(2000))).toEqual({ state: 'in-progress' });
  });

  it('forgets a key after its time to live, so it may be used afresh', () => {
    const store = new IdempotencyStore(db, { ttlMs: 24 * hour, owner: 'p' });
    store.reserve('k', 'f', at(0));
    store.complete('k', 200, { ok: true }, {});
    expect(store.reserve('k', 'another request', at(24 * hour - 1))).toEqual({ state: 'mismatch' });
    expect(store.reserve('k', 'another request', at(24 * hour + 1))).toEqual({ state: 'reserved' });
  });

  it('adds the owner column to a table from before it', () => {
    db.exec(`CREATE TABLE idempotency_keys (scope TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, status INTEGER, body TEXT, headers TEXT, created_at TEXT NOT NULL)`);
    db.prepare(`INSERT INTO idempotency_keys (scope, fingerprint, created_at) VALUES ('old', 'f', ?)`).run(at(0).toISOString());
    const store = new IdempotencyStore(db, { ttlMs: 24 * hour, owner: 'new' });
    expect(store.reserve('old', 'f', at(1000))).toEqual({ state: 'reserved' });
  });
});
