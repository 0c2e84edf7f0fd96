import type { EventStore, RecordedEvent } from '@sme/event-store';
import type { DocumentStore, IndexSpec, StoredDocument } from '../document-store/document-store.port';
import { foldRecord, type Projection } from '../projector/projection';
import { ProjectionRegistry } from '../projector/projection-registry';
import { PROJECTIONS } from '../projections';
import { liveDocumentsAt } from './documents-at';
import { inSlice, type TimeSlice } from './time-slice';

/**
 * One record's dated events in brief: the earliest and latest business time (occurredAt) and record
 * time (recordedAt) among its events, as epoch milliseconds. Enough to tell that a record cannot exist
 * in a time slice (nothing of it occurred, or was known, by then) and that all of it does (its every
 * event is in the slice, so its document there is today's). Times only: no personal data.
 */
export interface RecordTimes extends StoredDocument {
  /** The record's stream. */
  _id: string;
  /** Position of the record's last event taken in. */
  _position: number;
  firstOccurred: number;
  lastOccurred: number;
  firstRecorded: number;
  lastRecorded: number;
}

/** Under this name the index keeps its checkpoint beside the projections' (in `_checkpoints`). */
export const RECORD_TIMES_CHECKPOINT = '_record_times';
/** The collection of one stream prefix's record times, e.g. `_record_times_policy`. */
export const recordTimesCollection = (streamPrefix: string) => `_record_times_${streamPrefix.replace(/-$/, '')}`;

/** What an as-of list filters the index on: records that began (occurred, became known) by the slice. */
export const RECORD_TIME_INDEXES: readonly IndexSpec[] = [
  { name: 'firstOccurred', keys: { firstOccurred: 1 } },
  { name: 'firstRecorded', keys: { firstRecorded: 1 } },
];

const CANDIDATE_READS = 8;
const ID_CHUNK = 1000;

/** The record's times with one more of its events (an event at or below the position taken in changes nothing). */
export function withEvent(times: RecordTimes | undefined, event: RecordedEvent): RecordTimes {
  const position = Number(event.position);
  if (times && times._position >= position) return times;
  const occurred = Date.parse(event.metadata.occurredAt);
  const recorded = Date.parse(event.metadata.recordedAt);
  if (!times) return { _id: event.streamId, _position: position, firstOccurred: occurred, lastOccurred: occurred, firstRecorded: recorded, lastRecorded: recorded };
  return {
    _id: times._id,
    _position: position,
    firstOccurred: Math.min(times.firstOccurred, occurred),
    lastOccurred: Math.max(times.lastOccurred, occurred),
    firstRecorded: Math.min(times.firstRecorded, recorded),
    lastRecorded: Math.max(times.lastRecorded, recorded),
  };
}

/** Whether some event of the record may be in the slice (a superset: the fold tells). */
const mayExistIn = (t: RecordTimes, { asOf, knownAt }: TimeSlice) =>
  (asOf === undefined || t.firstOccurred <= asOf.getTime()) && (knownAt === undefined || t.firstRecorded <= knownAt.getTime());
/** The stored index's filter for the records that may exist in the slice. */
function sliceFilter({ asOf, knownAt }: TimeSlice): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (asOf) filter.firstOccurred = { $lte: asOf.getTime() };
  if (knownAt) filter.firstRecorded = { $lte: knownAt.getTime() };
  return filter;
}

/** Whether every event of the record is in the slice. */
const wholeIn = (t: RecordTimes, { asOf, knownAt }: TimeSlice) =>
  (asOf === undefined || t.lastOccurred <= asOf.getTime()) && (knownAt === undefined || t.lastRecorded <= knownAt.getTime());

/** How an as-of answer was made (for the bench and the logs). */
export interface SliceStats {
  /** The log position the answer stands at. */
  position: number;
  /** Records that may exist in the slice. */
  candidates: number;
  /** Of them, taken as today's document (all their events in the slice). */
  current: number;
  /** Of them, folded from their own events. */
  folded: number;
  /** Events read to fold them. */
  eventsRead: number;
  /** Events of the log read past the index's checkpoint. */
  tail: number;
}

