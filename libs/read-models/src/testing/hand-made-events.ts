import type { Actor } from '@sme/domain/shared/decider';
import type { RecordedEvent } from '@sme/event-store';

/**
 * Stored events made by hand, for specs that feed a projection or a list filter directly: each call
 * takes the next position (and that as its revision, less one), every event by `actor`. Where the
 * domain's deciders should vouch for the events, use `eventLog` instead.
 */
export function handMadeEvents(actor: Actor, defaultOccurredAt?: string) {
  let position = 0;
  return (streamId: string, type: string, data: Record<string, unknown>, occurredAt = defaultOccurredAt): RecordedEvent => {
    if (occurredAt === undefined) throw new Error(`${type} needs an occurredAt`);
    position += 1;
    return {
      id: `e-${position}`,
      type,
      schemaVersion: 1,
      streamId,
      revision: BigInt(position - 1),
      position: BigInt(position),
      data,
      metadata: { occurredAt, recordedAt: occurredAt, actor, correlationId: 'c', causationId: null },
      hash: '',
      previousHash: null,
    };
  };
}
