import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore, openSqliteDatabase, type EventStore } from '@sme/event-store';
import { applicationKind } from '@sme/domain';
import { MongoClient } from 'mongodb';
import { EmbeddedDocumentStore, MongoDocumentStore, PROJECTIONS, Projector, rebuildProjection, type DocumentStore, type Projection, type StoredDocument } from '@sme/read-models';
import { materialAttached } from './support/fixtures';
import { writeStationHistory } from '@sme/read-models/testing/station-history';
import { since, summarize } from './support/stats';
import { printTable, type Cell } from './support/table';
import { indexFerretdbIds } from './support/ferretdb-id-index';

export interface RebuildBenchOptions {
  /** Roughly how many events to rebuild from. */
  events: number;
  mongodbUrl?: string;
  /**
   * FerretDB's data directory (its SQLite files), when MONGODB_URL is a FerretDB 1.24 on the SQLite
   * backend: the live lag is then measured a second time with `_id` indexed for FerretDB's queries.
   */
  ferretdbData?: string;
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

    const targets: {
      name: string;
      open: () => Promise<DocumentStore>;
      /** Makes the server answer `_id` from an index; then the live lag is measured again. */
      indexIds?: () => string[];
      drop?: (docs: DocumentStore) => Promise<void>;
      /** The reference: the same final documents written with the server's own driver, one unordered bulk per 1,000; ms. */
      bare?: (name: string, indexes: Projection['indexes'], documents: readonly StoredDocument[]) => Promise<number>;
    }[] = [
      { name: 'embedded (SQLite + mingo)', open: async () => new EmbeddedDocumentStore(openSqliteDatabase(join(dir, 'read-models.sqlite'))) },
    ];
    if (options.mongodbUrl) {
      const url = new URL(options.mongodbUrl);
      url.pathname = `/bench_${randomUUID().slice(0, 8)}`;
      targets.push({
        name: `MongoDB wire (${url.host})`,
        open: () => MongoDocumentStore.connect(url.toString()),
        ...(options.ferretdbData ? { indexIds: () => indexFerretdbIds(options.ferretdbData!, url.pathname.slice(1)) } : {}),
        drop: async (docs) => {
          for (const collection of await docs.listCollections()) await docs.dropCollection(collection);
        },
        bare: async (name, indexes, documents) => {
          const client = await MongoClient.connect(url.toString());
          try {
            const collection = client.db().collection<StoredDocument>(`bare_${name}`);
            await collection.drop().catch(() => undefined);
            // The same collection as the rebuild's: its indexes, made before the documents go in.
            for (const index of indexes) await collection.createIndex(index.keys, { unique: index.unique ?? false, ...(index.name ? { name: index.name } : {}) });
            const started = performance.now();
            for (let from = 0; from < documents.length; from += 1000) {
              await collection.bulkWrite(documents.slice(from, from + 1000).map((document) => ({ insertOne: { document } })), { ordered: false });
            }
            const ms = since(started);
            await collection.drop();
            return ms;
          } finally {
            await client.close();
          }
        },
      });
    }

