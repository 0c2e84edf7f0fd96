import type { ChainHashAlgorithm } from './chain-hash';

/**
 * The EventStore port. Revisions and positions are bigint everywhere inside the project;
 * adapters convert at their boundary.
 *
 * - revision: 0-based index of an event within its stream.
 * - position: the event's place in the global log ($all); strictly increasing with append order.
 *   The embedded store's positions are gap-free (1, 2, 3, …); other stores only promise order.
 */

export interface Actor {
  id: string;
  role: string;
  orgId: string;
  regionCode: string;
}

/** Envelope metadata stored with every event (see docs/events.md). */
export interface EventMetadata {
  /** Business time of the act, ISO-8601, given by the client (never in the future), default now. */
  occurredAt: string;
  /** Server time the event was appended, ISO-8601. */
  recordedAt: string;
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  /** Free-text reason given by the actor, if any. */
  reason?: string;
  /** 补录: why the act was recorded with a business time before the record's previous event. */
  backdatingReason?: string;
  /** 更正: the id of the earlier event of the same record whose fact this event corrects (its business time is that event's). */
  corrects?: string;
  /** The rule's source, e.g. "穗工信函〔2019〕1100号", when a rule applies. */
  legalBasis?: string;
}

/** What a caller hands to append(). The adapter adds revision, position and the hash chain. */
export interface EventToAppend {
  id: string; // UUID; an append retried with the same ids is not written twice
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface RecordedEvent {
  id: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  revision: bigint;
  position: bigint;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  /** SHA-256 (hex) of this event's canonical form, chained to `previousHash`. */
  hash: string;
  /** Hash of the stream's previous event; null for revision 0. */
  previousHash: string | null;
}

/**
 * Expected state of the stream before an append. Adapters also accept -1n as 'no_stream' (the revision
 * handleCommand reports for a stream that does not exist, which a client may send back as If-Match).
 */
export type ExpectedRevision = 'no_stream' | 'any' | 'stream_exists' | bigint;

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextExpectedRevision: bigint;
  /** Global position of the last event written (or found, for an idempotent retry). */
  position: bigint;
}

/** An append's result with the events as stored (hashes, positions, JSON as read back). */
export interface RecordedAppend extends AppendResult {
  /** Undefined when the adapter does not have them at hand (an idempotent retry): read the stream. */
  events: RecordedEvent[] | undefined;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction; // default forwards
  /** Inclusive. Default: 0n forwards, the last revision backwards. */
  fromRevision?: bigint;
  maxCount?: number;
}

/** One event of a stream, named by its revision and hash: where a held state was folded to. */
export interface StreamAnchor {
  revision: bigint;
  hash: string;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Default: from the beginning. */
  after?: bigint;
  /** At most this many events, counted after `streamPrefix` has been applied. */
  maxCount?: number;
  /**
   * Only the events of streams whose id starts with it (one record kind's, e.g. `call-`), still in
   * global order: what a rebuild of one projection reads, without the rest of the log.
   */
  streamPrefix?: string;
}

export interface ReadStreamsWithPrefixOptions {
  /** Inclusive: no event after this position. */
  upTo: bigint;
  /** Exclusive: the page starts after this event (the last of the page before). Default: from the first stream. */
  after?: { streamId: string; revision: bigint };
  maxCount?: number;
}

export interface SubscribeToAllOptions {
  /** Exclusive checkpoint: deliver events strictly after it. Default: from the beginning. */
  after?: bigint;
  /**
   * Only the events of the streams it accepts are wanted (one relay shard's, say). A store that honours
   * it delivers only those, skips reading the others' data, and gives the subscription a `readUpTo`;
   * a store may ignore it and deliver every event, so a consumer still checks each event it gets.
   */
  streams?: (streamId: string) => boolean;
}

/** A catch-up subscription: historical events first, then live ones, in global order. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  stop(): Promise<void>;
  /**
   * Present when the store honoured `streams`: how far the log has been read. Every event at or before
   * this position that the subscription delivers has been delivered and passed (the consumer asked for
   * the one after it); the events of refused streams up to it were skipped. 0n before anything was read.
   */
  readUpTo?(): bigint;
}

export interface EventStore {
  /** The hash of the store's chains, recorded when the store was created (SHA-256 when not said). */
  readonly hashAlgorithm?: ChainHashAlgorithm;
  append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Optional: `append` that also returns what it stored, saving the command path a read-back. */
  appendRecorded?(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<RecordedAppend>;
  /** Events of one stream; an empty array when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * Optional: the events of a stream after `anchor.revision`, provided the stream still holds the event
   * `anchor` names (that revision, that hash); undefined when it does not. What a fold from a state held
   * since `anchor` needs, without reading the anchor event itself. `readStreamAfter` (read-stream-after.ts)
   * answers it from `readStream` for a store without it.
   */
  readStreamAfter?(streamId: string, anchor: StreamAnchor): Promise<RecordedEvent[] | undefined>;
  /** Forward page of the global log. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Optional: the events of the streams whose id starts with `prefix`, those at or before `upTo` only,
   * stream after stream (by stream id, each stream in revision order). What a rebuild of one kind folds:
   * a record's document needs its own stream in order, nothing else, and a store can answer this from its
   * (stream, revision) index. `eventsWithPrefix` (events-with-prefix.ts) answers it from `readAll` for a
   * store without it.
   */
  readStreamsWithPrefix?(prefix: string, options: ReadStreamsWithPrefixOptions): Promise<RecordedEvent[]>;
  /** Position of the newest event in the global log, or 0n when empty. */
  headPosition(): Promise<bigint>;
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
/** The events exactly as kept (personal fields as ciphertext): what the hash chains cover, and what the relay publishes. */
export const EVENT_LEDGER = Symbol('EVENT_LEDGER');

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** Current revision, or 'no_stream'. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Stores a subscriber's checkpoint (the last position it fully handled). */
export interface CheckpointStore {
  load(subscriberName: string): Promise<bigint | undefined>;
  store(subscriberName: string, position: bigint): Promise<void>;
}

/**
 * Some ids of an appended batch are already in the store, but not as that same batch at consecutive
 * revisions of this stream (partly written, reordered, or used by another stream). Retrying cannot help:
 * the caller reused ids for different events.
 */
export class EventIdConflictError extends Error {
  constructor(
    readonly streamId: string,
    /** The ids of the batch that were found elsewhere or out of place. */
    readonly eventIds: readonly string[],
    detail: string,
  ) {
    super(`Stream ${streamId}: event ids already used (${eventIds.join(', ')}): ${detail}`);
    this.name = 'EventIdConflictError';
  }
}
