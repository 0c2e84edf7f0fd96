import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { applicationKind } from '@sme/domain';
import { BACKGROUND_CHECKPOINT_MS, SqliteEventStore, backgroundCheckpoints, canonicalJson, openSqliteDatabase, type EventToAppend, type ExpectedRevision } from '@sme/event-store';
import { ensureEventLogSchema } from '@sme/event-store/sqlite/sqlite-schema';
import { materialAttached, range } from './support/fixtures';
import { collectGarbage } from './support/memory';
import { summarize } from './support/stats';
import { formatBytes, printTable, type Cell } from './support/table';

export interface AppendBenchOptions {
  /** Appends of one event each. */
  singleAppends: number;
  /** Batched runs: `count` appends of `size` events each. */
  batches: { size: number; count: number }[];
  /** Streams the appends rotate over (each append names its exact expected revision). */
  streams: number;
}

/**
 * (b) Raw append throughput of the embedded store on a file database (WAL, synchronous=NORMAL, as the
 * API opens it). Events are built before timing; the timed part is `store.append` alone, which includes
 * the expected-revision check, the hash chain and the insert in one IMMEDIATE transaction.
 */
export async function benchAppend(options: AppendBenchOptions): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sme-ledger-bench-append-'));
  // As the API opens its files: the log copied back on a worker thread (background-checkpoints.ts).
  backgroundCheckpoints.enable();
  const file = join(dir, 'events.sqlite');
  const store = new SqliteEventStore(file);
  try {
    // Warm-up: statement caches, the file's first pages, the JIT.
    await appendRun(store, 'warm-up', 1, 500, 10);

    const rows: Cell[][] = [];
    const runs = [{ size: 1, count: options.singleAppends }, ...options.batches];
    for (const { size, count } of runs) {
      process.stdout.write(`  appending ${count} × ${size} event(s)…\n`);
      const run = await appendRun(store, `run-${size}`, size, count, options.streams);
      const bare = bareInsertRun(join(dir, `bare-${size}.sqlite`), size, count, options.streams);
      const latency = summarize(run.latencies);
      const eventsPerSecond = (size * count * 1000) / run.elapsedMs;
      const bareEventsPerSecond = (size * count * 1000) / bare.elapsedMs;
      rows.push([
        size === 1 ? 'single event' : `batch of ${size}`,
        count,
        size * count,
        eventsPerSecond,
        (count * 1000) / run.elapsedMs,
        latency.p50,
        latency.p99,
        bareEventsPerSecond,
        `${Math.round((eventsPerSecond / bareEventsPerSecond) * 100)} %`,
      ]);
    }

    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const total = Number((await store.headPosition()).toString());
    const bytes = statSync(file).size;
    printTable(
      `(b) Embedded store append throughput — SqliteEventStore on a file (WAL, synchronous=NORMAL, the log checkpointed on a worker thread every ${BACKGROUND_CHECKPOINT_MS} ms)`,
      ['appends', 'calls', 'events', 'events/s', 'appends/s', 'p50 ms', 'p99 ms', 'bare events/s', 'of bare'],
      rows,
      [
        `Each call appends to one of ${options.streams} streams with its exact expected revision; events are ApplicationMaterialAttached with full metadata and time-ordered ids, as the API makes them (ADR 15).`,
        'p50/p99: latency of one append call (the whole batch). Each timed part, the store\'s and the bare one, starts after a full garbage collection.',
        'bare: better-sqlite3 alone inserting the same rows (same table and indexes, same file settings, the same streams and revisions; JSON, hashes and revisions computed before timing), one IMMEDIATE transaction per call — the reference.',
        `Database after ${total.toLocaleString('en-US')} events: ${formatBytes(bytes)} (${Math.round(bytes / total)} B per event incl. indexes).`,
      ],
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The reference: better-sqlite3 inserting the very rows the store writes (the event_log table with its
 * indexes, on a file opened the same way), with everything the store computes done before timing.
 */
function bareInsertRun(file: string, size: number, count: number, streams: number) {
  const db = openSqliteDatabase(file);
  try {
    ensureEventLogSchema(db);
    const insert = db.prepare('INSERT INTO event_log (position, event_id, stream_id, revision, type, schema_version, data, metadata, hash, previous_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    // As the store's run lays them out: call i appends its `size` events to stream i mod `streams`.
    const streamIds = range(streams).map(() => applicationKind.streamId(randomUUID()));
    const rows = range(size * count).map((n) => {
      const call = Math.floor(n / size);
      const streamId = streamIds[call % streams];
      const revision = Math.floor(call / streams) * size + (n % size);
      const event = materialAttached(streamId.slice('application-'.length), n);
      return [n + 1, event.id, streamId, revision, event.type, event.schemaVersion, canonicalJson(event.data), canonicalJson(event.metadata), 'a'.repeat(64), revision === 0 ? null : 'b'.repeat(64)];
    });
    const write = db.transaction((batch: unknown[][]) => {
      for (const row of batch) insert.run(...row);
    }).immediate;
    collectGarbage();
    const start = performance.now();
    for (let i = 0; i < count; i++) write(rows.slice(i * size, (i + 1) * size));
    return { elapsedMs: performance.now() - start };
  } finally {
    db.close();
  }
}

async function appendRun(store: SqliteEventStore, prefix: string, size: number, count: number, streams: number) {
  const streamIds = range(streams).map(() => applicationKind.streamId(`${prefix}-${randomUUID()}`));
  const revisions = new Map<string, bigint>();
  const batches: { streamId: string; events: EventToAppend[] }[] = range(count).map((i) => {
    const streamId = streamIds[i % streams];
    return { streamId, events: range(size).map((k) => materialAttached(streamId.slice('application-'.length), i * size + k)) };
  });

  const latencies: number[] = [];
  // The events just built (and the last row's garbage) are collected now, not in the middle of the timed part.
  collectGarbage();
  const start = performance.now();
  for (const { streamId, events } of batches) {
    const last = revisions.get(streamId);
    const expected: ExpectedRevision = last === undefined ? 'no_stream' : last;
    const sent = performance.now();
    const result = await store.append(streamId, events, expected);
    latencies.push(performance.now() - sent);
    revisions.set(streamId, result.nextExpectedRevision);
  }
  return { elapsedMs: performance.now() - start, latencies };
}
