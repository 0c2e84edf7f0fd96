import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';

export interface StoredResponse {
  fingerprint: string;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export type Reservation =
  | { state: 'reserved' }
  | { state: 'in-progress' }
  | { state: 'completed'; response: StoredResponse }
  | { state: 'mismatch' };

/**
 * Remembers the first answer to each (principal, Idempotency-Key) so a retry gets it again and
 * writes nothing. A key is reserved before the command runs, so two concurrent retries cannot
 * both execute it. A key lives `ttlMs` (then it may be used afresh); a key left in progress by a
 * process that is gone (a crash mid-request; every process has its own `owner`) is taken over by
 * the retry, which runs the command again — its event ids derive from the key, so what the first
 * attempt wrote is not written twice.
 */
export class IdempotencyStore {
  private readonly reserveStmt;
  private readonly getStmt;
  private readonly completeStmt;
  private readonly releaseStmt;
  private readonly takeOverStmt;
  private readonly forgetStmt;

  constructor(
    private readonly db: Database,
    private readonly options: { ttlMs: number; owner: string } = { ttlMs: 24 * 3600_000, owner: randomUUID() },
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      scope TEXT PRIMARY KEY,
      fingerprint TEXT NOT NULL,
      status INTEGER,
      body TEXT,
      headers TEXT,
      created_at TEXT NOT NULL
    )`);
    const columns = (db.prepare(`PRAGMA table_info(idempotency_keys)`).all() as { name: string }[]).map((c) => c.name);
    if (!columns.includes('owner')) db.exec(`ALTER TABLE idempotency_keys ADD COLUMN owner TEXT`);
    this.reserveStmt = db.prepare(
      `INSERT INTO idempotency_keys (scope, fingerprint, created_at, owner) VALUES (?, ?, ?, ?) ON CONFLICT(scope) DO NOTHING`,
    );
    this.getStmt = db.prepare(`SELECT fingerprint, status, body, headers, created_at, owner FROM idempotency_keys WHERE scope = ?`);
    this.completeStmt = db.prepare(`UPDATE idempotency_keys SET status = ?, body = ?, headers = ? WHERE scope = ?`);
    this.releaseStmt = db.prepare(`DELETE FROM idempotency_keys WHERE scope = ? AND status IS NULL`);
    this.takeOverStmt = db.prepare(`UPDATE idempotency_keys SET owner = ? WHERE scope = ? AND status IS NULL AND owner IS NOT ?`);
    this.forgetStmt = db.prepare(`DELETE FROM idempotency_keys WHERE scope = ? AND created_at = ?`);
  }

  reserve(scope: string, fingerprint: string, now: Date): Reservation {
    const inserted = this.reserveStmt.run(scope, fingerprint, now.toISOString(), this.options.owner).changes === 1;
    if (inserted) return { state: 'reserved' };
    const row = this.getStmt.get(scope) as
      | { fingerprint: string; status: number | null; body: string | null; headers: string | null; created_at: string; owner: string | null }
      | undefined;
    if (!row) return this.reserve(scope, fingerprint, now); // released in between
    if (now.getTime() - Date.parse(row.created_at) > this.options.ttlMs) {
      // Expired: the key starts afresh.
      this.forgetStmt.run(scope, row.created_at);
      return this.reserve(scope, fingerprint, now);
    }
    if (row.fingerprint !== fingerprint) return { state: 'mismatch' };
    if (row.status === null) {
      // Left in progress by a process that is gone: this retry takes it over and runs it again.
      if (row.owner !== this.options.owner && this.takeOverStmt.run(this.options.owner, scope, this.options.owner).changes === 1) return { state: 'reserved' };
      return { state: 'in-progress' };
    }
    return {
      state: 'completed',
      response: {
        fingerprint: row.fingerprint,
        status: Number(row.status),
        body: row.body === null ? undefined : JSON.parse(row.body),
        headers: row.headers ? JSON.parse(row.headers) : {},
      },
    };
  }

  complete(scope: string, status: number, body: unknown, headers: Record<string, string>): void {
    this.completeStmt.run(status, JSON.stringify(body ?? null), JSON.stringify(headers), scope);
  }

  release(scope: string): void {
    this.releaseStmt.run(scope);
  }
}
