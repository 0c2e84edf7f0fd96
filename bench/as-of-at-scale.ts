import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { applicationKind, policyDecider, policyKind, type PolicyCommand, type PolicyEvent, type PolicyState } from '@sme/domain';
import { tianheAuthority, tianhePolicy } from '@sme/domain/policy/policy.fixtures';
import { SqliteEventStore, type EventStore, type EventToAppend } from '@sme/event-store';
import {
  EmbeddedDocumentStore,
  RecordTimeIndex,
  SliceReader,
  applicationsProjection,
  listPolicies,
  policiesProjection,
  rebuildProjection,
  type ReadModelReader,
  type SliceStats,
  type TimeSlice,
} from '@sme/read-models';
import { draftHistory, range } from './support/fixtures';
import { formatBytes, printTable, type Cell } from './support/table';

export interface AsOfBenchOptions {
  /** Events in the log (about). */
  events: number;
}

const DAY = 86_400_000;
/** The log's business history: six years. */
const START = Date.parse('2019-01-01T09:00:00+08:00');
const YEARS = 6;
/** Each application: drafted, then eight materials a day apart; one in ten gets a ninth, recorded 60 days late and back-dated (补录). */
const MATERIALS = 8;
/** Policies: about 1 % of the log; published, amended four times a quarter apart; one in five amended late with a back-dated time, one in ten corrected. */
const POLICY_SHARE = 0.01;
const endOfDay = (day: string) => new Date(`${day}T23:59:59.999+08:00`);

/**
 * (h) As-of lists at scale: a list as the ledger stood at a business time (and as it knew it at a
 * record time) through the index of dated record states — the records that may exist in the slice,
 * today's document of those wholly in it, the others folded from their own events — beside the same list
 * replayed from the whole log (what every as-of list cost before the index; the reference).
 */