/**
 * The index of dated record states behind as-of lists: per record (stream) of every projected kind, the
 * span of its events' business and record times, kept in the document store and extended from its
 * checkpoint by the one process that writes the read side (`catchUp`). A list as of a time slice then
 * reads only what it needs — the records that may exist in the slice; today's document of each whose
 * every event is in it; and the fold of the in-slice events, in record order, of each of the others,
 * from its own stream — instead of replaying the whole log. Any reader may use it: what the stored index
 * has not yet taken in (the log past its checkpoint) is read and added in memory.
 */
export class RecordTimeIndex {
  private readonly registry: ProjectionRegistry;
  private readonly prefixes: readonly string[];
  private readonly pageSize: number;
  private running: Promise<number> = Promise.resolve(0);
  /** The collections this process has given their indexes. */
  private readonly indexed = new Set<string>();

  constructor(
    private readonly events: EventStore,
    private readonly docs: DocumentStore,
    options: { projections?: readonly Projection[]; pageSize?: number } = {},
  ) {
    this.registry = new ProjectionRegistry(docs);
    this.prefixes = [...new Set((options.projections ?? PROJECTIONS).map((p) => p.streamPrefix))];
    this.pageSize = options.pageSize ?? 2000;
  }

  /** The position the stored index has taken in. */
  checkpoint(): Promise<number> {
    return this.registry.checkpoint(RECORD_TIMES_CHECKPOINT);
  }

  /**
   * Extends the stored index from its checkpoint to the log's head; resolves to the position reached.
   * For the process that writes the read side; calls in one process run one after the other.
   */
  catchUp(): Promise<number> {
    const next = this.running.then(
      () => this.extend(),
      () => this.extend(),
    );
    this.running = next;
    return next;
  }

  private async extend(): Promise<number> {
    let after = await this.checkpoint();
    for (;;) {
      const page = await this.events.readAll({ after: after === 0 ? undefined : BigInt(after), maxCount: this.pageSize });
      if (page.length === 0) return after;
      const grouped = this.byPrefix(page);
      for (const [prefix, events] of grouped) {
        const name = recordTimesCollection(prefix);
        const collection = this.docs.collection<RecordTimes>(name);
        if (!this.indexed.has(name)) {
          await collection.ensureIndexes(RECORD_TIME_INDEXES);
          this.indexed.add(name);
        }
        const ids = [...new Set(events.map((e) => e.streamId))];
        const found = await collection.find({ _id: { $in: ids } });
        const times = new Map(found.map((t) => [t._id, t] as const));
        for (const event of events) times.set(event.streamId, withEvent(times.get(event.streamId), event));
        // The positions just read (the index has one writer, the read side's): the store need not read them again.
        await collection.putManyIfNewer(ids.map((id) => times.get(id)!), new Map(found.map((t) => [t._id, t._position])));
      }
      after = Number(page[page.length - 1].position);
      await this.registry.saveCheckpoint(RECORD_TIMES_CHECKPOINT, after);
      if (page.length < this.pageSize) return after;
    }
  }

