import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHIPPED_TARGETS } from '@sme/domain/targets/targets';
import { scopeOfRegion, type AskedTime } from '@sme/domain/targets/target-scope';
import { RECENT_STATE_TTL_MS, RecentStates, SqliteEventStore, SqliteSnapshotStore, openSqliteDatabase, type SnapshotPolicy } from '@sme/event-store';
import { loadConfig } from '../apps/api/src/config/app-config';
import {
  EmbeddedDocumentStore,
  PROJECTIONS,
  ReadModelReader,
  RecordTimeIndex,
  documentsAsOf,
  deliveryFigures,
  evaluatedOrganisations,
  evaluationFiguresAt,
  eventsUpTo,
  listDeliveries,
  rebuildProjection,
  stationsProjection,
  supervisorDashboard,
  viewsAt,
  yearRollUp,
  type StationView,
} from '@sme/read-models';
import { readTargetsWorld, targetsProgress } from '@sme/read-models/queries/targets-progress';
import { collectGarbage } from './support/memory';
import { SERVICE_YEAR, provinceCounts, writeProvinceYear, type Checkpoint } from './support/province-year';
import { since } from './support/stats';
import { formatBytes, printTable, type Cell } from './support/table';

export interface ProvinceBenchOptions {
  /** 1.0: the Guangdong-sized year (1,000 stations, 10,000 providers, 300,000 家次). */
  scale: number;
  /** Stories open at once while the service year is written. */
  window?: number;
}

const SLICES = 10;
const mib = (bytes: number) => formatBytes(bytes);
const fileSize = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

/**
 * (h) A province's year: Guangdong's 21 cities, written through the deciders into a file store, then
 * the append rate over the writing (flat or falling), the file size per event, every projection's
 * rebuild from the log, and the heaviest dashboard query at province scope beside one city's.
 */
