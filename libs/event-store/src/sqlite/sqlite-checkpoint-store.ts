import type { CheckpointStore } from '../event-store.port';
import type { SqliteDatabase } from './open-sqlite-database';
import { ensureCheckpointSchema } from './sqlite-schema';

/**
 * Checkpoints in the same SQLite file as the events, so a projection writing its read model to that file
 * can store its checkpoint in the same transaction as the rows it derived.
 */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly loadStatement;
  private readonly storeStatement;

  constructor(db: SqliteDatabase) {
    ensureCheckpointSchema(db);
    this.loadStatement = db
      .prepare<[string], bigint>('SELECT position FROM subscription_checkpoints WHERE subscriber = ?')
      .pluck()
      .safeIntegers(true);
    this.storeStatement = db.prepare<[string, bigint, string]>(
      `INSERT INTO subscription_checkpoints (subscriber, position, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (subscriber) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    );
  }

  async load(subscriberName: string): Promise<bigint | undefined> {
    return this.loadStatement.get(subscriberName) ?? undefined;
  }

  async store(subscriberName: string, position: bigint): Promise<void> {
    this.storeStatement.run(subscriberName, position, new Date().toISOString());
  }
}
