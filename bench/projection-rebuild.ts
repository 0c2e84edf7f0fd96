import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore, openSqliteDatabase } from '@sme/event-store';
import { EmbeddedDocumentStore, MongoDocumentStore, PROJECTIONS, rebuildProjection, type DocumentStore } from '@sme/read-models';
import { writeStationHistory } from '@sme/read-models/testing/station-history';
import { since } from './support/stats';
import { printTable, type Cell } from './support/table';

export interface RebuildBenchOptions {
  /** Roughly how many events to rebuild from. */
  events: number;
  mongodbUrl?: string;
}

/**
 * (d) Rebuild throughput: every projection rebuilt from a log of ~N events written through the real
 * deciders (calls, applications at every stage, stations, revocations), into the embedded document
 * store and, when MONGODB_URL is set, into a MongoDB-wire server (FerretDB in CI).
 */
export async function benchRebuild(options: RebuildBenchOptions): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sme-ledger-bench-rebuild-'));
  const events = new SqliteEventStore(openSqliteDatabase(join(dir, 'events.sqlite')));
  try {
    const writing = performance.now();
    let written = 0;
    let year = 2019;
    // About 7.5 events per application on average with this mix of outcomes.
    while (written < options.events) {
      const perCall = Math.min(480, Math.ceil((options.events - written) / 7.5));
      written += (await writeStationHistory(events, { calls: 1, applicationsPerCall: perCall, startYear: year })).events;
      year += 1;
    }
    console.log(`  log: ${written.toLocaleString('en-US')} events written through the deciders in ${(since(writing) / 1000).toFixed(1)} s`);

    const targets: { name: string; open: () => Promise<DocumentStore>; drop?: (docs: DocumentStore) => Promise<void> }[] = [
      { name: 'embedded (SQLite + mingo)', open: async () => new EmbeddedDocumentStore(openSqliteDatabase(join(dir, 'read-models.sqlite'))) },
    ];
    if (options.mongodbUrl) {
      const url = new URL(options.mongodbUrl);
      url.pathname = `/bench_${randomUUID().slice(0, 8)}`;
      targets.push({
        name: `MongoDB wire (${url.host})`,
        open: () => MongoDocumentStore.connect(url.toString()),
        drop: async (docs) => {
          for (const collection of await docs.listCollections()) await docs.dropCollection(collection);
        },
      });
    }

    const rows: Cell[][] = [];
    for (const target of targets) {
      const docs = await target.open();
      try {
        for (const projection of PROJECTIONS) {
          const started = performance.now();
          const result = await rebuildProjection(events, docs, projection, { batchSize: 1000, dropPreviousAfterMs: 0 });
          const ms = since(started);
          rows.push([target.name, projection.name, written, result.documents, ms / 1000, (written / ms) * 1000]);
          // Printed as it goes: a slow server makes the whole table take minutes.
          console.log(`  ${target.name} / ${projection.name}: ${(ms / 1000).toFixed(1)} s, ${Math.round((written / ms) * 1000)} events/s`);
        }
      } finally {
        await target.drop?.(docs);
        await docs.close();
      }
    }
    printTable(
      `Projection rebuild from ${written.toLocaleString('en-US')} events`,
      ['document store', 'projection', 'events read', 'documents', 'seconds', 'events/s'],
      rows,
      [
        'Each rebuild reads the whole log and applies the events of its own streams (the others are read and skipped).',
        options.mongodbUrl ? '' : 'MongoDB wire skipped: set MONGODB_URL (e.g. from infra/test-services/ferretdb.sh start) to include it.',
      ].filter(Boolean),
    );
  } finally {
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