export async function benchProvinceYear(options: ProvinceBenchOptions): Promise<void> {
  const counts = provinceCounts(options.scale);
  const dir = mkdtempSync(join(tmpdir(), 'sme-ledger-bench-province-'));
  const file = join(dir, 'events.sqlite');
  const db = openSqliteDatabase(file);
  const store = new SqliteEventStore(db);
  // The API's command path: each command folds its record from the state the last one left (held in
  // memory) or from the snapshot kept every SNAPSHOT_EVERY events, with the API's default settings.
  const { every, recent } = loadConfig({ DATA_DIR: dir }, []).snapshots;
  const snapshotFile = new SqliteSnapshotStore(join(dir, 'snapshots.sqlite'));
  const snapshots: SnapshotPolicy = { store: new RecentStates(snapshotFile, { capacity: recent, ttlMs: RECENT_STATE_TTL_MS }), version: 'bench', every };
  // Sampled by a timer and at every reading taken: the writing runs synchronous SQLite calls back to back, so the timer seldom fires then.
  let peakRss = process.memoryUsage.rss();
  const rss = () => {
    const now = process.memoryUsage.rss();
    peakRss = Math.max(peakRss, now);
    return now;
  };
  const sampler = setInterval(rss, 200);
  try {
    console.log(
      `  scale ${options.scale}: ${counts.stations.toLocaleString('en-US')} stations, ${counts.providers.toLocaleString('en-US')} providers, ${counts.enterprises.toLocaleString('en-US')} enterprises, ` +
        `${counts.deliveries.toLocaleString('en-US')} deliveries + about ${counts.activityVisits.toLocaleString('en-US')} activity 家次`,
    );
    const writing = performance.now();
    const year = await writeProvinceYear(store, counts, {
      every: 1000,
      window: options.window ?? 2000,
      snapshots,
      onPhase: (p) => console.log(`  ${p.name}: ${p.events.toLocaleString('en-US')} events (${p.commands.toLocaleString('en-US')} commands) in ${(p.ms / 1000).toFixed(1)} s`),
    });
    const writeMs = since(writing);
    for (const c of year.checkpoints) peakRss = Math.max(peakRss, c.rss);
    const head = Number(await store.headPosition());

    // (1) Append rate over the writing.
    printTable(
      `(h1) Writing the year through the deciders (handleCommand: read the stream from the state kept, fold, decide, append; ${recent.toLocaleString('en-US')} states held, a snapshot every ${every} events) — ${head.toLocaleString('en-US')} events`,
      [{ header: 'phase', align: 'left' }, 'events', 'commands', 'seconds', 'events/s', 'commands/s'],
      year.phases.map((p) => [p.name, p.events, p.commands, p.ms / 1000, (p.events / p.ms) * 1000, (p.commands / p.ms) * 1000]),
      [`All: ${(writeMs / 1000).toFixed(1)} s.`],
    );
    const slices = sliceRates(year.checkpoints, SLICES);
    const first = slices[0];
    const last = slices[slices.length - 1];
    printTable(
      `Append rate over the service year, in ${slices.length} slices of equal events (flat, not falling?)`,
      ['slice', 'events from', 'events to', 'seconds', 'events/s', 'vs first', 'rss at end'],
      slices.map((s, i) => [`${i + 1}`, s.from, s.to, s.ms / 1000, s.rate, `${(s.rate / first.rate).toFixed(2)}×`, mib(s.rss)]),
      [
        `Last slice ÷ first slice: ${(last.rate / first.rate).toFixed(2)}; slowest ÷ fastest: ${(Math.min(...slices.map((s) => s.rate)) / Math.max(...slices.map((s) => s.rate))).toFixed(2)}.`,
        `Written: ${year.written.deliveries.toLocaleString('en-US')} deliveries (${year.written.followUps.toLocaleString('en-US')} 差评 follow-ups), ${year.written.activities.toLocaleString('en-US')} activities with ${year.written.activityVisits.toLocaleString('en-US')} enterprises present: ` +
          `${(year.written.deliveries + year.written.activityVisits).toLocaleString('en-US')} 家次; ${options.window ?? 2000} stories open at once.`,
      ],
    );

    // (2) File size per event, after a checkpoint.
    const beforeCheckpoint = fileSize(file) + fileSize(`${file}-wal`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const dbBytes = fileSize(file);
    const walBytes = fileSize(`${file}-wal`);
    console.log(
      `\n(h2) File: events.sqlite ${mib(dbBytes)} + WAL ${mib(walBytes)} after a checkpoint (${mib(beforeCheckpoint)} before it) = ${Math.round((dbBytes + walBytes) / head).toLocaleString('en-US')} B per event over ${head.toLocaleString('en-US')} events (data, hashes, indexes).`,
    );

    // (3) Every projection rebuilt from the log, beside reading (and parsing) the whole log once.
    collectGarbage();
    let started = performance.now();
    let read = 0;
    for await (const event of eventsUpTo(store, BigInt(head))) if (event.position > 0n) read += 1;
    const readMs = since(started);
    const docs = new EmbeddedDocumentStore(openSqliteDatabase(join(dir, 'read-models.sqlite')));
    const rows: Cell[][] = [['read the whole log once, no fold', read, '', readMs / 1000, (read / readMs) * 1000, '1.00×', mib(rss())]];
    let rebuildMs = 0;
    for (const projection of PROJECTIONS) {
      collectGarbage();
      started = performance.now();
      const result = await rebuildProjection(store, docs, projection, { batchSize: 1000, dropPreviousAfterMs: 0 });
      const ms = since(started);
      rebuildMs += ms;
      rows.push([projection.name, result.events, result.documents, ms / 1000, (result.events / ms) * 1000, `${(ms / readMs).toFixed(2)}×`, mib(rss())]);
      console.log(`  rebuilt ${projection.name}: ${result.documents.toLocaleString('en-US')} documents in ${(ms / 1000).toFixed(1)} s`);
    }
    printTable(
      `(h3) Every projection rebuilt from ${read.toLocaleString('en-US')} events into the embedded document store (SQLite + mingo)`,
      [{ header: 'projection', align: 'left' }, 'events read', 'documents', 'seconds', 'events/s', 'vs reading the log', 'rss after'],
      rows,
      [
        `All ${PROJECTIONS.length} rebuilds: ${(rebuildMs / 1000).toFixed(1)} s. Each reads its own kind's streams along the (stream, revision) index (the other kinds' rows untouched) and folds them in memory, then writes its documents in bulks.`,
        `events read: the events of the projection's own kind (the log's, for the first row); events/s: those ÷ the time.`,
      ],
    );

    // (4) The heaviest dashboard query: targets progress (目标进度) at province scope, beside one city.
    const reader = new ReadModelReader(docs);
    const asked: AskedTime = { from: `${SERVICE_YEAR}-01-01`, until: `${SERVICE_YEAR}-12-31` };
    const queryRows: Cell[][] = [];
    // As the API's lease holder keeps it: the index of dated record states, extended to the head.
    const recordTimes = new RecordTimeIndex(store, docs);
    started = performance.now();
    await recordTimes.catchUp();
    const indexMs = since(started);
    const endOfYear = new Date(`${asked.until}T23:59:59.999+08:00`);
    const timeProgress = async (label: string, regionCode: string, stationsFrom: 'live' | 'index' | 'replay') => {
      collectGarbage();
      const rssBefore = rss();
      const t0 = performance.now();
      // As the API's handler: a past period reads the station registry as it stood at its end, from the
      // index of dated record states (the replay of the whole log is the reference it replaced).
      const stations =
        stationsFrom === 'index'
          ? (await recordTimes.documentsAsOf(stationsProjection, { asOf: endOfYear })).documents
          : stationsFrom === 'replay'
            ? await documentsAsOf(store, stationsProjection, endOfYear)
            : await reader.stations({});
      const replayStations = stationsFrom !== 'live';
      const t1 = performance.now();
      const scope = scopeOfRegion(regionCode)!;
      const world = await readTargetsWorld(reader, scope, stations as StationView[], replayStations ? asked.until : undefined);
      const t2 = performance.now();
      const report = targetsProgress(SHIPPED_TARGETS, scope, asked, world);
      const t3 = performance.now();
      const visits = report.figures.find((f) => f.measure === 'SERVICE_VISITS')?.actual ?? 0;
      queryRows.push([label, world.deliveries.length + world.activities.length, t1 - t0, t2 - t1, t3 - t2, t3 - t0, mib(Math.max(0, rss() - rssBefore)), visits]);
      return t3 - t0;
    };
    const cityCode = '440100';
    const provinceLive = await timeProgress('province 440000, stations live', '440000', 'live');
    const cityLive = await timeProgress(`city ${cityCode} (reference), stations live`, cityCode, 'live');
    const provinceApi = await timeProgress('province 440000, as the API for a past year', '440000', 'index');
    const cityApi = await timeProgress(`city ${cityCode} (reference), as the API for a past year`, cityCode, 'index');
    const provinceReplay = await timeProgress('province 440000, registry replayed from the log (the way before)', '440000', 'replay');
    collectGarbage();
    started = performance.now();
    const [calls, applications, stations] = await Promise.all([reader.calls({ cityCode }), reader.applications({ cityCode }), reader.stations({ cityCode })]);
    supervisorDashboard(cityCode, calls, applications, stations);
    const supervisorMs = since(started);
    // An evaluator's and a supervisor's other province-wide reads: the year's roll-up (the 汇总 sheet of
    // the evaluators' export: every city's activities, deliveries with their follow-ups, and demands)
    // and the delivery figures of GET /deliveries/figures.
    collectGarbage();
    started = performance.now();
    const rollUp = await yearRollUp(reader, '440000', SERVICE_YEAR);
    const rollUpMs = since(started);
    collectGarbage();
    started = performance.now();
    const provinceDeliveries = await deliveryFigures(reader, { regionCode: '440000', ...asked });
    const deliveryFiguresMs = since(started);
    // A supervisor's list: the province's deliveries, newest first, 50 a page, the first page and the next.
    started = performance.now();
    const firstPage = await listDeliveries(reader, { regionCode: '440000' }, undefined, { limit: 50 });
    const firstPageMs = since(started);
    started = performance.now();
    await listDeliveries(reader, { regionCode: '440000' }, undefined, { limit: 50, cursor: firstPage.nextCursor ?? undefined });
    const nextPageMs = since(started);
    printTable(
      `(h4) Targets progress (目标进度, GET /targets/progress) for ${SERVICE_YEAR} — the heaviest dashboard read`,
      [{ header: 'scope', align: 'left' }, 'records read', 'stations ms', 'documents ms', 'figures ms', 'total ms', 'rss growth', '家次 counted'],
      queryRows,
      [
        `Province ÷ city: ${(provinceLive / cityLive).toFixed(2)}× with the registry live, ${(provinceApi / cityApi).toFixed(2)}× as the API serves a past year (the station registry as of the year's end from the index of dated record states, built once in ${(indexMs / 1000).toFixed(1)} s).`,
        `Past year at province scope, the registry replayed from the whole log ÷ from the index: ${(provinceReplay / provinceApi).toFixed(2)}×.`,
        `Other dashboards for scale: the supervisor dashboard (GET /dashboard) of ${cityCode} took ${supervisorMs.toFixed(1)} ms (${applications.length} applications, ${stations.length} stations).`,
        `The province's year roll-up (汇总, the evaluators' export): ${rollUpMs.toFixed(0)} ms for ${rollUp.length} rows (${rollUp[0].deliveries.toLocaleString('en-US')} deliveries, ${rollUp[0].followUps.toLocaleString('en-US')} follow-ups); its delivery figures (GET /deliveries/figures): ${deliveryFiguresMs.toFixed(0)} ms (${provinceDeliveries.deliveries.toLocaleString('en-US')} deliveries, ${provinceDeliveries.followUps.toLocaleString('en-US')} follow-ups).`,
        `A page of the province's deliveries (GET /deliveries?regionCode=440000, the 50 newest of ${firstPage.total.toLocaleString('en-US')}): ${firstPageMs.toFixed(1)} ms; the next page: ${nextPageMs.toFixed(1)} ms.`,
      ],
    );
    // (5) An evaluator's heaviest reads: the 综合评价 of one city's stations, then of its providers, for the
    // service year, as POST /evaluations reads them (the read side) and as a rerun does (the whole log replayed).
    const position = await store.headPosition();
    for (const [subject, what] of [['STATION', 'active stations'], ['PROVIDER', 'providers in its 库 on 12-31']] as const) {
      const scope = { cityCode, year: SERVICE_YEAR, subject };
      collectGarbage();
      started = performance.now();
      const fromReadSide = evaluatedOrganisations(await viewsAt(recordTimes, position), scope);
      const readSideMs = since(started);
      collectGarbage();
      started = performance.now();
      const replayed = await evaluationFiguresAt(store, position, scope);
      const replayMs = since(started);
      const visits = fromReadSide.reduce((sum, o) => sum + o.figures.serviceVisits, 0);
      console.log(
        `(h5) 综合评价 of ${cityCode}'s ${fromReadSide.length} ${what} for ${SERVICE_YEAR} (${visits.toLocaleString('en-US')} 家次) at the head: from the read side, as POST /evaluations, ${readSideMs.toFixed(0)} ms; ` +
          `replaying the whole log, as its rerun, ${replayMs.toFixed(0)} ms; the same figures: ${JSON.stringify(fromReadSide) === JSON.stringify(replayed) ? 'yes' : 'NO'}.`,
      );
    }
    console.log(`  Memory: rss now ${mib(rss())}, peak ${mib(peakRss)} over the part (the writing holds the registries' ids and the open stories; a rebuild holds its projection's documents).`);
    await docs.close();
  } finally {
    clearInterval(sampler);
    await store.close();
    await snapshotFile.close();
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface SliceRate {
  from: number;
  to: number;
  ms: number;
  rate: number;
  rss: number;
}

/** The writing cut into `n` slices of equal events; each slice's time interpolated between the checkpoints around its bounds. */
export function sliceRates(checkpoints: readonly Checkpoint[], n: number): SliceRate[] {
  const total = checkpoints[checkpoints.length - 1].events;
  const at = (events: number): { ms: number; rss: number } => {
    const k = checkpoints.findIndex((c) => c.events >= events);
    const b = checkpoints[Math.max(0, k)];
    const a = checkpoints[Math.max(0, k - 1)];
    const share = b.events === a.events ? 1 : (events - a.events) / (b.events - a.events);
    return { ms: a.ms + share * (b.ms - a.ms), rss: b.rss };
  };
  return Array.from({ length: n }, (_, i) => {
    const from = Math.round((total * i) / n);
    const to = Math.round((total * (i + 1)) / n);
    const ms = at(to).ms - at(from).ms;
    return { from, to, ms, rate: ((to - from) / ms) * 1000, rss: at(to).rss };
  });
}
