import type { RecordedEvent } from '@sme/event-store';
import type { ViewVersion } from './views';

export function versionOf(event: RecordedEvent): ViewVersion {
  return { revision: Number(event.revision), position: event.position.toString(), updatedAt: event.metadata.occurredAt };
}

/** The id inside a stream id `<category>-<id>`. */
export function idOfStream(streamId: string): string {
  return streamId.slice(streamId.indexOf('-') + 1);
}
