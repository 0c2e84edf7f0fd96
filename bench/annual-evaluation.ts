import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { resultsOf } from '@sme/domain';
import { stationScheme } from '@sme/domain/evaluation/evaluation.fixtures';
import { SqliteEventStore, type EventStore, type EventToAppend, type RecordedEvent } from '@sme/event-store';
import { writeActivityHistory } from '@sme/messaging/asyncapi/testing/activity-history';
import { writeServiceHistory } from '@sme/messaging/asyncapi/testing/service-history';
import { EmbeddedDocumentStore, EVALUATION_PROJECTIONS, evaluatedOrganisations, evaluationFiguresAt, eventsUpTo, RecordTimeIndex, rebuildProjection, viewsAt } from '@sme/read-models';
import { writeStationHistory } from '@sme/read-models/testing/station-history';
import { collectGarbage, readMemory } from './support/memory';
import { since } from './support/stats';
import { formatBytes, printTable } from './support/table';

export interface AnnualEvaluationBenchOptions {
  /** Events in the log when the evaluation runs (about: whole copies of the year's template). */
  events: number;
}

const YEAR = 2019;
const CITY = '440100';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * (f) 综合评价 over a year's log: Guangzhou's stations designated through the real deciders, then the
 * year's service work (deliveries with feedback, 差评 follow-ups, activities) copied with fresh ids
 * onto those stations until the log holds about `events` events. Timed: a run's figures folded from
 * the log up to its head and scored, beside reading the same log once without folding (the floor).
 */
