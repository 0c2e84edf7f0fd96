import type { Decider, DomainEvent } from '@sme/domain/shared/decider';
import { chinaTimeOf } from '@sme/domain/shared/dates';
import { conflict } from '@sme/domain/shared/domain-error';
import {
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type RecordedEvent,
} from './event-store.port';
import { defaultUpcast, foldRecorded, type Upcaster } from './load-aggregate';
import { foldStream, keepSnapshot, type FoldedStream } from './snapshots/snapshot-fold';
import type { SnapshotPolicy } from './snapshots/snapshot-store';

export interface HandleCommandOptions<Cmd, State, Ev extends DomainEvent> {
  streamId: string;
  decider: Decider<Cmd, State, Ev>;
  command: Cmd;
  /**
   * The access gate: runs on the folded state before anything else is checked, so a caller who may
   * not act is refused (403) without learning the record's revision or its last event's time.
   */
  authorize?: (command: Cmd, state: State) => void;
  /**
   * The revision the client last saw (its If-Match). If the stream has moved on, the command is refused
   * with WrongExpectedRevisionError before deciding: the client decided on a stale view.
   * Absent: the revision just read is used, and a concurrent write makes the whole read-decide-append
   * run again (up to maxRetries times), since the decision is re-made on fresh state.
   */
  expectedRevision?: bigint;
  /** Builds the stored form (ids, metadata, schema version) of each decided event, at its business time (`businessTime`, or a correction's). */
  toEventToAppend: (event: Ev, index: number, businessTime?: Date) => EventToAppend;
  upcast?: Upcaster<Ev>;
  /** The act's business time; refused when earlier than the stream's last event's occurredAt, unless back-dating allows it. */
  businessTime?: Date;
  /**
   * Back-dating (补录): a business time earlier than the stream's last event's is taken when it is at
   * most `windowMs` earlier, not before the record's first event, and `reason` says why. Without it, or
   * with a window of 0, any earlier business time is refused.
   */
  backdating?: { windowMs: number; reason?: string };
  /**
   * 更正: the act corrects the fact of an earlier event of this record (`eventId`), for `reason`. It takes
   * that event's business time — the day the fact held — whatever the back-dating window, and is refused
   * when the record holds no such event or no reason is given.
   */
  correction?: { eventId: string; reason?: string };
  /** Default 3. Only used without expectedRevision. */
  maxRetries?: number;
  /**
   * The stream's id was just drawn at random (a new record's id the server chose): no stream can have
   * it yet, so the first attempt decides on the initial state without reading, and appends expecting no
   * stream. Should the stream exist after all, that append is refused and the retry reads it as usual.
   * Ignored with an expected revision or a correction, which need the stream read.
   */
  newStream?: boolean;
  /** Fold from the stream's snapshot, and keep a new one every so many events (none: fold the whole stream). */
  snapshots?: SnapshotPolicy;
}

export interface HandleCommandResult<State> {
  /** State after the new events (the current state when nothing was decided). */
  state: State;
  /** The events this command wrote, as stored; [] when the decider decided nothing. */
  events: RecordedEvent[];
  /** The stream's revision after the command; -1n when the stream still does not exist. */
  nextExpectedRevision: bigint;
  /** Global position of the last event written; null when nothing was written. */
  position: bigint | null;
}

/**
 * The one way commands reach the store: read the stream (from its snapshot), fold, decide, append with
 * optimistic concurrency.
 * Within one process the commands on one stream take turns (a hot record, such as a voucher programme
 * taking a hundred orders at once, then decides each on the state its predecessor left instead of
 * failing its retries); between processes the expected revision still guards every append.
 */
export async function handleCommand<Cmd, State, Ev extends DomainEvent>(
  store: EventStore,
  options: HandleCommandOptions<Cmd, State, Ev>,
): Promise<HandleCommandResult<State>> {
  const retries = options.expectedRevision === undefined ? (options.maxRetries ?? 3) : 0;
  return inTurn(store, options.streamId, async () => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await readDecideAppend(store, options, options.newStream === true && attempt === 0);
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError && attempt < retries) continue;
        throw error;
      }
    }
  });
}

/** The last command queued on each stream of each store: the next one starts when it has settled. */
const queues = new WeakMap<EventStore, Map<string, Promise<unknown>>>();

/**
 * Runs `work` in the stream's turn: after every command on it already queued in this process, before
 * any queued later (an erasure forgets a record's snapshots so, after a command that may keep one).
 */
export function inTurn<T>(store: EventStore, streamId: string, work: () => Promise<T>): Promise<T> {
  let streams = queues.get(store);
  if (streams === undefined) queues.set(store, (streams = new Map()));
  const queue = streams;
  const mine = (queue.get(streamId) ?? Promise.resolve()).then(work);
  const settled = mine.then(
    () => undefined,
    () => undefined,
  );
  queue.set(streamId, settled);
  void settled.then(() => {
    if (queue.get(streamId) === settled) queue.delete(streamId);
  });
  return mine;
}

