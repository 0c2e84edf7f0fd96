import type { RecordedEvent, Subscription } from '@sme/event-store';

export const END = Symbol('end');
const noop = () => undefined;

/**
 * A subscription's events one at a time, with a look that does not wait: `take` gives the next event
 * only if it is already there, and `arrival` settles once it is (or the subscription ended, or failed).
 * The relay fills a batch from it while the previous batch is in flight.
 */
export class EventFeed {
  private readonly iterator: AsyncIterator<RecordedEvent>;
  private ready: IteratorResult<RecordedEvent> | undefined;
  private pending!: Promise<void>;

  constructor(subscription: Subscription) {
    this.iterator = subscription[Symbol.asyncIterator]();
    this.advance();
  }

  /** The next event if it is already there; END once the subscription has ended; otherwise undefined. */
  take(): RecordedEvent | typeof END | undefined {
    const ready = this.ready;
    if (!ready) return undefined;
    if (ready.done) return END;
    this.advance();
    return ready.value;
  }

  /** Settles once `take` has something to give; rejects with the subscription's error. */
  arrival(): Promise<void> {
    return this.pending;
  }

  private advance(): void {
    this.ready = undefined;
    this.pending = this.iterator.next().then((result) => {
      this.ready = result;
    });
    // A failure is reported to whoever awaits `arrival`; not as an unhandled rejection when nobody does.
    this.pending.catch(noop);
  }
}

export const TURN = Symbol('turn');

/** Resolves after the current turn of the event loop (I/O and timers due now have run). */
export function nextTurn(): Promise<typeof TURN> {
  return new Promise((resolve) => setImmediate(resolve, TURN));
}