export async function benchAnnualEvaluation(options: AnnualEvaluationBenchOptions): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sme-ledger-bench-evaluation-'));
  const file = join(dir, 'events.sqlite');
  try {
    const writeStarted = performance.now();
    const { stations, events: written } = await writeYear(file, options.events);
    const writeMs = since(writeStarted);

    const store = new SqliteEventStore(file);
    try {
      const head = await store.headPosition();
      let started = performance.now();
      let read = 0;
      for await (const event of eventsUpTo(store, head)) if (event.position <= head) read += 1;
      const readMs = since(started);

      collectGarbage();
      const beforeRun = readMemory();
      let peakRss = beforeRun.rss;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
      started = performance.now();
      const organisations = await evaluationFiguresAt(store, head, { cityCode: CITY, year: YEAR, subject: 'STATION' });
      const foldMs = since(started);
      // The evaluators' review (the scheme's manual indicator): 80 for every station.
      const results = resultsOf(stationScheme, organisations, Object.fromEntries(organisations.map((o) => [o.organisationId, { review: 80 }])));
      const runMs = since(started);
      clearInterval(sampler);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);

      // As the API runs it: the read side (the eight projections and the index of dated record states,
      // kept by the lease holder; built here first, not timed with the run).
      process.stdout.write(`  building the read side the API keeps (the eight projections, the index of dated record states)…\n`);
      const docs = new EmbeddedDocumentStore(join(dir, 'read-models.sqlite'));
      started = performance.now();
      for (const projection of EVALUATION_PROJECTIONS) await rebuildProjection(store, docs, projection);
      const index = new RecordTimeIndex(store, docs);
      await index.catchUp();
      const readSideMs = since(started);
      collectGarbage();
      started = performance.now();
      const fromReadSide = evaluatedOrganisations(await viewsAt(index, head), { cityCode: CITY, year: YEAR, subject: 'STATION' });
      const readSideRunMs = since(started);
      const same = JSON.stringify(fromReadSide) === JSON.stringify(organisations);
      // A run at a past position: the records changed since are folded from their own streams.
      const past = head - head / 10n;
      collectGarbage();
      started = performance.now();
      const pastFromReadSide = evaluatedOrganisations(await viewsAt(index, past), { cityCode: CITY, year: YEAR, subject: 'STATION' });
      const pastMs = since(started);
      const pastReplayed = await evaluationFiguresAt(store, past, { cityCode: CITY, year: YEAR, subject: 'STATION' });
      const pastSame = JSON.stringify(pastFromReadSide) === JSON.stringify(pastReplayed);
      await docs.close();

      const visits = organisations.reduce((sum, o) => sum + o.figures.serviceVisits, 0);
      const ratio = (ms: number) => `${(ms / readMs).toFixed(2)}×`;
      printTable(
        `(f) Annual evaluation (综合评价) over ${read.toLocaleString('en-US')} events — goal: under 2 s on the embedded default`,
        [{ header: 'step', align: 'left' }, 'ms', 'vs reading the log'],
        [
          ['read the log once, no fold (the floor)', readMs, '1.00×'],
          ['fold the eight views up to the head', foldMs, ratio(foldMs)],
          ['whole run: fold, figures per station, scores and ranks', runMs, ratio(runMs)],
          ['figures from the read side at the head, as POST /evaluations', readSideRunMs, ratio(readSideRunMs)],
          [`figures from the read side at position ${past.toLocaleString('en-US')} (9/10 of the log)`, pastMs, ratio(pastMs)],
        ],
        [
          `Log: ${written.toLocaleString('en-US')} events written in ${(writeMs / 1000).toFixed(1)} s (${stations} stations designated through the deciders, some later revoked or withdrawn; the year's service work copied onto them in turn).`,
          `Run: ${organisations.length} active stations of ${CITY} evaluated for ${YEAR}, ${visits.toLocaleString('en-US')} 服务家次 counted; first ranked ${results[0]?.organisationId ?? '-'} with ${results[0]?.total ?? '-'} points.`,
          `Read side: the eight projections rebuilt and the index caught up in ${(readSideMs / 1000).toFixed(1)} s beforehand (the API's lease holder keeps both as events come). Its figures equal the replay's: at the head ${same ? 'yes' : 'NO'}, at the past position ${pastSame ? 'yes' : 'NO'} (a rerun, GET /evaluations/:id/rerun, replays the log).`,
          `Memory: rss ${formatBytes(beforeRun.rss)} at the run's start, peak ${formatBytes(peakRss)} during it (+${formatBytes(Math.max(0, peakRss - beforeRun.rss))}): the events stream through page by page, only the views are held.`,
        ],
      );
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The stations first (through the deciders), then copies of one year's service work until the log holds about `target` events. */
async function writeYear(file: string, target: number): Promise<{ stations: number; events: number }> {
  const store = new SqliteEventStore(file);
  try {
    process.stdout.write(`  designating Guangzhou's stations through the deciders…\n`);
    const history = await writeStationHistory(store, { calls: 1, applicationsPerCall: 120, startYear: YEAR });
    const template = await serviceTemplate();
    const perCopy = [...template.streams.values()].reduce((sum, events) => sum + events.length, 0);
    let events = Number(await store.headPosition());
    process.stdout.write(`  copying the year's service work (${perCopy} events a copy) onto ${history.stationIds.length} stations up to ${target.toLocaleString('en-US')} events…\n`);
    for (let copy = 0; events < target; copy += 1) {
      const station = history.stationIds[copy % history.stationIds.length];
      events += await appendCopy(store, template, station);
    }
    return { stations: history.stationIds.length, events };
  } finally {
    await store.close();
  }
}

interface Template {
  streams: Map<string, RecordedEvent[]>;
  /** The ids its deliveries and activities name as their STATION server or organiser. */
  stationIds: Set<string>;
}

/** One year's deliveries, follow-ups and activities as the deciders write them, by stream. */
async function serviceTemplate(): Promise<Template> {
  const store = new SqliteEventStore(':memory:');
  try {
    await writeServiceHistory(store, { year: YEAR });
    await writeActivityHistory(store, { year: YEAR });
    const streams = new Map<string, RecordedEvent[]>();
    const stationIds = new Set<string>();
    for await (const event of eventsUpTo(store, await store.headPosition())) {
      streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
      for (const party of [event.data.server, event.data.organiser] as ({ kind?: string; id?: string } | undefined)[]) {
        if (party?.kind === 'STATION' && party.id) stationIds.add(party.id);
      }
    }
    return { streams, stationIds };
  } finally {
    await store.close();
  }
}

/** Every id of the template fresh, but the serving or organising station's, which becomes `stationId`. */
async function appendCopy(store: EventStore, template: Template, stationId: string): Promise<number> {
  const fresh = new Map<string, string>();
  const remap = (text: string) => text.replace(UUID, (id) => (template.stationIds.has(id) ? stationId : (fresh.get(id) ?? fresh.set(id, randomUUID()).get(id)!)));
  let count = 0;
  for (const [streamId, events] of template.streams) {
    const copies: EventToAppend[] = events.map((e) => ({
      id: randomUUID(),
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: JSON.parse(remap(JSON.stringify(e.data))) as Record<string, unknown>,
      metadata: JSON.parse(remap(JSON.stringify(e.metadata))) as RecordedEvent['metadata'],
    }));
    await store.append(remap(streamId), copies, 'no_stream');
    count += copies.length;
  }
  return count;
}
