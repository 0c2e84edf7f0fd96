import { join } from 'node:path';
import type { EventStore } from './event-store.port';
import { openSqliteDatabase } from './sqlite/open-sqlite-database';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

/** The configured adapter: KurrentDB when a URL is given, else the embedded SQLite file under dataDir. */
export async function createEventStore(options: { url?: string; dataDir: string }): Promise<{ store: EventStore; description: string }> {
  if (options.url) {
    // Loaded only when configured: the embedded default never loads the gRPC client.
    const { KurrentDbEventStore } = await import('./kurrentdb');
    return { store: new KurrentDbEventStore(options.url), description: 'KurrentDB/EventStoreDB (EVENTSTORE_URL)' };
  }
  const file = join(options.dataDir, 'events.sqlite');
  return { store: new SqliteEventStore(openSqliteDatabase(file)), description: `the embedded store ${file}` };
}
