import { join } from 'node:path';
import type { EventStore } from './event-store.port';
import type { ChainHashAlgorithm } from './hash-chain';
import { openSqliteDatabase } from './sqlite/open-sqlite-database';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

/** The configured adapter: KurrentDB when a URL is given, else the embedded SQLite file under dataDir. */
export async function createEventStore(options: { url?: string; dataDir: string; hashAlgorithm?: ChainHashAlgorithm }): Promise<{ store: EventStore; description: string }> {
  if (options.url) {
    if (options.hashAlgorithm !== undefined && options.hashAlgorithm !== 'sha256') {
      throw new Error(`The ${options.hashAlgorithm} chain hash is recorded by the embedded store only; the KurrentDB adapter hashes with sha256`);
    }
    // Loaded only when configured: the embedded default never loads the gRPC client.
    const { KurrentDbEventStore } = await import('./kurrentdb');
    return { store: new KurrentDbEventStore(options.url), description: 'KurrentDB/EventStoreDB (EVENTSTORE_URL)' };
  }
  const file = join(options.dataDir, 'events.sqlite');
  const store = new SqliteEventStore(openSqliteDatabase(file), options.hashAlgorithm === undefined ? {} : { hashAlgorithm: options.hashAlgorithm });
  return { store, description: `the embedded store ${file} (${store.hashAlgorithm} chains)` };
}
