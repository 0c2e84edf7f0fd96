import { deepFreeze } from '../deep-freeze';
import type { RecordedEvent } from '../event-store.port';

const NOTHING: readonly RecordedEvent[] = Object.freeze([]);

/**
 * How many of the events a store has just written are kept for its subscriptions, at least: up to twice
 * as many are, so that the oldest are dropped a thousand at a time, not one per append (dropping the
 * first of a thousand moves the other 999: about 10 µs an append, against 0.07 µs).
 */
export const WRITTEN_KEPT = 1_000;

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
 * written (`seed`): the last WRITTEN_KEPT events (at least) of its own consecutive appends are kept, so that a
 * subscription a few events behind (the projector, still applying the previous batch when the next
 * append comes) is also served from them, not from the file. They are history: whatever is appended
 * later, by anyone, they stay what the log holds at their positions.
 */
export class SharedPage {
  private last: { after: bigint; events: readonly RecordedEvent[] } | undefined;
  private nothingAfter: bigint | undefined;
  private forgetting = false;
  /** Events this store wrote, at consecutive positions, the newest last. */
  private written: RecordedEvent[] = [];
  private pageSize = 1;

  constructor(private readonly read: (after: bigint) => RecordedEvent[]) {}

  /** The events after `after`, as many as a page holds. */
  after(after: bigint): readonly RecordedEvent[] {
    const last = this.last;
    if (last !== undefined && last.after === after) return last.events;
    if (this.nothingAfter === after) return NOTHING;
    const written = this.written;
    if (written.length > 0 && written[0].position <= after + 1n && after < written[written.length - 1].position) {
      const start = Number(after + 1n - written[0].position);
      return Object.freeze(written.slice(start, start + this.pageSize));
    }
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
   * The store has just written `events`, at the positions that follow `after` with nothing between (its
   * write lock held), and nothing after them yet: the page after `after` holds them (a page holds at
   * most `pageSize` events), and they join the written events kept when they follow them.
   */
  seed(after: bigint, events: readonly RecordedEvent[], pageSize: number): void {
    if (events.length === 0) return;
    this.pageSize = Math.max(1, pageSize);
    for (const event of events) deepFreeze(event);
    const written = this.written;
    if (written.length > 0 && written[written.length - 1].position === after) written.push(...events);
    else this.written = [...events];
    if (this.written.length > 2 * WRITTEN_KEPT) this.written.splice(0, this.written.length - WRITTEN_KEPT);
    this.last = { after, events: Object.freeze(events.slice(0, pageSize)) };
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
