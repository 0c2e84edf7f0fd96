import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { EventStore, RecordedEvent } from './event-store.port';
import type { ChainHashAlgorithm } from './chain-hash';

export { CHAIN_HASH_ALGORITHMS, type ChainHashAlgorithm } from './chain-hash';

/**
 * The tamper-evidence of the ledger. Every event carries the SHA-256 of its canonical form, and that
 * form includes the hash of the stream's previous event, so changing, removing or reordering any stored
 * event breaks a link a verifier can name.
 *
 * The global position is deliberately not hashed: KurrentDB assigns it only when it commits the write,
 * after the hash has to be known.
 */
export type HashableEvent = Pick<RecordedEvent, 'id' | 'type' | 'schemaVersion' | 'streamId' | 'revision' | 'data' | 'metadata'>;

/** SHA-256 (or SM3) hex over canonicalJson({ id, type, schemaVersion, streamId, revision, data, metadata, previousHash }). */
export function computeEventHash(event: HashableEvent, previousHash: string | null, algorithm: ChainHashAlgorithm = 'sha256'): string {
  return hashCanonicalParts(event, canonicalJson(event.data), canonicalJson(event.metadata), previousHash, algorithm);
}

/**
 * The same hash from data and metadata that are already in canonical JSON, so an adapter that stores
 * that text does not serialise twice. The members are written in sorted key order by hand; a unit test
 * pins this to computeEventHash's definition.
 */
export function hashCanonicalParts(
  event: Pick<HashableEvent, 'id' | 'type' | 'schemaVersion' | 'streamId' | 'revision'>,
  canonicalData: string,
  canonicalMetadata: string,
  previousHash: string | null,
  algorithm: ChainHashAlgorithm = 'sha256',
): string {
  const text =
    `{"data":${canonicalData}` +
    `,"id":${JSON.stringify(event.id)}` +
    `,"metadata":${canonicalMetadata}` +
    `,"previousHash":${previousHash === null ? 'null' : JSON.stringify(previousHash)}` +
    `,"revision":"${event.revision.toString(10)}"` +
    `,"schemaVersion":${canonicalJson(event.schemaVersion)}` +
    `,"streamId":${JSON.stringify(event.streamId)}` +
    `,"type":${JSON.stringify(event.type)}}`;
  // The one-shot digest: no hash object per event.
  return hash(algorithm, text, 'hex');
}

export type ChainProblem = 'HASH_MISMATCH' | 'PREVIOUS_HASH_MISMATCH' | 'REVISION_GAP';

export interface BrokenLink {
  streamId: string;
  revision: bigint;
  eventId: string;
  position: bigint;
  problem: ChainProblem;
  /** REVISION_GAP: the revision that should come next; otherwise the hash that should be there. */
  expected: string | null;
  actual: string | null;
}

export type ChainVerification =
  | { ok: true; eventsChecked: number; streamsChecked: number }
  | { ok: false; eventsChecked: number; firstBroken: BrokenLink };

/**
 * Checks events one by one in global order, remembering each stream's last link.
 * The next link is compared with the *stored* hash of the previous event, so one altered event is
 * reported once (as HASH_MISMATCH) rather than breaking every later link of its stream.
 */
export class ChainVerifier {
  private readonly lastOfStream = new Map<string, { revision: bigint; hash: string }>();
  private checked = 0;

  constructor(private readonly algorithm: ChainHashAlgorithm = 'sha256') {}

  /** Returns the broken link at this event, if any. */
  check(event: RecordedEvent): BrokenLink | undefined {
    this.checked += 1;
    const last = this.lastOfStream.get(event.streamId);
    this.lastOfStream.set(event.streamId, { revision: event.revision, hash: event.hash });

    const expectedRevision = last ? last.revision + 1n : 0n;
    if (event.revision !== expectedRevision) {
      return broken(event, 'REVISION_GAP', expectedRevision.toString(10), event.revision.toString(10));
    }
    const expectedPrevious = last ? last.hash : null;
    if (event.previousHash !== expectedPrevious) {
      return broken(event, 'PREVIOUS_HASH_MISMATCH', expectedPrevious, event.previousHash);
    }
    const recomputed = computeEventHash(event, event.previousHash, this.algorithm);
    if (recomputed !== event.hash) return broken(event, 'HASH_MISMATCH', recomputed, event.hash);
    return undefined;
  }

  get eventsChecked(): number {
    return this.checked;
  }

  get streamsChecked(): number {
    return this.lastOfStream.size;
  }
}

function broken(event: RecordedEvent, problem: ChainProblem, expected: string | null, actual: string | null): BrokenLink {
  return {
    streamId: event.streamId,
    revision: event.revision,
    eventId: event.id,
    position: event.position,
    problem,
    expected,
    actual,
  };
}

/** Verifies events given in global order (e.g. one whole stream, or a slice of $all that starts at its beginning). */
export function verifyChain(events: Iterable<RecordedEvent>, algorithm: ChainHashAlgorithm = 'sha256'): ChainVerification {
  const verifier = new ChainVerifier(algorithm);
  for (const event of events) {
    const firstBroken = verifier.check(event);
    if (firstBroken) return { ok: false, eventsChecked: verifier.eventsChecked, firstBroken };
  }
  return { ok: true, eventsChecked: verifier.eventsChecked, streamsChecked: verifier.streamsChecked };
}

export interface VerifyAllOptions {
  pageSize?: number;
  /**
   * Only check streams for which this returns true (e.g. one tenant's, or a test's own streams on a shared
   * server). Streams are always checked from their first event.
   */
  includeStream?: (streamId: string) => boolean;
}

/** Reads the whole global log page by page and verifies every stream's chain, with the hash the store records; stops at the first broken link. */
export async function verifyAll(store: EventStore, options: VerifyAllOptions = {}): Promise<ChainVerification> {
  const pageSize = options.pageSize ?? 500;
  const verifier = new ChainVerifier(store.hashAlgorithm ?? 'sha256');
  let after: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: pageSize });
    if (page.length === 0) break;
    for (const event of page) {
      if (options.includeStream && !options.includeStream(event.streamId)) continue;
      const firstBroken = verifier.check(event);
      if (firstBroken) return { ok: false, eventsChecked: verifier.eventsChecked, firstBroken };
    }
    after = page[page.length - 1].position;
  }
  return { ok: true, eventsChecked: verifier.eventsChecked, streamsChecked: verifier.streamsChecked };
}
