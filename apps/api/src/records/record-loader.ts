import { Inject, Injectable, Optional } from '@nestjs/common';
import { applicationKind, callKind, expertKind, toCallSnapshot, type CallSnapshot, type CallState, type ExpertState, recordNotFound } from '@sme/domain';
import type { DomainCommand, DomainEvent } from '@sme/domain/shared/decider';
import type { RecordKind } from '@sme/domain/shared/record-kind';
import { defaultUpcast, EVENT_STORE, foldStream, loadAggregate, SNAPSHOTS, type EventStore, type RecordedEvent, type SnapshotPolicy } from '@sme/event-store';
import { eventsUpTo, foldView, projectApplication, type ApplicationView } from '@sme/read-models';

/** How one record's view is read: what its absence is, and who may read it. */
export interface ViewRead<V> {
  missing: () => Error;
  /** The read rule; a reader it refuses gets `forbidden()`. */
  mayRead?: (view: V) => boolean | Promise<boolean>;
  forbidden?: () => Error;
  /** Fold only the events up to this business time. */
  asOf?: Date;
  /** Fold only the events recorded by this time: the record as the ledger knew it then. */
  knownAt?: Date;
  /** With `asOf`: the record exists now, but did not yet then. */
  notYet?: (asOf: Date) => Error;
}

/** Loads records from their streams: the ones a command depends on (the call of an application, …) and single views. */
/** How many records' calls `callIdOf` remembers. */
const CALL_IDS_KEPT = 50_000;

@Injectable()
export class RecordLoader {
  private readonly callIds = new Map<string, string>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(SNAPSHOTS) private readonly snapshots?: SnapshotPolicy,
  ) {}

  /**
   * A record's state as its kind's decider folds it, from its snapshot; the decider's initial state when
   * there is none. Only commands keep snapshots (in their stream's turn, which an erasure's forgetting
   * waits for): a read never writes one.
   */
  async state<C extends DomainCommand, S, E extends DomainEvent>(kind: Pick<RecordKind<C, S, E>, 'streamId' | 'decider'>, id: string): Promise<S> {
    return (await foldStream(this.store, kind.streamId(id), kind.decider, defaultUpcast<E>, this.snapshots)).state;
  }

  /** A record's state with its revision and events: for a step that checks a record before writing another. */
  loaded<C extends DomainCommand, S, E extends DomainEvent>(kind: Pick<RecordKind<C, S, E>, 'streamId' | 'decider'>, id: string) {
    return loadAggregate(this.store, kind.streamId(id), kind.decider);
  }

  /** A record's view folded from its stream (up to `asOf`, as known at `knownAt`), once the reader passes the read rule. */
  async view<V>(kind: Pick<RecordKind, 'streamId'>, project: (view: V | undefined, event: RecordedEvent) => V | undefined, id: string, read: ViewRead<V>): Promise<V> {
    const events = await this.store.readStream(kind.streamId(id));
    const occurred = read.asOf?.getTime();
    const recorded = read.knownAt?.getTime();
    const kept = events.filter((e) => (occurred === undefined || Date.parse(e.metadata.occurredAt) <= occurred) && (recorded === undefined || Date.parse(e.metadata.recordedAt) <= recorded));
    const view = foldView(project, kept);
    const replayedTo = read.asOf ?? read.knownAt;
    if (!view) throw events.length > 0 && replayedTo && read.notYet ? read.notYet(replayedTo) : read.missing();
    if (read.mayRead && !(await read.mayRead(view))) throw (read.forbidden ?? read.missing)();
    return view;
  }

  /** The log's newest position (0 when empty). */
  headPosition(): Promise<bigint> {
    return this.store.headPosition();
  }

  /** The log's events up to `position` (inclusive), in order, streamed: what a figure computed "as of" a position reads. */
  eventsUpTo(position: bigint): AsyncIterable<RecordedEvent> {
    return eventsUpTo(this.store, position);
  }

  async call(callId: string): Promise<Exclude<CallState, { status: 'NONE' }>> {
    const state = await this.state(callKind, callId);
    if (state.status === 'NONE') throw recordNotFound(callKind.label);
    return state;
  }

  /**
   * The call a record belongs to, from the record's first event (applications and stations carry it).
   * A record never changes its call, so the answer is remembered (for the last CALL_IDS_KEPT records):
   * a command on an application then reads its own stream once, not its first event again.
   */
  async callIdOf(streamId: string, missing: () => Error): Promise<string> {
    const known = this.callIds.get(streamId);
    if (known !== undefined) return known;
    const [first] = await this.store.readStream(streamId, { maxCount: 1 });
    const callId = (first?.data as { callId?: unknown } | undefined)?.callId;
    if (typeof callId !== 'string') throw missing();
    if (this.callIds.size >= CALL_IDS_KEPT) this.callIds.delete(this.callIds.keys().next().value!);
    this.callIds.set(streamId, callId);
    return callId;
  }

  async callSnapshot(callId: string): Promise<CallSnapshot> {
    return toCallSnapshot(await this.call(callId));
  }

  /** An application as its view folds from its stream; undefined when there is none. */
  async application(applicationId: string): Promise<ApplicationView | undefined> {
    return foldView(projectApplication, await this.store.readStream(applicationKind.streamId(applicationId)));
  }

  /** An expert's registry record (服务专家库), folded from `expert-<id>`; status NONE when not registered. */
  async expert(expertId: string): Promise<ExpertState> {
    return this.state(expertKind, expertId);
  }
}
