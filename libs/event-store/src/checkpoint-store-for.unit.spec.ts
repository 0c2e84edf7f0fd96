import { SqliteCheckpointStore, SqliteEventStore } from './index';
import { KurrentDbCheckpointStore, KurrentDbEventStore } from './kurrentdb';
import { checkpointStoreFor } from './checkpoint-store-for';
import type { EventStore } from './event-store.port';

describe('checkpointStoreFor', () => {
  it('keeps the embedded store’s checkpoints in its own SQLite file', async () => {
    const store = new SqliteEventStore(':memory:');
    try {
      const checkpoints = await checkpointStoreFor(store);
      expect(checkpoints).toBeInstanceOf(SqliteCheckpointStore);
      await checkpoints.store('relay:sme.', 42n);
      expect(await new SqliteCheckpointStore(store.db).load('relay:sme.')).toBe(42n);
    } finally {
      await store.close();
    }
  });

  it('uses checkpoint streams on KurrentDB', async () => {
    const store = new KurrentDbEventStore('kurrentdb://127.0.0.1:1?tls=false');
    try {
      expect(await checkpointStoreFor(store)).toBeInstanceOf(KurrentDbCheckpointStore);
    } finally {
      await store.close();
    }
  });

  it('refuses a store it does not know', async () => {
    class SomeOtherStore {}
    await expect(checkpointStoreFor(new SomeOtherStore() as unknown as EventStore)).rejects.toThrow(/SomeOtherStore/);
  });
});
