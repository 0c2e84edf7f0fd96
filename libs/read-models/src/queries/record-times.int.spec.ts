import { randomUUID } from 'node:crypto';
import { authorize } from '@sme/domain/shared/access';
import { policyKind } from '@sme/domain/policy/policy.kind';
import { tianheAuthority, tianhePolicy } from '@sme/domain/policy/policy.fixtures';
import { SqliteEventStore, handleCommand, type EventStore, type HandleCommandOptions, type ReadAllOptions, type RecordedEvent } from '@sme/event-store';
import { EmbeddedDocumentStore } from '../document-store/embedded-document-store';
import type { DocumentStore, StoredDocument } from '../document-store/document-store.port';
import type { Projection } from '../projector/projection';
import { rebuildProjection } from '../projector/rebuild';
import { applicationsProjection, callsProjection, policiesProjection, stationsProjection } from '../projections';
import { writeStationHistory } from '../testing/station-history';
import { documentsAsOf } from './as-of';
import { RECORD_TIME_INDEXES, RecordTimeIndex, recordTimesCollection, type SliceStats } from './record-times';
import { interceptBulkWrites } from '../testing/held-stores';
import type { TimeSlice } from './time-slice';

const DAY = 86_400_000;
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
const PROJECTIONS: Projection[] = [policiesProjection, applicationsProjection, stationsProjection, callsProjection] as Projection[];

/** One act on a policy through its decider, as the API records it (back-dating allowed up to a year, with a reason). */
async function act(
  events: SqliteEventStore,
  policyId: string,
  at: string,
  type: string,
  data: object,
  extra: { backdatingReason?: string; correction?: { eventId: string; reason: string } } = {},
) {
  const businessTime = new Date(at);
  const command = { type, data: { ...data, policyId }, metadata: { now: businessTime, actor: tianheAuthority } };
  const options: HandleCommandOptions<never, never, never> = {
    streamId: policyKind.streamId(policyId),
    decider: policyKind.decider as never,
    command: command as never,
    authorize: (cmd, state) => authorize(policyKind.access as never, cmd as never, state),
    businessTime,
    backdating: { windowMs: 365 * DAY, reason: extra.backdatingReason },
    correction: extra.correction,
    toEventToAppend: (event, _index, time) => ({
      id: randomUUID(),
      type: (event as { type: string }).type,
      schemaVersion: 1,
      data: (event as { data: Record<string, unknown> }).data,
      metadata: {
        occurredAt: (time ?? businessTime).toISOString(),
        recordedAt: new Date().toISOString(),
        actor: tianheAuthority,
        correlationId: randomUUID(),
        causationId: null,
        ...(extra.backdatingReason ? { backdatingReason: extra.backdatingReason } : {}),
        ...(extra.correction ? { corrects: extra.correction.eventId, reason: extra.correction.reason } : {}),
      },
    }),
  };
  return handleCommand(events, options);
}

const month = (year: number, m: number, day = 10) => `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}T10:00:00+08:00`;
const sorted = <V extends StoredDocument>(docs: V[]) => JSON.stringify([...docs].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)));

/**
 * A list as of a time slice through the index of dated record states answers exactly what the replay of
 * the whole log answers — around back-dated acts (补录), corrections (更正) of a record's first event, a
 * record whose first event is dated before it was recorded, and with the index, the projection's documents
 * or both standing behind the log.
 */
