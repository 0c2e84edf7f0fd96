import type { RecordedEvent } from '@sme/event-store';

/** Folds one stream's events into its view (single-record reads and as-of replays). */
export function foldView<V>(project: (view: V | undefined, event: RecordedEvent) => V | undefined, events: readonly RecordedEvent[]): V | undefined {
  return events.reduce<V | undefined>(project, undefined);
}