    const rows: Cell[][] = [];
    const lagRows: Cell[][] = [];
    for (const target of targets) {
      const docs = await target.open();
      try {
        for (const projection of PROJECTIONS) {
          const started = performance.now();
          const result = await rebuildProjection(events, docs, projection, { batchSize: 1000, dropPreviousAfterMs: 0 });
          const ms = since(started);
          const bareMs = target.bare && result.documents > 0 ? await target.bare(projection.name, projection.indexes, await docs.collection(result.collection).find({})) : undefined;
          rows.push([target.name, projection.name, result.events, result.documents, ms / 1000, (result.events / ms) * 1000, bareMs === undefined ? '' : bareMs / 1000, bareMs === undefined ? '' : `${Math.round((bareMs / ms) * 100)} %`]);
          // Printed as it goes: a slow server makes the whole table take minutes.
          console.log(`  ${target.name} / ${projection.name}: ${result.events.toLocaleString('en-US')} events, ${result.documents.toLocaleString('en-US')} documents, ${(ms / 1000).toFixed(2)} s`);
        }
        lagRows.push([target.name, ...(await liveLag(events, docs, { ratePerSecond: 100, seconds: 10 }))]);
        if (target.indexIds) {
          const tables = target.indexIds();
          console.log(`  ${target.name}: ${tables.length} collections given an index on FerretDB's _id expression`);
          // The projector first catches up on what the run before left unapplied, then the same load again.
          lagRows.push([`${target.name}, _id indexed`, ...(await liveLag(events, docs, { ratePerSecond: 100, seconds: 10 }))]);
        }
      } finally {
        // A server that stopped answering (FerretDB under the live run, see the note) must not hang the bench.
        await within(30_000, (async () => {
          await target.drop?.(docs);
          await docs.close();
        })());
      }
    }
    printTable(
      `Projection rebuild from ${written.toLocaleString('en-US')} events`,
      ['document store', 'projection', 'its events', 'documents', 'seconds', 'its events/s', 'bare bulk s', 'speed vs bare'],
      rows,
      [
        'Each rebuild reads its own kind\'s streams up to the head of the log (its events), folds them in memory, then inserts the final documents in bulks.',
        'bare bulk: the same final documents inserted with the MongoDB driver into an empty collection of the same server with the projection\'s indexes, 1,000 a bulk (the rebuild also reads and folds the log). Goal: the rebuild at ≥ 50 % of its speed.',
        options.mongodbUrl ? '' : 'MongoDB wire skipped: set MONGODB_URL (e.g. from infra/test-services/ferretdb.sh start) to include it.',
      ].filter(Boolean),
    );
    printTable(
      'Live projection lag — 100 appends/s for 10 s to applications of that history, projector running',
      ['document store', 'appends', 'lag p50 ms', 'lag p99 ms', 'lag max ms', 'not applied after 30 s'],
      lagRows,
      [
        'Lag: from the append returning to the applications collection\'s checkpoint reaching its position (all projections run). Goal: under 1 s at 100 writes/s.',
        options.ferretdbData
          ? '_id indexed: the bench added to each of FerretDB\'s tables an index on the expression its queries filter _id by (FerretDB 1.24 on SQLite otherwise scans the table for every _id), so the server answers by _id from an index as MongoDB does.'
          : options.mongodbUrl
            ? 'On FerretDB 1.24 (SQLite backend), set BENCH_FERRETDB_DATA to its data directory to measure the lag again with _id answered from an index.'
            : '',
      ].filter(Boolean),
    );
  } finally {
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Appends at a fixed rate to existing applications while a live projector runs; the lag of each append. */
async function liveLag(events: EventStore, docs: DocumentStore, options: { ratePerSecond: number; seconds: number }): Promise<Cell[]> {
  const applicationIds = [...new Set((await events.readAll({ maxCount: 20_000 })).map((event) => applicationKind.idOf(event.streamId)).filter((id): id is string => id !== undefined))].slice(0, 200);
  const pending = new Map<number, number>();
  const lags: number[] = [];
  let appliedUpTo = 0;
  let collection = '';
  const projector = new Projector(events, docs, PROJECTIONS, {
    onCheckpoint: (name, position) => {
      if (name !== collection || position <= appliedUpTo) return;
      appliedUpTo = position;
      const now = performance.now();
      for (const [at, sent] of pending) {
        if (at > position) continue;
        lags.push(now - sent);
        pending.delete(at);
      }
    },
  });
  await projector.prepare();
  collection = projector.snapshot().find((target) => target.name === 'applications')?.collection ?? '';
  await projector.catchUp();
  projector.start();
  try {
    const count = options.ratePerSecond * options.seconds;
    const started = performance.now();
    for (let i = 0; i < count; i += 1) {
      const wait = started + (i * 1000) / options.ratePerSecond - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const id = applicationIds[i % applicationIds.length];
      const sent = performance.now();
      const { position } = await events.append(applicationKind.streamId(id), [materialAttached(id, 50_000 + i)], 'any');
      if (Number(position) > appliedUpTo) pending.set(Number(position), sent);
      else lags.push(0);
    }
    const deadline = performance.now() + 30_000;
    while (pending.size > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const lag = summarize(lags);
    return [count, lag.p50, lag.p99, lag.max, pending.size];
  } finally {
    await within(30_000, projector.stop());
  }
}

/** Waits for `work`, at most `ms`; false when it did not end in time. */
async function within(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
