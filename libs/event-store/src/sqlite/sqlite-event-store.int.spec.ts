import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../contract/event-store.contract';
import { openSqliteDatabase } from './open-sqlite-database';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store';
import { SqliteEventStore } from './sqlite-event-store';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sme-event-store-'));
}

// A long poll interval: the contract's live cases must then be served by the in-process notifier.
eventStoreContract(
  'SqliteEventStore contract (file)',
  async () => {
    const dir = tempDir();
    const store = new SqliteEventStore(join(dir, 'nested', 'ledger.db'), { pollIntervalMs: 60_000 });
    return {
      store,
      checkpoints: new SqliteCheckpointStore(store.db),
      dispose: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  { startsEmpty: true },
);

eventStoreContract(
  'SqliteEventStore contract (:memory:, shared connection)',
  async () => {
    const db = openSqliteDatabase(':memory:');
    const store = new SqliteEventStore(db, { pollIntervalMs: 60_000, subscriptionPageSize: 2 });
    return {
      store,
      checkpoints: new SqliteCheckpointStore(db),
      dispose: async () => {
        await store.close();
        db.close();
      },
    };
  },
  { startsEmpty: true },
);
