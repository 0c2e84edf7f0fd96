import { deepFreeze } from '../deep-freeze';
import type { RecordedEvent } from '../event-store.port';

const NOTHING: readonly RecordedEvent[] = Object.freeze([]);

/**
 * The page of the log the subscriptions of one store read last. An append wakes every subscription of
 * the process at once (the projector's, each reaction's, the relay's), and those caught up ask for the
 * same page: it is read and parsed once and handed to each. The events are shared, so they are frozen
 * (deeply): a consumer that changed one would change it for the others, and fails instead. Kept until
 * the store appends again.
 *
 * Each of them then asks what follows the page, and finds nothing: that answer too is read once and
 * shared, but only until this turn of the event loop ends (or the store appends), so that an append by
 * another process is not hidden from a subscription any longer than one read earlier would have.
 *
 * When this process appends while subscriptions are live, the store hands the page what it has just
 * written (`seed`), so the events are not read back from the file.
 */
export class SharedPage {
  private last: { after: bigint; events: readonly RecordedEvent[] } | undefined;
  private nothingAfter: bigint | undefined;
  private forgetting = false;

  constructor(private readonly read: (after: bigint) => RecordedEvent[]) {}

  /** The events after `after`, as many as a page holds. */
  after(after: bigint): readonly RecordedEvent[] {
    const last = this.last;
    if (last !== undefined && last.after === after) return last.events;
    if (this.nothingAfter === after) return NOTHING;
    const events = Object.freeze(this.read(after).map(deepFreeze));
    if (events.length > 0) {
      this.last = { after, events };
    } else {
      this.nothingAfter = after;
      this.forgetNothingSoon();
    }
    return events;
  }

  /**
   * The page after `after` is `events`, known without reading them: the store has just written them,
   * at the positions that follow `after` with nothing between (its write lock held), and nothing after
   * them yet. A page holds at most `pageSize` events; more are read as usual.
   */
  seed(after: bigint, events: readonly RecordedEvent[], pageSize: number): void {
    if (events.length === 0) return;
    this.last = { after, events: Object.freeze(events.slice(0, pageSize).map(deepFreeze)) };
    // Nothing followed them when they were written: an empty answer, kept as a read's is (this turn).
    if (events.length <= pageSize) {
      this.nothingAfter = events[events.length - 1].position;
      this.forgetNothingSoon();
    } else if (this.nothingAfter === after) {
      this.nothingAfter = undefined;
    }
  }

  /** What the store appended since is not in the page kept: read again. */
  clear(): void {
    this.last = undefined;
    this.nothingAfter = undefined;
  }

  private forgetNothingSoon(): void {
    if (this.forgetting) return;
    this.forgetting = true;
    setImmediate(() => {
      this.forgetting = false;
      this.nothingAfter = undefined;
    }).unref();
  }
}
