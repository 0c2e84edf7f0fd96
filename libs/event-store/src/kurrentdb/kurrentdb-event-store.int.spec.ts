import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { eventStoreContract } from '../contract/event-store.contract';
import { KurrentDbCheckpointStore } from './kurrentdb-checkpoint-store';
import { KurrentDbEventStore } from './kurrentdb-event-store';

// Needs a running KurrentDB / EventStoreDB, e.g. EVENTSTORE_URL='esdb://localhost:2113?tls=false'.
// Stream ids are random per case, so a server shared with other runs is fine.
const url = process.env.EVENTSTORE_URL;

eventStoreContract(
  'KurrentDB contract',
  async () => {
    const client = KurrentDBClient.connectionString(url as string);
    const store = new KurrentDbEventStore(client);
    return {
      store,
      checkpoints: new KurrentDbCheckpointStore(client),
      dispose: async () => {
        await store.close();
        await client.dispose();
      },
    };
  },
  { skipReason: url ? undefined : 'set EVENTSTORE_URL=esdb://… to run', timeoutMs: 30_000, eventTimeoutMs: 10_000 },
);