describe('As-of lists from the index of dated record states', () => {
  const events = new SqliteEventStore(':memory:');
  const stores: DocumentStore[] = [];
  const marks: Date[] = [];
  /** Documents stores whose index and live collections stop at different points of the history. */
  let indexEarly: DocumentStore;
  let liveEarly: DocumentStore;
  let full: DocumentStore;
  let indexOnly: DocumentStore;
  let headAfterA: bigint;
  const newStore = () => {
    const store = new EmbeddedDocumentStore(':memory:');
    stores.push(store);
    return store;
  };
  const rebuildAll = async (docs: DocumentStore) => {
    for (const projection of PROJECTIONS) await rebuildProjection(events, docs, projection);
  };

  beforeAll(async () => {
    marks.push(new Date());
    await pause();
    // A: calls, applications and stations of 2024–2025; twelve policies published a month apart in 2024, each amended two months later.
    await writeStationHistory(events, { calls: 2, applicationsPerCall: 12, startYear: 2024 });
    const policies = Array.from({ length: 12 }, (_, i) => `policy-${i}`);
    const published = new Map<string, string>();
    for (const [i, id] of policies.entries()) {
      const result = await act(events, id, month(2024, i + 1), 'PublishPolicy', { ...tianhePolicy, title: `政策 ${i}` });
      published.set(id, result.events[0].id);
      await act(events, id, month(2024, i + 1, 25), 'AmendPolicy', { changes: { title: `政策 ${i}（第二版）` } });
    }
    await pause();
    headAfterA = await events.headPosition();
    indexEarly = newStore();
    liveEarly = newStore();
    await new RecordTimeIndex(events, indexEarly).catchUp();
    await rebuildAll(liveEarly);
    marks.push(new Date());
    await pause();

    // B: back-dated amendments between publication and the second version; corrections of the publication; repeals; a policy published late with an early business time.
    for (const [i, id] of policies.entries()) {
      if (i % 2 === 0) await act(events, id, month(2024, i + 1, 20), 'AmendPolicy', { changes: { title: `政策 ${i}（补录版）` } }, { backdatingReason: '纸质文件补录' });
      if (i % 3 === 0) await act(events, id, month(2024, i + 1), 'AmendPolicy', { changes: { summary: `更正摘要 ${i}` } }, { correction: { eventId: published.get(id)!, reason: '摘要有误' } });
      if (i % 4 === 1) await act(events, id, month(2025, 1), 'RepealPolicy', { on: '2025-01-01', reason: '被新政策替代' });
    }
    await act(events, 'policy-late', month(2023, 12), 'PublishPolicy', { ...tianhePolicy, title: '迟录政策' });
    await pause();
    marks.push(new Date());
    await pause();

    // C: later amendments of those not repealed, in 2025.
    for (const id of policies.filter((_, i) => i < 8 && i % 4 !== 1)) await act(events, id, month(2025, 6), 'AmendPolicy', { changes: { title: `${id}（2025 版）` } });
    await writeStationHistory(events, { calls: 1, applicationsPerCall: 12, startYear: 2026 });

    await new RecordTimeIndex(events, liveEarly).catchUp();
    await rebuildAll(indexEarly);
    full = newStore();
    await new RecordTimeIndex(events, full).catchUp();
    await rebuildAll(full);
    indexOnly = newStore();
    await new RecordTimeIndex(events, indexOnly).catchUp();
  }, 120_000);

  afterAll(async () => {
    for (const store of stores) await store.close();
    await events.close();
  });

  const businessTimes = [undefined, '2023-12-31', '2024-03-15', '2024-06-30', '2024-09-22', '2024-12-31', '2025-03-31', '2026-12-31'].map((day) => (day ? new Date(`${day}T23:59:59.999+08:00`) : undefined));
  const slices = (): TimeSlice[] => businessTimes.flatMap((asOf) => [undefined, ...marks].map((knownAt) => ({ asOf, knownAt }))).filter((s) => s.asOf || s.knownAt);

  const compare = async (docs: DocumentStore, log: EventStore = events) => {
    const index = new RecordTimeIndex(log, docs);
    const differing: unknown[] = [];
    const stats: SliceStats[] = [];
    for (const projection of PROJECTIONS) {
      for (const slice of slices()) {
        const replayed = sorted(await documentsAsOf(log, projection, slice));
        const answer = await index.documentsAsOf(projection, slice);
        stats.push(answer.stats);
        if (sorted(answer.documents) !== replayed) differing.push({ projection: projection.name, asOf: slice.asOf?.toISOString(), knownAt: slice.knownAt?.toISOString() });
      }
    }
    return { differing, stats };
  };

  it('answers as the replay, today’s document serving the records wholly in the slice', async () => {
    const { differing, stats } = await compare(full);
    expect(differing).toEqual([]);
    expect(stats.some((s) => s.current > 0)).toBe(true);
    expect(stats.some((s) => s.folded > 0)).toBe(true);
    expect(stats.every((s) => s.tail === 0)).toBe(true);
  });

  it('answers as the replay when the index stands behind the log (the rest read from the log)', async () => {
    const { differing, stats } = await compare(indexEarly);
    expect(differing).toEqual([]);
    expect(stats.every((s) => s.tail > 0)).toBe(true);
  });

  it('answers as the replay when the documents stand behind the index (those changed since are folded)', async () => {
    const { differing, stats } = await compare(liveEarly);
    expect(differing).toEqual([]);
    expect(stats.some((s) => s.current > 0)).toBe(true);
  });

  it('answers as the log stood when it was read, though the documents have moved on since', async () => {
    // The log as it stood after A (what a reader sees when events are appended while it reads), the documents of today.
    const asItStood: EventStore = Object.assign(Object.create(events) as EventStore, {
      readAll: async (options: ReadAllOptions) => (await events.readAll(options)).filter((e) => e.position <= headAfterA),
    });
    const { differing, stats } = await compare(indexEarly, asItStood);
    expect(differing).toEqual([]);
    expect(stats.every((s) => s.position === Number(headAfterA))).toBe(true);
    expect(stats.some((s) => s.current > 0)).toBe(true);
  });

  it('answers as the replay with no documents at all (every record folded)', async () => {
    const { differing, stats } = await compare(indexOnly);
    expect(differing).toEqual([]);
    expect(stats.every((s) => s.current === 0)).toBe(true);
  });

  it('takes no document of another version of the projection', async () => {
    const older = newStore();
    await new RecordTimeIndex(events, older).catchUp();
    // The documents of the previous version, which titled every policy otherwise, still serve while the current one is rebuilt.
    const apply = (view: StoredDocument | undefined, event: RecordedEvent) => {
      const next = policiesProjection.apply(view as never, event);
      return next && { ...next, title: '旧版本' };
    };
    await rebuildProjection(events, older, { ...policiesProjection, version: policiesProjection.version - 1, apply } as Projection);
    const { differing } = await compare(older);
    expect(differing).toEqual([]);
  });

  it('reads only the records that may exist in the slice', async () => {
    const index = new RecordTimeIndex(events, indexOnly);
    const head = Number(await events.headPosition());
    const early = await index.documentsAsOf(policiesProjection, { asOf: businessTimes[2] });
    expect(early.stats.candidates).toBe(4); // the late one (2023-12) and those published in January–March 2024
    expect(early.stats.eventsRead).toBeLessThan(head / 10);
    const before = await index.documentsAsOf(policiesProjection, { knownAt: marks[0] });
    expect(before).toEqual({ documents: [], stats: expect.objectContaining({ candidates: 0, eventsRead: 0 }) });
  });

  it('keeps, per record, the span of its events’ business and record times and the last position taken in', async () => {
    const stream = (await events.readStream(policyKind.streamId('policy-0'))).map((e) => ({ o: Date.parse(e.metadata.occurredAt), r: Date.parse(e.metadata.recordedAt), p: Number(e.position) }));
    const stored = await full.collection(recordTimesCollection('policy-')).findOne({ _id: 'policy-policy-0' });
    expect(stored).toEqual({
      _id: 'policy-policy-0',
      _position: Math.max(...stream.map((e) => e.p)),
      firstOccurred: Math.min(...stream.map((e) => e.o)),
      lastOccurred: Math.max(...stream.map((e) => e.o)),
      firstRecorded: Math.min(...stream.map((e) => e.r)),
      lastRecorded: Math.max(...stream.map((e) => e.r)),
    });
  });

  it('hands its writes the positions of the records it has just read, so the store need not read them again', async () => {
    const docs = new EmbeddedDocumentStore(':memory:');
    const handed: { written: [string, number][]; stored: Record<string, number> | undefined }[] = [];
    const watched = interceptBulkWrites(docs, (name, putMany) => async (batch, stored) => {
      if (name === recordTimesCollection('policy-')) handed.push({ written: batch.map((doc) => [doc._id, doc._position]), stored: stored && Object.fromEntries(stored) });
      return putMany(batch, stored);
    });
    await new RecordTimeIndex(events, watched, { pageSize: 50 }).catchUp();
    // Each write is handed the positions its records had from the writes before it, and none for a new record.
    const stored = new Map<string, number>();
    for (const { written, stored: given } of handed) {
      expect(given).toEqual(Object.fromEntries(written.filter(([id]) => stored.has(id)).map(([id]) => [id, stored.get(id)!])));
      for (const [id, position] of written) stored.set(id, position);
    }
    // The history amends every policy after other events: some records are written again in a later page.
    expect(handed.some(({ stored: given }) => Object.keys(given ?? {}).length > 0)).toBe(true);
    await docs.close();
  });

  it('indexes each collection of the index on the times an as-of list filters by, once per process', async () => {
    const docs = new EmbeddedDocumentStore(':memory:');
    const asked: { collection: string; indexes: unknown }[] = [];
    const watched: DocumentStore = {
      ...docs,
      collection: <T extends StoredDocument>(name: string) => {
        const collection = docs.collection<T>(name);
        return Object.assign(Object.create(collection) as typeof collection, {
          ensureIndexes: async (indexes: Parameters<typeof collection.ensureIndexes>[0]) => {
            asked.push({ collection: name, indexes });
            return collection.ensureIndexes(indexes);
          },
        });
      },
      listCollections: () => docs.listCollections(),
      dropCollection: (name) => docs.dropCollection(name),
      close: () => docs.close(),
    };
    const index = new RecordTimeIndex(events, watched);
    await index.catchUp();
    await index.catchUp();
    const names = asked.map((a) => a.collection);
    expect(names).toContain(recordTimesCollection('policy-'));
    expect(new Set(names).size).toBe(names.length);
    expect(asked.every((a) => a.indexes === RECORD_TIME_INDEXES)).toBe(true);
    expect(RECORD_TIME_INDEXES.map((i) => Object.keys(i.keys))).toEqual([['firstOccurred'], ['firstRecorded']]);
    await docs.close();
  });
});
