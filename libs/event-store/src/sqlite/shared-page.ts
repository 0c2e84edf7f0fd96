import { deepFreeze } from '../deep-freeze';
import type { RecordedEvent } from '../event-store.port';

/**
 * The page of the log the subscriptions of one store read last. An append wakes every subscription of
 * the process at once (the projector's, each reaction's, the relay's), and those caught up ask for the
 * same page: it is read and parsed once and handed to each. The events are shared, so they are frozen
 * (deeply): a consumer that changed one would change it for the others, and fails instead. Kept until
 * the store appends again; an empty page is not kept, so a subscription never waits on a stale answer.
 */
export class SharedPage {
  private last: { after: bigint; events: readonly RecordedEvent[] } | undefined;

  constructor(private readonly read: (after: bigint) => RecordedEvent[]) {}

  /** The events after `after`, as many as a page holds. */
  after(after: bigint): readonly RecordedEvent[] {
    const last = this.last;
    if (last !== undefined && last.after === after) return last.events;
    const events = Object.freeze(this.read(after).map(deepFreeze));
    this.last = events.length > 0 ? { after, events } : undefined;
    return events;
  }

  /** What the store appended since is not in the page kept: read again. */
  clear(): void {
    this.last = undefined;
  }
}