async function readDecideAppend<Cmd, State, Ev extends DomainEvent>(
  store: EventStore,
  options: HandleCommandOptions<Cmd, State, Ev>,
  unread: boolean,
): Promise<HandleCommandResult<State>> {
  const { streamId, decider } = options;
  const upcast = options.upcast ?? defaultUpcast;
  // A correction looks for the event it corrects in the whole history: it folds without a snapshot.
  const snapshots = options.correction ? undefined : options.snapshots;
  const folded: FoldedStream<State> =
    unread && options.expectedRevision === undefined && !options.correction
      ? { state: decider.initialState(), revision: -1n, history: [], snapshotRevision: -1n }
      : await foldStream(store, streamId, decider, upcast, snapshots);
  const { state, revision, last } = folded;
  options.authorize?.(options.command, state);

  if (options.expectedRevision !== undefined && options.expectedRevision !== revision) {
    throw new WrongExpectedRevisionError(streamId, options.expectedRevision, last ? revision : 'no_stream');
  }
  const businessTime = options.correction ? correctedTime(folded.history ?? [], options.correction) : options.businessTime;
  if (!options.correction && businessTime && last && businessTime.getTime() < Date.parse(last.occurredAt)) {
    refuseBackdating(businessTime, folded.firstOccurredAt ?? last.occurredAt, last.occurredAt, options.backdating);
  }

  const decided = decider.decide(options.command, state);
  if (decided.length === 0) return { state, events: [], nextExpectedRevision: revision, position: null };

  const toAppend = decided.map((event, index) => options.toEventToAppend(event, index, businessTime));
  const expected = last ? revision : 'no_stream';
  const result: AppendResult & { events?: RecordedEvent[] } = store.appendRecorded
    ? await store.appendRecorded(streamId, toAppend, expected)
    : await store.append(streamId, toAppend, expected);

  // The stored events rather than rebuilt ones: the caller gets exactly what is stored (hashes, positions,
  // JSON forms), and an idempotent retry gets the events its first attempt wrote.
  const firstRevision = result.nextExpectedRevision - BigInt(toAppend.length) + 1n;
  const written = result.events ?? (await store.readStream(streamId, { fromRevision: firstRevision, maxCount: toAppend.length }));
  if (firstRevision <= revision) {
    // The batch was already in the history just read (an idempotent retry): the state after it is a prefix of that history.
    const history = folded.history ?? (await store.readStream(streamId));
    const prefix = history.filter((event) => event.revision <= result.nextExpectedRevision);
    return { state: foldRecorded(decider, decider.initialState(), prefix, upcast), events: written, nextExpectedRevision: result.nextExpectedRevision, position: result.position };
  }
  const stateAfter = foldRecorded(decider, state, written, upcast);
  const newest = written[written.length - 1];
  await keepSnapshot(snapshots, streamId, {
    state: stateAfter,
    last: { revision: newest.revision, hash: newest.hash, occurredAt: newest.metadata.occurredAt },
    firstOccurredAt: folded.firstOccurredAt ?? written[0].metadata.occurredAt,
    snapshotRevision: folded.snapshotRevision,
  });
  return { state: stateAfter, events: written, nextExpectedRevision: result.nextExpectedRevision, position: result.position };
}

/** A correction's business time: that of the event it corrects, which must be this record's; and it needs a reason. */
function correctedTime(history: readonly RecordedEvent[], { eventId, reason }: { eventId: string; reason?: string }): Date {
  const corrected = history.find((event) => event.id === eventId);
  if (!corrected) {
    throw conflict('CORRECTED_EVENT_NOT_IN_RECORD', `更正所指的事件（${eventId}）不属于该记录`, `The event to correct (${eventId}) is not one of this record's`, 'corrects');
  }
  if (!reason?.trim()) {
    throw conflict('CORRECTION_REASON_REQUIRED', '更正须说明原因（reason）', 'A correction needs a reason', 'reason');
  }
  return new Date(corrected.metadata.occurredAt);
}

/** A business time earlier than the record's last event: refused unless the back-dating rule takes it. */
function refuseBackdating(at: Date, firstOccurredAt: string, lastOccurredAt: string, backdating: HandleCommandOptions<unknown, unknown, DomainEvent>['backdating']): void {
  const when = chinaTimeOf(at);
  const previous = chinaTimeOf(lastOccurredAt);
  const windowMs = backdating?.windowMs ?? 0;
  if (windowMs <= 0) {
    throw conflict('OCCURRED_AT_BEFORE_PREVIOUS', `发生时间（${when}）不得早于该记录上一事件的发生时间（${previous}）`, `occurredAt (${when}) must not be earlier than that of the record's previous event (${previous})`, 'occurredAt');
  }
  const days = Math.round(windowMs / 86_400_000);
  if (Date.parse(lastOccurredAt) - at.getTime() > windowMs) {
    throw conflict('BACKDATING_BEYOND_WINDOW', `补录的发生时间（${when}）早于上一事件（${previous}）超过 ${days} 天`, `occurredAt (${when}) is more than ${days} days before the record's previous event (${previous})`, 'occurredAt');
  }
  if (at.getTime() < Date.parse(firstOccurredAt)) {
    const start = chinaTimeOf(firstOccurredAt);
    throw conflict('BACKDATING_BEFORE_RECORD', `补录的发生时间（${when}）不得早于该记录的第一个事件（${start}）`, `occurredAt (${when}) must not be before the record's first event (${start})`, 'occurredAt');
  }
  if (!backdating?.reason?.trim()) {
    throw conflict('BACKDATING_REASON_REQUIRED', `发生时间早于上一事件（${previous}）：补录须说明原因（backdatingReason）`, `occurredAt is before the record's previous event (${previous}): a back-dated act needs a backdatingReason`, 'backdatingReason');
  }
}
