import type { CheckpointStore, EventStore } from './event-store.port';
import { ProtectedEventStore } from './personal-data/protected-event-store';
import { SqliteCheckpointStore } from './sqlite/sqlite-checkpoint-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

/**
 * The checkpoint store that lives with an event store: the `subscription_checkpoints` table of the
 * embedded store's own SQLite file, or `checkpoint-<name>` streams on KurrentDB. Sharing the event
 * store's connection means the relay needs nothing else to be configured, and every process that can
 * read the events (the API, apps/relay) can read the relay's checkpoint too.
 */
export async function checkpointStoreFor(store: EventStore): Promise<CheckpointStore> {
  if (store instanceof ProtectedEventStore) return checkpointStoreFor(store.kept);
  if (store instanceof SqliteEventStore) return new SqliteCheckpointStore(store.db);
  // Loaded only here, so the embedded default never loads the gRPC client.
  const { KurrentDbEventStore, KurrentDbCheckpointStore } = await import('./kurrentdb');
  if (store instanceof KurrentDbEventStore) return new KurrentDbCheckpointStore(store.client);
  throw new Error(`No checkpoint store is known for ${store.constructor.name}`);
}
