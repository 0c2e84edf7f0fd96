import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FALLBACK_CHECKPOINT_PAGES, backgroundCheckpoints } from './background-checkpoints';

export type SqliteDatabase = Database.Database;

/** Pages of write-ahead log after which a commit copies them back into the database file. */
export const WAL_CHECKPOINT_PAGES = 4000;

/**
 * The most a connection keeps of its file's pages in memory, in KiB (SQLite's default is 2,000 KiB).
 * Memory is taken only as pages are read. See `openSqliteDatabase`.
 */
export const PAGE_CACHE_KIB = 65_536;

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
 *
 * Each connection keeps up to `PAGE_CACHE_KIB` (64 MiB) of pages in memory rather than SQLite's 2 MiB.
 * A command looks up index pages of the log (a stream's tail, an event id) and of the documents at
 * places that do not repeat, and 2 MiB likely holds too few of them (not measured page by page). On the
 * two-core machine's HTTP bench (two runs of each, alternated), the materials command went from 784–906
 * to 1,036–1,050 requests a second at 16 clients, a new draft from 382–466 to 531, and reading a
 * stream that has no events yet from about 60 µs to 45 µs.
 *
 * In the API, the projector and the relay (`backgroundCheckpoints.enable()`), a file database is
 * checkpointed by a worker thread instead, every 100 ms (every 5 ms while a long log still grows), and
 * a commit does it only past 40,000 pages: that pause (16–18 ms per checkpoint in the API at 700
 * appends a second) no longer holds up the event loop. See background-checkpoints.ts.
 */
export function openSqliteDatabase(path: string, options: OpenSqliteDatabaseOptions = {}): SqliteDatabase {
  const inMemory = path === ':memory:';
  if (!inMemory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL'); // an in-memory database keeps journal_mode=memory; WAL has no meaning there
  db.pragma('synchronous = NORMAL');
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`); // negative: KiB, not pages
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
  if (inMemory || !backgroundCheckpoints.enabled) {
    db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    return db;
  }
  // Checkpointed by the worker thread (background-checkpoints.ts); on commit only as a fallback.
  db.pragma(`wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`);
  const file = resolve(path);
  backgroundCheckpoints.watch(file);
  const close = db.close.bind(db);
  return Object.assign(db, {
    close: () => {
      if (db.open) backgroundCheckpoints.forget(file);
      return close();
    },
  });
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