  private byPrefix(events: readonly RecordedEvent[]): Map<string, RecordedEvent[]> {
    const grouped = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      const prefix = this.prefixes.find((p) => event.streamId.startsWith(p));
      if (prefix === undefined) continue;
      const list = grouped.get(prefix);
      if (list) list.push(event);
      else grouped.set(prefix, [event]);
    }
    return grouped;
  }

  /**
   * The records of a stream prefix that may exist in the slice, from the stored index and the log past
   * its checkpoint (read, not stored; up to `upTo` when given), with the position they stand at.
   */
  async candidates(streamPrefix: string, slice: TimeSlice, upTo?: number): Promise<{ position: number; records: RecordTimes[]; tail: number }> {
    const checkpoint = await this.checkpoint();
    const collection = this.docs.collection<RecordTimes>(recordTimesCollection(streamPrefix));
    if (upTo !== undefined && upTo <= checkpoint) {
      // A past position: the stored index holds every record begun by then (and some begun after,
      // which the fold up to `upTo` leaves out).
      return { position: upTo, records: (await collection.find(sliceFilter(slice))).filter((t) => mayExistIn(t, slice)), tail: 0 };
    }
    const found = new Map((await collection.find(sliceFilter(slice))).map((t) => [t._id, t] as const));

    // The log past the checkpoint: its events of this prefix, added to the records' stored times.
    let position = checkpoint;
    let tail = 0;
    const later = new Map<string, RecordedEvent[]>();
    for (;;) {
      const page = await this.events.readAll({ after: position === 0 ? undefined : BigInt(position), maxCount: this.pageSize });
      if (page.length === 0) break;
      let ended = false;
      for (const event of page) {
        if (upTo !== undefined && Number(event.position) > upTo) {
          ended = true;
          break;
        }
        tail += 1;
        position = Number(event.position);
        if (!event.streamId.startsWith(streamPrefix)) continue;
        const list = later.get(event.streamId);
        if (list) list.push(event);
        else later.set(event.streamId, [event]);
      }
      if (ended || page.length < this.pageSize) break;
    }
    const laterIds = [...later.keys()];
    for (let i = 0; i < laterIds.length; i += ID_CHUNK) {
      const ids = laterIds.slice(i, i + ID_CHUNK);
      const stored = new Map((await collection.find({ _id: { $in: ids } })).map((t) => [t._id, t] as const));
      for (const id of ids) {
        let times = stored.get(id);
        for (const event of later.get(id)!) times = withEvent(times, event);
        found.set(id, times!);
      }
    }
    const records = [...found.values()].filter((t) => mayExistIn(t, slice));
    return { position, records, tail };
  }

  /**
   * A projection's documents as they stood in the slice — the same documents `documentsAsOf` replays
   * from the whole log, as the log stands at the returned position: the head as read, or `upTo` when
   * given (the log up to that position only; with an empty slice, a record's state at that position).
   */
  async documentsAsOf<V extends StoredDocument>(projection: Projection<V>, slice: TimeSlice, upTo?: number): Promise<{ documents: V[]; stats: SliceStats }> {
    const { position, records, tail } = await this.candidates(projection.streamPrefix, slice, upTo);
    const stats: SliceStats = { position, candidates: records.length, current: 0, folded: 0, eventsRead: 0, tail };
    const documents: V[] = [];
    const toFold: RecordTimes[] = [];

    // Today's document serves a record whose every event is in the slice, when the projection's active
    // collection is of this code's version and has applied the record's events (and none since).
    const entry = await this.registry.active(projection.name);
    const live = entry && entry.version === projection.version ? this.docs.collection<V>(entry.collection) : undefined;
    const applied = entry ? await this.registry.checkpoint(entry.collection) : 0;
    const whole = live ? records.filter((t) => t._position <= applied && t._position <= position && wholeIn(t, slice)) : [];
    const taken = new Set<string>();
    for (let i = 0; i < whole.length; i += ID_CHUNK) {
      const ids = whole.slice(i, i + ID_CHUNK).map((t) => t._id.slice(projection.streamPrefix.length));
      for (const doc of await live!.find({ _id: { $in: ids } })) {
        if (doc._position > position) continue; // changed since: folded below
        documents.push(doc);
        taken.add(projection.streamPrefix + doc._id);
      }
    }
    stats.current = taken.size;
    for (const t of records) if (!taken.has(t._id)) toFold.push(t);

    // The others: each folded from its own events in the slice, in record order.
    for (let i = 0; i < toFold.length; i += CANDIDATE_READS) {
      const folded = await Promise.all(toFold.slice(i, i + CANDIDATE_READS).map((t) => this.fold(projection, t._id, slice, position, stats)));
      for (const doc of folded) if (doc) documents.push(doc);
    }
    stats.folded = toFold.length;
    return { documents, stats };
  }

  /**
   * A projection's documents as the log stood at position `upTo`: from its active collection
   * (`liveDocumentsAt`), or, without one of this code's version, through this index.
   */
  async documentsAt<V extends StoredDocument>(projection: Projection<V>, upTo: number): Promise<V[]> {
    return (await liveDocumentsAt(this.events, this.docs, projection, upTo)) ?? (await this.documentsAsOf(projection, {}, upTo)).documents;
  }

  private async fold<V extends StoredDocument>(projection: Projection<V>, streamId: string, slice: TimeSlice, position: number, stats: SliceStats): Promise<V | undefined> {
    const events = await this.events.readStream(streamId);
    stats.eventsRead += events.length;
    return foldRecord(projection, events, (event) => Number(event.position) <= position && inSlice(event, slice));
  }
}