export async function benchAsOf(options: AsOfBenchOptions): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sme-ledger-bench-asof-'));
  const file = join(dir, 'events.sqlite');
  const store = new SqliteEventStore(file);
  const docs = new EmbeddedDocumentStore(join(dir, 'read-models.sqlite'));
  try {
    process.stdout.write(`  writing about ${options.events.toLocaleString('en-US')} events (applications and policies over ${YEARS} years)…\n`);
    let started = performance.now();
    const written = await writeLog(store, options.events);
    process.stdout.write(`  written in ${((performance.now() - started) / 1000).toFixed(1)} s; building the index, then today's documents…\n`);
    const writeMs = performance.now() - started;

    const index = new RecordTimeIndex(store, docs);
    started = performance.now();
    await index.catchUp();
    const indexMs = performance.now() - started;
    await writeLog(store, 1_000, written.applications);
    started = performance.now();
    await index.catchUp();
    const extendMs = performance.now() - started;
    // Today's documents of the two projections, as the projector keeps them.
    started = performance.now();
    for (const projection of [applicationsProjection, policiesProjection]) await rebuildProjection(store, docs, projection as never);
    const rebuildMs = performance.now() - started;
    const head = Number(await store.headPosition());

    const cases: { label: string; slice: TimeSlice; read: (reader: ReadModelReader) => Promise<unknown>; projection: string }[] = [
      { label: 'policies as of 2022-06-30', projection: 'policies', slice: { asOf: endOfDay('2022-06-30') }, read: (r) => listPolicies(r, {}, undefined, { limit: 50 }) },
      { label: 'applications as of 2019-06-30', projection: 'applications', slice: { asOf: endOfDay('2019-06-30') }, read: (r) => r.listApplications({}, undefined, { limit: 50 }) },
      { label: 'applications as of 2022-06-30', projection: 'applications', slice: { asOf: endOfDay('2022-06-30') }, read: (r) => r.listApplications({}, undefined, { limit: 50 }) },
      {
        label: '  same, as known at 2022-03-31',
        projection: 'applications',
        slice: { asOf: endOfDay('2022-06-30'), knownAt: endOfDay('2022-03-31') },
        read: (r) => r.listApplications({}, undefined, { limit: 50 }),
      },
    ];
    const rows: Cell[][] = [];
    const notes: string[] = [];
    let identical = true;
    for (const c of cases) {
      const stats: SliceStats[] = [];
      const counting = Object.assign(Object.create(index) as RecordTimeIndex, {
        documentsAsOf: async (...args: Parameters<RecordTimeIndex['documentsAsOf']>) => {
          const answer = await index.documentsAsOf(...args);
          stats.push(answer.stats);
          return answer;
        },
      });
      const timed = async (open: () => SliceReader) => {
        const t0 = performance.now();
        const reader = open();
        try {
          const answer = await c.read(reader);
          return { answer, ms: performance.now() - t0 };
        } finally {
          await reader.close();
        }
      };
      const viaIndex = await timed(() => SliceReader.open(store, c.slice, counting));
      const replayed = await timed(() => SliceReader.open(store, c.slice));
      identical &&= JSON.stringify(viaIndex.answer) === JSON.stringify(replayed.answer);
      const s = stats[0];
      const total = (viaIndex.answer as { total: number }).total;
      rows.push([c.label, total, s.candidates, s.current, s.folded, s.eventsRead, viaIndex.ms, replayed.ms, `${(replayed.ms / viaIndex.ms).toFixed(1)}×`]);
    }
    printTable(
      `(h) As-of lists over ${head.toLocaleString('en-US')} events — embedded stores, first page of 50 and the total`,
      ['list', 'records', 'candidates', 'today’s doc', 'folded', 'events read', 'index ms', 'replay ms', 'replay ÷ index'],
      rows,
      [
        `Same answers through the index and the replay: ${identical}.`,
        `candidates: records that may exist in the slice (from the index); today’s doc: of them, every event in the slice, so today’s document is taken; folded: the others, folded from their own events (events read).`,
        `The log: ${written.applications.toLocaleString('en-US')} applications (${MATERIALS + 2}–${MATERIALS + 3} events each, one in ten with a material recorded 60 days late and back-dated), ${written.policies.toLocaleString('en-US')} policies (about 6 events each, one in five amended late and back-dated, one in ten corrected); written in ${(writeMs / 1000).toFixed(1)} s. Events file ${formatBytes(statSync(file).size)}.`,
        `The index over the whole log built in ${(indexMs / 1000).toFixed(1)} s (once, by the lease holder; the two projections rebuilt from the same log: ${(rebuildMs / 1000).toFixed(1)} s); extended after 1,000 more events in ${extendMs.toFixed(1)} ms.`,
        ...notes,
      ],
    );
  } finally {
    await docs.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Batch {
  streamId: string;
  events: EventToAppend[];
  /** When it is appended (record time). */
  recordedAt: number;
}

/**
 * Writes about `events` events in record-time order (an application's regular acts in one append): applications (copies, with fresh ids and times, of
 * twelve draft histories decided by the real application decider) and policies (decided in memory by the
 * real policy decider), each act recorded a few minutes after its business time, except the late ones.
 */
export async function writeLog(store: EventStore, events: number, serialFrom = 0): Promise<{ applications: number; policies: number }> {
  const templates = range(12).map((seed) => draftHistory(`template-${seed}`, MATERIALS + 1, seed + 1));
  const perApplication = MATERIALS + 1.1;
  const policies = Math.max(1, Math.round((events * POLICY_SHARE) / 6));
  const applications = Math.max(1, Math.round((events - policies * 6) / perApplication));
  const span = YEARS * 365 * DAY;
  const batches: Batch[] = [];

  for (let a = 0; a < applications; a++) {
    const serial = serialFrom + a;
    const id = randomUUID();
    const streamId = applicationKind.streamId(id);
    const drafted = START + Math.floor((a / applications) * (span - 30 * DAY));
    const template = templates[serial % templates.length];
    const copy = (n: number, occurred: number): EventToAppend => {
      const source = template[Math.min(n, template.length - 1)];
      const at = new Date(occurred).toISOString();
      const data = n === 0 ? { ...source.data, applicationId: id, draftedAt: at } : { ...source.data, applicationId: id, attachedAt: at };
      return { ...source, id: randomUUID(), data, metadata: { ...source.metadata, occurredAt: at, recordedAt: new Date(occurred + 5 * 60_000).toISOString(), correlationId: randomUUID() } };
    };
    // Its regular acts in one append (each event keeps its own times), placed in the log at the draft's record time.
    batches.push({ streamId, events: range(MATERIALS + 1).map((n) => copy(n, drafted + n * DAY)), recordedAt: drafted + 5 * 60_000 });
    if (serial % 10 === 0) {
      const late = copy(MATERIALS, drafted + 3 * DAY + 3_600_000);
      const recordedAt = drafted + 60 * DAY;
      late.metadata = { ...late.metadata, recordedAt: new Date(recordedAt).toISOString(), backdatingReason: '纸质材料补录' };
      batches.push({ streamId, events: [late], recordedAt });
    }
  }

  for (let p = 0; p < policies; p++) {
    const policyId = `bench-policy-${serialFrom}-${p}`;
    const streamId = policyKind.streamId(policyId);
    const published = START + Math.floor((p / policies) * (span - 400 * DAY));
    let state: PolicyState = policyDecider.initialState();
    const decide = (command: Omit<PolicyCommand, 'metadata'>, occurred: number, recordedAt: number, extra: Partial<EventToAppend['metadata']> = {}) => {
      const now = new Date(occurred);
      const decided: PolicyEvent[] = policyDecider.decide({ ...command, metadata: { now, actor: tianheAuthority } } as PolicyCommand, state);
      for (const event of decided) state = policyDecider.evolve(state, event);
      const stored = decided.map((event) => ({
        id: randomUUID(),
        type: event.type,
        schemaVersion: 1,
        data: event.data as unknown as Record<string, unknown>,
        metadata: { occurredAt: now.toISOString(), recordedAt: new Date(recordedAt).toISOString(), actor: tianheAuthority, correlationId: randomUUID(), causationId: null, ...extra },
      }));
      batches.push({ streamId, events: stored, recordedAt });
      return stored;
    };
    const first = decide({ type: 'PublishPolicy', data: { ...tianhePolicy, policyId, title: `政策 ${p}` } }, published, published + 600_000);
    for (let k = 1; k <= 4; k++) {
      const at = published + k * 90 * DAY;
      decide({ type: 'AmendPolicy', data: { policyId, changes: { title: `政策 ${p}（第 ${k + 1} 版）` } } }, at, at + 600_000);
    }
    if (p % 5 === 0) decide({ type: 'AmendPolicy', data: { policyId, changes: { summary: `补录 ${p}` } } }, published + 45 * DAY, published + 380 * DAY, { backdatingReason: '纸质文件补录' });
    if (p % 10 === 0) {
      decide({ type: 'AmendPolicy', data: { policyId, changes: { summary: `更正 ${p}` } } }, published, published + 390 * DAY, { corrects: first[0].id, reason: '摘要有误' });
    }
  }

  batches.sort((x, y) => x.recordedAt - y.recordedAt);
  const revisions = new Map<string, bigint>();
  for (const batch of batches) {
    const last = revisions.get(batch.streamId);
    const result = await store.append(batch.streamId, batch.events, last === undefined ? 'no_stream' : last);
    revisions.set(batch.streamId, result.nextExpectedRevision);
  }
  return { applications, policies };
}
