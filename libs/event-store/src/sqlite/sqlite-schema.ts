import type { SqliteDatabase } from './open-sqlite-database';

/**
 * Table names are specific (event_log, subscription_checkpoints) because the file is shared with other components.
 *
 * event_log.position is the rowid, assigned explicitly as MAX(position)+1 inside the write transaction,
 * so the global log is gap-free (1, 2, 3, …) and a reader that saw position n has seen everything <= n.
 */
export function ensureEventLogSchema(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS event_log (
      position       INTEGER PRIMARY KEY,
      event_id       TEXT    NOT NULL,
      stream_id      TEXT    NOT NULL,
      revision       INTEGER NOT NULL,
      type           TEXT    NOT NULL,
      schema_version INTEGER NOT NULL,
      data           TEXT    NOT NULL,
      metadata       TEXT    NOT NULL,
      hash           TEXT    NOT NULL,
      previous_hash  TEXT,
      CONSTRAINT event_log_event_id_unique UNIQUE (event_id),
      CONSTRAINT event_log_stream_revision_unique UNIQUE (stream_id, revision)
    ) STRICT;
  `);
}

/**
 * What the ledger records about itself when it is created: `hash_algorithm`, the hash of its chains
 * (sha256, or sm3 under the 国密 profile). A store from before the table records sha256, what it used.
 */
export function ensureLedgerMetaSchema(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS ledger_meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `);
}

export function ensureCheckpointSchema(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS subscription_checkpoints (
      subscriber TEXT    PRIMARY KEY,
      position   INTEGER NOT NULL,
      updated_at TEXT    NOT NULL
    ) STRICT;
  `);
}
