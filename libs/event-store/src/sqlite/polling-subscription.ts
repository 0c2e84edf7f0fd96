import type { RecordedEvent, Subscription } from '../event-store.port';
import { Pause } from '../pause';

export interface PollingSubscriptionSource {
  /** Exclusive checkpoint to start after; 0n for the beginning. */
  after: bigint;
  /**
   * The next events strictly after `position`, in global order, and the position of the last event of
   * the log read for them (`position` itself when there are none yet; beyond the last event given when
   * the source skips the events of streams not asked for).
   */
  readPage(position: bigint): { events: readonly RecordedEvent[]; through: bigint };
  /** Registers a callback for "something may have been appended"; returns the unregister function. */
  listen(wake: () => void): () => void;
  /** Upper bound on how long a change made elsewhere (another process) goes unnoticed. */
  pollIntervalMs: number;
  /** Called once the subscription has ended, however it ended. */
  onEnd?: () => void;
}

/**
 * Catch-up then live, as one loop: read pages until a page comes back empty, then sleep until woken by an
 * in-process append or by the poll timer, and read again. There is no separate "live" mode to switch to,
 * so no event can fall between catching up and going live.
 */
export class PollingSubscription implements Subscription {
  private stopped = false;
  /** Set by every wake-up; tells the loop not to sleep when an append raced with the last read. */
  private dirty = false;
  private readonly pause = new Pause();
  private readonly unlisten: () => void;
  private readonly iterator: AsyncGenerator<RecordedEvent, void, undefined>;
  /** See Subscription.readUpTo: advanced past an event only once the consumer asks for the one after it. */
  private read: bigint;

  constructor(private readonly source: PollingSubscriptionSource) {
    // Listen before the first read, so an append during catch-up cannot go unnoticed.
    this.unlisten = source.listen(() => this.wake());
    this.read = source.after;
    this.iterator = this.run();
  }

  readUpTo(): bigint {
    return this.read;
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.iterator;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.wake(); // a pending next() returns from its sleep and resolves done
    await this.iterator.return(undefined);
  }

  private wake(): void {
    this.dirty = true;
    this.pause.wake();
  }

  private async *run(): AsyncGenerator<RecordedEvent, void, undefined> {
    let position = this.source.after;
    try {
      while (!this.stopped) {
        this.dirty = false;
        const { events, through } = this.source.readPage(position);
        for (const event of events) {
          yield event;
          this.read = event.position;
          if (this.stopped) return;
        }
        const empty = through === position;
        position = through;
        this.read = through;
        // unref: a forgotten subscription must not keep the process alive.
        if (empty && !this.dirty) await this.pause.for(this.source.pollIntervalMs, { unref: true });
        // A page of only refused streams' events gave nothing: let the process run before the next one.
        else if (!empty && events.length === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.stopped = true;
      this.unlisten();
      this.source.onEnd?.();
    }
  }
}
