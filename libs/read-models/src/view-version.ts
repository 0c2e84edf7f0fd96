import type { RecordedEvent } from '@sme/event-store';
import type { ViewVersion } from './views';

export function versionOf(event: RecordedEvent): Omit<ViewVersion, '_id'> {
  return { _position: Number(event.position), revision: Number(event.revision), updatedAt: event.metadata.occurredAt };
}

/**
 * A projection written as a fold step over its kind's own events: the stored event is handed over
 * typed as the domain's event union (the projector routes only that kind's events here), with the
 * version fields every view carries from it, and as stored for the few views that show its metadata.
 */
export function projectionStep<V extends ViewVersion, E extends { type: string; data: unknown }>(
  step: (view: V | undefined, event: E, version: Omit<ViewVersion, '_id'>, recorded: RecordedEvent) => V | undefined,
): (view: V | undefined, recorded: RecordedEvent) => V | undefined {
  return (view, recorded) => step(view, { type: recorded.type, data: recorded.data } as E, versionOf(recorded), recorded);
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
