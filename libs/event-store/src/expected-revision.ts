import { WrongExpectedRevisionError, type EventToAppend, type ExpectedRevision } from './event-store.port';

/**
 * -1n is accepted for 'no_stream' because that is what handleCommand reports as the revision of a stream
 * that does not exist yet, and a client may send it straight back.
 */
export function normalizeExpected(expected: ExpectedRevision): ExpectedRevision {
  if (typeof expected !== 'bigint') return expected;
  if (expected === -1n) return 'no_stream';
  if (expected < -1n) throw new RangeError(`Expected revision must be >= -1, got ${expected}`);
  return expected;
}

/**
 * Throws WrongExpectedRevisionError unless the stream's current revision (undefined: no stream) satisfies
 * the expectation. `reported` is what the caller asked for, kept in the error as given.
 */
export function assertExpectedRevision(
  streamId: string,
  expected: ExpectedRevision,
  current: bigint | undefined,
  reported: ExpectedRevision = expected,
): void {
  if (!satisfiesExpected(expected, current)) throw new WrongExpectedRevisionError(streamId, reported, current ?? 'no_stream');
}

/** Whether a stream at `current` (undefined: no stream) meets a normalised expectation. */
export function satisfiesExpected(expected: ExpectedRevision, current: bigint | undefined): boolean {
  return (
    expected === 'any' ||
    (expected === 'no_stream' && current === undefined) ||
    (expected === 'stream_exists' && current !== undefined) ||
    (typeof expected === 'bigint' && current === expected)
  );
}

/** Rejects batches no store could write sensibly, before touching the store. */
export function assertAppendableBatch(streamId: string, events: readonly EventToAppend[]): void {
  if (streamId.length === 0) throw new RangeError('Stream id must not be empty');
  if (events.length === 0) throw new RangeError(`Stream ${streamId}: append needs at least one event`);
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.id)) throw new RangeError(`Stream ${streamId}: event id ${event.id} appears twice in one batch`);
    seen.add(event.id);
  }
}
