/**
 * Run as a separate Node process by the SQLite integration test: appends events to a ledger file, the way
 * a second API instance or a CLI would, so that only polling can tell the test's process about them.
 * Usage: append-from-another-process <file> <streamId> <eventId>...
 */
import { SqliteEventStore } from '../sqlite-event-store';

async function main(): Promise<void> {
  const [file, streamId, ...eventIds] = process.argv.slice(2);
  const store = new SqliteEventStore(file);
  const now = new Date().toISOString();
  await store.append(
    streamId,
    eventIds.map((id) => ({
      id,
      type: 'AppendedElsewhere',
      schemaVersion: 1,
      data: { pid: process.pid },
      metadata: {
        occurredAt: now,
        recordedAt: now,
        actor: { id: 'cli', role: 'ADMIN', orgId: 'org', regionCode: '440100' },
        correlationId: id,
        causationId: null,
      },
    })),
    'any',
  );
  await store.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
