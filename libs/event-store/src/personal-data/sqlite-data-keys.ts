import { randomUUID } from 'node:crypto';
import { openErasableDatabase } from '../sqlite/open-sqlite-database';
import type { DataKeys } from './data-keys';
import type { DataKey } from './field-cipher';

type KeyRow = { id: string; subject: string; key: Buffer };

/**
 * The embedded key store: its own SQLite file (`DATA_DIR/keys.sqlite` by default), apart from the
 * events. Erased keys are deleted with secure_delete on and the write-ahead log truncated, so their
 * bytes do not linger in the file; each erasure leaves its subject and time.
 */
export class SqliteDataKeys implements DataKeys {
  private readonly db: ReturnType<typeof openErasableDatabase>;
  private readonly statements: ReturnType<SqliteDataKeys['prepare']>;
  private erasing = 0;
  /** SQLite's data_version as read in this turn of the event loop; undefined from the next turn on. */
  private dataVersionThisTurn: number | undefined;

  constructor(path: string) {
    this.db = openErasableDatabase(
      path,
      `CREATE TABLE IF NOT EXISTS data_keys (id TEXT PRIMARY KEY, subject TEXT NOT NULL, key BLOB NOT NULL, created_at TEXT NOT NULL);
       CREATE INDEX IF NOT EXISTS data_keys_subject ON data_keys (subject, created_at);
       CREATE TABLE IF NOT EXISTS erased_subjects (subject TEXT NOT NULL, erased_at TEXT NOT NULL);
       CREATE INDEX IF NOT EXISTS erased_subjects_subject ON erased_subjects (subject);`,
    );
    this.statements = this.prepare();
  }

  private prepare() {
    return {
      latest: this.db.prepare<[string], KeyRow>('SELECT id, subject, key FROM data_keys WHERE subject = ? ORDER BY created_at DESC, rowid DESC LIMIT 1'),
      insert: this.db.prepare('INSERT INTO data_keys (id, subject, key, created_at) VALUES (?, ?, ?, ?)'),
      byId: this.db.prepare<[string], KeyRow>('SELECT id, subject, key FROM data_keys WHERE id = ?'),
      dataVersion: this.db.prepare<[], number>('PRAGMA data_version').pluck(),
      // Made once: better-sqlite3 builds four wrapper functions for every `db.transaction(...)`.
      inTransaction: this.db.transaction((body: () => void) => body()),
    };
  }

  async currentKeys(subjects: readonly string[], newKey: () => Buffer): Promise<Map<string, DataKey>> {
    const { latest, insert } = this.statements;
    const found = new Map<string, DataKey>();
    this.statements.inTransaction(() => {
      for (const subject of new Set(subjects)) {
        const row = latest.get(subject);
        if (row) {
          found.set(subject, { id: row.id, key: row.key });
          continue;
        }
        const key = { id: randomUUID().replace(/-/g, ''), key: newKey() };
        insert.run(key.id, subject, key.key, new Date().toISOString());
        found.set(subject, key);
      }
    });
    return found;
  }

  async keysById(ids: readonly string[]): Promise<Map<string, DataKey>> {
    const found = new Map<string, DataKey>();
    for (const id of new Set(ids)) {
      const row = this.statements.byId.get(id);
      if (row) found.set(row.id, { id: row.id, key: row.key });
    }
    return found;
  }

  async subjectsOf(streamId: string): Promise<string[]> {
    const prefix = `${streamId}#`;
    const rows = this.db
      .prepare<[string, string, string, string], { subject: string }>(
        'SELECT subject FROM data_keys WHERE substr(subject, 1, length(?)) = ? UNION SELECT subject FROM erased_subjects WHERE substr(subject, 1, length(?)) = ? ORDER BY subject',
      )
      .all(prefix, prefix, prefix, prefix);
    return rows.map((row) => row.subject);
  }

  async erasedOf(streamId: string): Promise<string[]> {
    const prefix = `${streamId}#`;
    const rows = this.db
      .prepare<[string, string], { subject: string }>(
        'SELECT DISTINCT subject FROM erased_subjects WHERE substr(subject, 1, length(?)) = ? AND subject NOT IN (SELECT subject FROM data_keys) ORDER BY subject',
      )
      .all(prefix, prefix);
    return rows.map((row) => row.subject);
  }

  /**
   * This process's erasures, and SQLite's data_version, which changes with every commit another
   * connection makes to the file (an erasure among them). The data_version is read once per turn of the
   * event loop (each read is a statement, about 6 µs, and every append and every event a subscription
   * delivers asks): another process's erasure is seen from the next turn, as if read when the turn began.
   */
  erasures(): string {
    if (this.dataVersionThisTurn === undefined) {
      this.dataVersionThisTurn = this.statements.dataVersion.get()!;
      setImmediate(() => (this.dataVersionThisTurn = undefined)).unref();
    }
    return `${this.erasing}:${this.dataVersionThisTurn}`;
  }

  async erase(subjects: readonly string[], at: Date): Promise<string[]> {
    this.erasing += 1;
    const erased: string[] = [];
    const remove = this.db.prepare('DELETE FROM data_keys WHERE subject = ?');
    const note = this.db.prepare('INSERT INTO erased_subjects (subject, erased_at) VALUES (?, ?)');
    this.db.transaction(() => {
      for (const subject of new Set(subjects)) {
        if (remove.run(subject).changes > 0) {
          note.run(subject, at.toISOString());
          erased.push(subject);
        }
      }
    })();
    this.db.scrub();
    return erased.sort();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
