import type { RecordedEvent } from '@sme/event-store';

/**
 * When the read side is read: at a business time (`asOf`: events that occurred by then) as the ledger
 * knew it at a record time (`knownAt`: events recorded by then). Either may be left out.
 */
export interface TimeSlice {
  asOf?: Date;
  knownAt?: Date;
}

/** Whether an event belongs to the slice: occurred by `asOf` and recorded by `knownAt`. */
export function inSlice(event: RecordedEvent, { asOf, knownAt }: TimeSlice): boolean {
  return (asOf === undefined || Date.parse(event.metadata.occurredAt) <= asOf.getTime()) && (knownAt === undefined || Date.parse(event.metadata.recordedAt) <= knownAt.getTime());
}
