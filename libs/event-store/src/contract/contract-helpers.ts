import { randomUUID } from 'node:crypto';
import type { EventMetadata, EventToAppend, RecordedEvent, Subscription } from '../event-store.port';

/** A stream id no other test, run or process uses, so the contract can run against a shared server. */
export function uniqueStreamId(kind: string): string {
  return `contract_${kind}-${randomUUID()}`;
}

export function testMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  const now = new Date().toISOString();
  return {
    occurredAt: now,
    recordedAt: now,
    actor: { id: 'user-1', role: 'STATION_OPERATOR', orgId: '91440101MA5CXXXX1X', regionCode: '440106' },
    correlationId: randomUUID(),
    causationId: null,
    ...overrides,
  };
}

export function testEvent(type = 'Tested', data: Record<string, unknown> = {}, metadata?: Partial<EventMetadata>): EventToAppend {
  return { id: randomUUID(), type, schemaVersion: 1, data, metadata: testMetadata(metadata) };
}

export function ids(events: readonly { id: string }[]): string[] {
  return events.map((event) => event.id);
}

export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Pulls from a subscription (without ending it) until the event with `untilId` arrives. Every event passes
 * through `onEvent` (e.g. to store a checkpoint); those accepted by `keep` are returned in arrival order.
 */
export async function pullUntil(
  iterator: AsyncIterator<RecordedEvent>,
  untilId: string,
  options: { keep: (event: RecordedEvent) => boolean; onEvent?: (event: RecordedEvent) => Promise<void>; timeoutMs: number },
): Promise<RecordedEvent[]> {
  const kept: RecordedEvent[] = [];
  for (;;) {
    const next = await within(iterator.next(), options.timeoutMs, `event ${untilId}`);
    if (next.done) throw new Error(`Subscription ended before event ${untilId}`);
    const event = next.value;
    if (options.keep(event)) kept.push(event);
    await options.onEvent?.(event);
    if (event.id === untilId) return kept;
  }
}

export function iteratorOf(subscription: Subscription): AsyncIterator<RecordedEvent> {
  return subscription[Symbol.asyncIterator]();
}

export function isStrictlyIncreasing(values: readonly bigint[]): boolean {
  return values.every((value, index) => index === 0 || value > values[index - 1]);
}
