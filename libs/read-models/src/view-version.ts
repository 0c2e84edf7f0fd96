import type { RecordedEvent } from '@sme/event-store';
import type { ViewVersion } from './views';

export function versionOf(event: RecordedEvent): Omit<ViewVersion, '_id'> {
  return { _position: Number(event.position), revision: Number(event.revision), updatedAt: event.metadata.occurredAt };
}

/** What a client sees of a stored view: no storage fields, the position as a decimal string. */
export type PublicView<V extends ViewVersion> = Omit<V, '_id' | '_position'> & { position: string };

export function toPublicView<V extends ViewVersion>(view: V): PublicView<V> {
  const { _id: _ignored, _position, ...rest } = view;
  return { ...rest, position: String(_position) };
}

/** The id inside a stream id `<category>-<id>`. */
export function idOfStream(streamId: string): string {
  return streamId.slice(streamId.indexOf('-') + 1);
}
