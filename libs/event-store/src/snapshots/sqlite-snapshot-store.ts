import { deserialize, serialize } from 'node:v8';
import { openErasableDatabase, type SqliteDatabase } from '../sqlite/open-sqlite-database';
import type { Snapshot, SnapshotStore } from './snapshot-store';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS snapshots (
    stream_id         TEXT    PRIMARY KEY,
    version           TEXT    NOT NULL,
    revision          INTEGER NOT NULL,
    last_hash         TEXT    NOT NULL,
    first_occurred_at TEXT    NOT NULL,
    last_occurred_at  TEXT    NOT NULL,
    state             BLOB    NOT NULL
  ) STRICT;`;

type SnapshotRow = { version: string; revision: bigint; last_hash: string; first_occurred_at: string; last_occurred_at: string; state: Buffer };

/**
 * The embedded snapshot store: its own SQLite file (`DATA_DIR/snapshots.sqlite` by default), one row
 * per stream. States are kept in V8's serialisation (Dates, Maps, bigints and undefined survive it).
 * Folded state holds personal data in the clear: the file is erasable, as the key store's is.
 */
export class SqliteSnapshotStore implements SnapshotStore {
  private readonly db: ReturnType<typeof openErasableDatabase>;
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(path: string) {
    this.db = openErasableDatabase(path, SCHEMA);
    this.statements = prepareStatements(this.db);
  }

  async load<State>(streamId: string, version: string): Promise<Snapshot<State> | undefined> {
    const row = this.statements.load.get(streamId);
    if (!row || row.version !== version) return undefined;
    return {
      streamId,
      version,
      revision: row.revision,
      lastHash: row.last_hash,
      firstOccurredAt: row.first_occurred_at,
      lastOccurredAt: row.last_occurred_at,
      state: deserialize(row.state) as State,
    };
  }

  async save(snapshot: Snapshot): Promise<void> {
    const { streamId, version, revision, lastHash, firstOccurredAt, lastOccurredAt, state } = snapshot;
    this.statements.save.run(streamId, version, revision, lastHash, firstOccurredAt, lastOccurredAt, serialize(state));
  }

  async forget(streamIds: readonly string[]): Promise<void> {
    this.db.transaction(() => {
      for (const streamId of streamIds) this.statements.forget.run(streamId);
    })();
    this.db.scrub();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function prepareStatements(db: SqliteDatabase) {
  return {
    load: db
      .prepare<[string], SnapshotRow>('SELECT version, revision, last_hash, first_occurred_at, last_occurred_at, state FROM snapshots WHERE stream_id = ?')
      .safeIntegers(true),
    save: db.prepare<[string, string, bigint, string, string, string, Buffer]>(
      `INSERT INTO snapshots (stream_id, version, revision, last_hash, first_occurred_at, last_occurred_at, state) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, revision = excluded.revision, last_hash = excluded.last_hash,
         first_occurred_at = excluded.first_occurred_at, last_occurred_at = excluded.last_occurred_at, state = excluded.state`,
    ),
    forget: db.prepare<[string]>('DELETE FROM snapshots WHERE stream_id = ?'),
  };
}
