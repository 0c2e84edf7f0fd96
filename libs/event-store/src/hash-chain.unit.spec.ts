import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { RecordedEvent } from './event-store.port';
import { ChainVerifier, computeEventHash, hashCanonicalParts, verifyChain, type HashableEvent } from './hash-chain';

const metadata = {
  occurredAt: '2025-03-01T08:00:00.000Z',
  recordedAt: '2025-03-01T08:00:01.000Z',
  actor: { id: 'u1', role: 'HUB', orgId: '91440101MA5CXXXX1X', regionCode: '440100' },
  correlationId: 'c1',
  causationId: null,
};

function hashable(overrides: Partial<HashableEvent> = {}): HashableEvent {
  return {
    id: 'e1',
    type: 'StationOpened',
    schemaVersion: 1,
    streamId: 'station-1',
    revision: 0n,
    data: { name: '服务站', seats: 3 },
    metadata,
    ...overrides,
  };
}

/** Builds a correctly chained stream of `count` events, positions starting at `firstPosition`. */
function chain(streamId: string, count: number, firstPosition = 1n, positionStep = 1n): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let previousHash: string | null = null;
  for (let n = 0; n < count; n += 1) {
    const event = hashable({ id: `${streamId}-e${n}`, streamId, revision: BigInt(n), data: { n } });
    const hash = computeEventHash(event, previousHash);
    events.push({ ...event, position: firstPosition + BigInt(n) * positionStep, hash, previousHash });
    previousHash = hash;
  }
  return events;
}

describe('computeEventHash', () => {
  it('is the SHA-256 hex of the canonical JSON of the event with its previous hash', () => {
    const event = hashable({ revision: 7n });
    const expected = createHash('sha256')
      .update(
        canonicalJson({
          id: event.id,
          type: event.type,
          schemaVersion: event.schemaVersion,
          streamId: event.streamId,
          revision: '7',
          data: event.data,
          metadata: event.metadata,
          previousHash: 'abc',
        }),
      )
      .digest('hex');
    expect(computeEventHash(event, 'abc')).toBe(expected);
    expect(computeEventHash(event, 'abc')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same hash from pre-serialised canonical parts (the adapters\' fast path)', () => {
    const event = hashable({ data: { b: [1n, { d: 1, c: 2 }], a: 'x' } });
    expect(hashCanonicalParts(event, canonicalJson(event.data), canonicalJson(event.metadata), null)).toBe(computeEventHash(event, null));
  });

  it('does not depend on key order in data or metadata', () => {
    const reordered = hashable({ data: { seats: 3, name: '服务站' }, metadata: { ...metadata, actor: { regionCode: '440100', orgId: '91440101MA5CXXXX1X', role: 'HUB', id: 'u1' } } });
    expect(computeEventHash(reordered, null)).toBe(computeEventHash(hashable(), null));
  });

  it('changes when any hashed field changes', () => {
    const base = computeEventHash(hashable(), null);
    const variants: HashableEvent[] = [
      hashable({ id: 'e2' }),
      hashable({ type: 'StationClosed' }),
      hashable({ schemaVersion: 2 }),
      hashable({ streamId: 'station-2' }),
      hashable({ revision: 1n }),
      hashable({ data: { name: '服务站', seats: 4 } }),
      hashable({ metadata: { ...metadata, reason: '复核' } }),
    ];
    for (const variant of variants) expect(computeEventHash(variant, null)).not.toBe(base);
    expect(computeEventHash(hashable(), 'f'.repeat(64))).not.toBe(base);
  });

  it('does not hash the global position', () => {
    const [event] = chain('s', 1);
    const moved = { ...event, position: 999n };
    expect(computeEventHash(moved, null)).toBe(event.hash);
  });
});

describe('verifyChain', () => {
  it('accepts interleaved intact streams', () => {
    const a = chain('a', 3, 1n, 2n); // positions 1, 3, 5
    const b = chain('b', 2, 2n, 2n); // positions 2, 4
    const global = [...a, ...b].sort((x, y) => (x.position < y.position ? -1 : 1));
    expect(verifyChain(global)).toEqual({ ok: true, eventsChecked: 5, streamsChecked: 2 });
    expect(verifyChain([])).toEqual({ ok: true, eventsChecked: 0, streamsChecked: 0 });
  });

  it('names an event whose content was altered', () => {
    const events = chain('a', 3);
    events[1] = { ...events[1], data: { n: 99 } };
    const result = verifyChain(events);
    expect(result).toMatchObject({
      ok: false,
      eventsChecked: 2,
      firstBroken: { streamId: 'a', revision: 1n, eventId: 'a-e1', position: 2n, problem: 'HASH_MISMATCH', actual: events[1].hash },
    });
    if (!result.ok) expect(result.firstBroken.expected).toBe(computeEventHash(events[1], events[1].previousHash));
  });

  it('names an event whose previousHash does not match the previous event', () => {
    const events = chain('a', 3);
    events[2] = { ...events[2], previousHash: 'f'.repeat(64) };
    expect(verifyChain(events)).toMatchObject({
      ok: false,
      firstBroken: { revision: 2n, problem: 'PREVIOUS_HASH_MISMATCH', expected: events[1].hash, actual: 'f'.repeat(64) },
    });
  });

  it('requires revision 0 to have no previous hash', () => {
    const [first] = chain('a', 1);
    expect(verifyChain([{ ...first, previousHash: 'f'.repeat(64) }])).toMatchObject({
      ok: false,
      firstBroken: { problem: 'PREVIOUS_HASH_MISMATCH', expected: null },
    });
  });

  it('names the event after a removed one as a revision gap', () => {
    const events = chain('a', 4);
    events.splice(1, 1);
    expect(verifyChain(events)).toMatchObject({
      ok: false,
      firstBroken: { eventId: 'a-e2', revision: 2n, problem: 'REVISION_GAP', expected: '1', actual: '2' },
    });
  });

  it('requires a stream to start at revision 0', () => {
    const events = chain('a', 3).slice(1);
    expect(verifyChain(events)).toMatchObject({ ok: false, firstBroken: { problem: 'REVISION_GAP', expected: '0', actual: '1' } });
  });

  it('reports the first broken link in global order', () => {
    const a = chain('a', 3, 1n, 2n);
    const b = chain('b', 3, 2n, 2n);
    a[2] = { ...a[2], data: { n: -1 } }; // position 5
    b[1] = { ...b[1], data: { n: -1 } }; // position 4
    const global = [...a, ...b].sort((x, y) => (x.position < y.position ? -1 : 1));
    expect(verifyChain(global)).toMatchObject({ ok: false, firstBroken: { streamId: 'b', position: 4n } });
  });

  it('reports one tampered event once: the next link is compared with its stored hash', () => {
    const events = chain('a', 3);
    events[1] = { ...events[1], data: { n: 42 } };
    const verifier = new ChainVerifier();
    expect(events.map((event) => verifier.check(event)?.problem)).toEqual([undefined, 'HASH_MISMATCH', undefined]);
  });
});
