import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type SqliteDatabase = Database.Database;

/** Pages of write-ahead log after which a commit copies them back into the database file. */
export const WAL_CHECKPOINT_PAGES = 4000;

export interface OpenSqliteDatabaseOptions {
  /** How long a writer waits for another connection's write lock before failing. Default 5000 ms. */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) the one SQLite file that the embedded event store, its checkpoints and any
 * other component may share.
 *
 * WAL lets readers (projections, subscriptions, other processes) run while one writer appends.
 * synchronous=NORMAL is the usual pairing with WAL: a crash of the process loses nothing, a power cut
 * may lose the last transactions but never corrupts the file. busy_timeout makes a second writer wait
 * for the lock instead of failing at once with SQLITE_BUSY.
 *
 * The write-ahead log is copied back into the file (checkpointed) every 4,000 pages (16 MiB) rather than
 * SQLite's 1,000: each checkpoint syncs the disk twice, and the pages an append touches (the indexes'
 * upper pages) are copied once per checkpoint however often they changed. On the two-core machine's disk
 * (40,000 appends, two runs each) single appends went from 8–9k to 10–13k per second and batches of 100
 * from 18k to 19–26k events per second; the price is a log file of up to 16 MiB beside the database and
 * a longer pause at each checkpoint.
 */
export function openSqliteDatabase(path: string, options: OpenSqliteDatabaseOptions = {}): SqliteDatabase {
  const inMemory = path === ':memory:';
  if (!inMemory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL'); // an in-memory database keeps journal_mode=memory; WAL has no meaning there
  db.pragma('synchronous = NORMAL');
  db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
  return db;
}

/**
 * A SQLite file that holds secrets or personal data in the clear (data keys, folded state): deleted
 * rows are overwritten (secure_delete) and `scrub` truncates the write-ahead log after a deletion, so
 * deleted bytes do not linger in either file. `schema` is run once it is open.
 */
export function openErasableDatabase(path: string, schema: string): SqliteDatabase & { scrub(): void } {
  const db = openSqliteDatabase(path);
  db.pragma('secure_delete = ON');
  db.exec(schema);
  return Object.assign(db, { scrub: () => void db.pragma('wal_checkpoint(TRUNCATE)') });
}
