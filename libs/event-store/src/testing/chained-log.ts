import type { RecordedEvent } from '../event-store.port';
import { computeEventHash } from '../hash-chain';

const metadata = {
  occurredAt: '2025-03-01T08:00:00.000Z',
  recordedAt: '2025-03-01T08:00:01.000Z',
  actor: { id: 'u1', role: 'HUB' as const, orgId: '91440101MA5CXXXX1X', regionCode: '440100' },
  correlationId: 'c1',
  causationId: null,
};

/**
 * A log of three streams interleaved, each chained, that grows by `add`: the n-th event goes to
 * `station-<n % 3>` at position `1 + n × step` (KurrentDB's positions are not gap-free).
 */
export function chainedLog(step = 1n, data: (n: number) => Record<string, unknown> = (n) => ({ n })) {
  const events: RecordedEvent[] = [];
  const last = new Map<string, { revision: bigint; hash: string }>();
  const add = (count: number): RecordedEvent[] => {
    for (let i = 0; i < count; i++) {
      const n = events.length;
      const streamId = `station-${n % 3}`;
      const previous = last.get(streamId);
      const event = { id: `e${n}`, type: 'Noted', schemaVersion: 1, streamId, revision: previous ? previous.revision + 1n : 0n, data: data(n), metadata };
      const hash = computeEventHash(event, previous?.hash ?? null);
      last.set(streamId, { revision: event.revision, hash });
      events.push({ ...event, position: 1n + BigInt(n) * step, hash, previousHash: previous?.hash ?? null });
    }
    return events;
  };
  return { events, add };
}
