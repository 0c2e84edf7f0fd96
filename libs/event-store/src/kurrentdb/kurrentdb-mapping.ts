import { jsonEvent, type EventData, type Position, type RecordedEvent as KurrentRecordedEvent } from '@kurrent/kurrentdb-client';
import { canonicalJson } from '../canonical-json';
import type { EventMetadata, EventToAppend, RecordedEvent } from '../event-store.port';
import { hashCanonicalParts } from '../hash-chain';

/**
 * How the ledger's events look inside KurrentDB, and how KurrentDB positions become the port's bigint.
 *
 * Positions. A KurrentDB $all position is a pair {commit, prepare}. Every event written through the gRPC
 * append API is stored as its own self-committed record, for which the server reports commit == prepare
 * (the record's log position). Only events written by the legacy TCP API inside an explicit transaction
 * share one commit position and differ in prepare. So:
 * - our position is the commit position;
 * - to resume after position p we ask the server for {commit: p, prepare: p}; the server's reads start
 *   *at* that position (inclusive), so every reader here drops events whose commit position is <= the
 *   last one it has seen, which also makes the result independent of whether a subscription's start is
 *   inclusive or exclusive;
 * - an event in $all with commit != prepare cannot be addressed by one number without risking a skipped
 *   or repeated event, so it is refused loudly (KurrentPositionError) instead of handled approximately.
 * KurrentDB positions are not gap-free (they are byte offsets in the log); the port only promises order.
 */
export class KurrentPositionError extends Error {
  constructor(readonly position: Position) {
    super(
      `KurrentDB event at commit ${position.commit} / prepare ${position.prepare}: the positions differ ` +
        '(written inside an explicit transaction); this adapter addresses events by commit position alone ' +
        'and cannot resume inside such a transaction',
    );
    this.name = 'KurrentPositionError';
  }
}

export function fromKurrentPosition(position: Position): bigint {
  if (position.commit !== position.prepare) throw new KurrentPositionError(position);
  return position.commit;
}

export function toKurrentPosition(position: bigint): Position {
  return { commit: position, prepare: position };
}

/**
 * Checkpoints live in ordinary streams named `checkpoint-<subscriber>`. They are kept out of the ledger's
 * view of $all (readAll, subscribeToAll, headPosition) and append() refuses such stream ids, so a
 * checkpoint can never be mistaken for, or collide with, a domain event. (`$`-prefixed streams would need
 * admin rights on a secured server, which the application should not need.)
 */
export const CHECKPOINT_STREAM_PREFIX = 'checkpoint-';

/** System streams and events (`$`-prefixed) and checkpoint streams are not part of the ledger. */
export function isLedgerRecord(streamId: string, type: string): boolean {
  return !streamId.startsWith('$') && !type.startsWith('$') && !streamId.startsWith(CHECKPOINT_STREAM_PREFIX);
}

/** Keys our adapter adds to the event's JSON metadata next to the EventMetadata envelope. */
interface ChainFields {
  schemaVersion: number;
  hash: string;
  previousHash: string | null;
  /** Read by KurrentDB's own projections ($by_correlation_id); not part of the envelope. */
  $correlationId: string;
  $causationId?: string;
}

/** The KurrentDB event for one of ours at a given revision, and its hash for chaining the next one. */
export function toKurrentEvent(
  event: EventToAppend,
  streamId: string,
  revision: bigint,
  previousHash: string | null,
): { eventData: EventData; hash: string } {
  const dataJson = canonicalJson(event.data);
  const metadataJson = canonicalJson(event.metadata);
  const hash = hashCanonicalParts({ id: event.id, type: event.type, schemaVersion: event.schemaVersion, streamId, revision }, dataJson, metadataJson, previousHash);
  // The canonical text, parsed back, is what gets stored: bigints become strings, Dates ISO strings,
  // undefined members disappear, exactly as the hash saw them.
  const envelope = JSON.parse(metadataJson) as Record<string, unknown>;
  const chain: ChainFields = {
    schemaVersion: event.schemaVersion,
    hash,
    previousHash,
    $correlationId: event.metadata.correlationId,
    ...(event.metadata.causationId !== null ? { $causationId: event.metadata.causationId } : {}),
  };
  const eventData = jsonEvent({
    id: event.id,
    type: event.type,
    data: JSON.parse(dataJson) as Record<string, unknown>,
    metadata: { ...envelope, ...chain },
  });
  return { eventData, hash };
}

/**
 * Maps a stored KurrentDB event back to the port's form. An event that was not written by this adapter
 * (no hash in its metadata) is still returned, with an empty hash, so that verifyAll reports it as a
 * HASH_MISMATCH at its place instead of a reader crashing on it.
 */
export function fromKurrentEvent(event: KurrentRecordedEvent, position: bigint): RecordedEvent {
  const raw = isPlainObject(event.metadata) ? event.metadata : {};
  const envelope: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key !== 'schemaVersion' && key !== 'hash' && key !== 'previousHash' && !key.startsWith('$')) envelope[key] = value;
  }
  return {
    id: event.id,
    type: event.type,
    schemaVersion: typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 1,
    streamId: event.streamId,
    revision: event.revision,
    position,
    data: isPlainObject(event.data) ? event.data : {},
    metadata: envelope as unknown as EventMetadata,
    hash: typeof raw.hash === 'string' ? raw.hash : '',
    previousHash: typeof raw.previousHash === 'string' ? raw.previousHash : null,
  };
}

/**
 * The event's position as ours. `inAll`: the event was read from $all or a subscription, where the position
 * is what a reader resumes from, so commit != prepare is refused. From a stream read only the commit
 * position is used (it is what $all readers compare with), and a differing prepare is not our concern.
 */
export function positionOf(event: KurrentRecordedEvent, inAll: boolean): bigint {
  if (!event.position) {
    throw new Error(`KurrentDB returned event ${event.id} without its position; KurrentDB / EventStoreDB 22.6 or later is required`);
  }
  return inAll ? fromKurrentPosition(event.position) : event.position.commit;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

export type StoredBatch =
  | { kind: 'absent' }
  | { kind: 'stored'; last: RecordedEvent }
  | { kind: 'conflict'; eventIds: string[] };

/**
 * Whether a batch is already among a stream's most recent events (newest first), written as the same
 * events at consecutive revisions. This is how a retried append is recognised before the hash chain is
 * computed against a tail that already contains it.
 */
export function findStoredBatch(tailNewestFirst: readonly RecordedEvent[], events: readonly EventToAppend[]): StoredBatch {
  const byId = new Map(tailNewestFirst.map((event) => [event.id, event]));
  const found = events.map((event) => byId.get(event.id));
  if (found.every((event) => event === undefined)) return { kind: 'absent' };
  const first = found[0];
  const sameBatch =
    first !== undefined &&
    found.every(
      (stored, index) => stored !== undefined && stored.revision === first.revision + BigInt(index) && stored.type === events[index].type,
    );
  if (sameBatch) return { kind: 'stored', last: found[found.length - 1] as RecordedEvent };
  return { kind: 'conflict', eventIds: events.filter((_, index) => found[index] !== undefined).map((event) => event.id) };
}
