import type { EventStore, RecordedEvent, StreamAnchor } from './event-store.port';

/**
 * The events of a stream after `anchor`, if the stream still holds that event (its revision, its hash);
 * undefined otherwise. From the store's own `readStreamAfter` when it has one; else one read from the
 * anchor's revision, whose first event is checked and dropped.
 */
export async function readStreamAfter(store: EventStore, streamId: string, anchor: StreamAnchor): Promise<RecordedEvent[] | undefined> {
  if (store.readStreamAfter) return store.readStreamAfter(streamId, anchor);
  const [first, ...after] = await store.readStream(streamId, { fromRevision: anchor.revision });
  return first !== undefined && first.revision === anchor.revision && first.hash === anchor.hash ? after : undefined;
}
