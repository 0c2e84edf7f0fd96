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
 * Remembers the first answer to each (actor, Idempotency-Key) so a retry gets it again and
 * writes nothing. A key is reserved before the command runs, so two concurrent retries cannot
 * both execute it.
 */
export class IdempotencyStore {
  private readonly reserveStmt;
  private readonly getStmt;
  private readonly completeStmt;
  private readonly releaseStmt;

  constructor(private readonly db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      scope TEXT PRIMARY KEY,
      fingerprint TEXT NOT NULL,
      status INTEGER,
      body TEXT,
      headers TEXT,
      created_at TEXT NOT NULL
    )`);
    this.reserveStmt = db.prepare(
      `INSERT INTO idempotency_keys (scope, fingerprint, created_at) VALUES (?, ?, ?) ON CONFLICT(scope) DO NOTHING`,
    );
    this.getStmt = db.prepare(`SELECT fingerprint, status, body, headers FROM idempotency_keys WHERE scope = ?`);
    this.completeStmt = db.prepare(`UPDATE idempotency_keys SET status = ?, body = ?, headers = ? WHERE scope = ?`);
    this.releaseStmt = db.prepare(`DELETE FROM idempotency_keys WHERE scope = ? AND status IS NULL`);
  }

  reserve(scope: string, fingerprint: string, now: Date): Reservation {
    const inserted = this.reserveStmt.run(scope, fingerprint, now.toISOString()).changes === 1;
    if (inserted) return { state: 'reserved' };
    const row = this.getStmt.get(scope) as
      | { fingerprint: string; status: number | null; body: string | null; headers: string | null }
      | undefined;
    if (!row) return this.reserve(scope, fingerprint, now); // released in between
    if (row.fingerprint !== fingerprint) return { state: 'mismatch' };
    if (row.status === null) return { state: 'in-progress' };
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
