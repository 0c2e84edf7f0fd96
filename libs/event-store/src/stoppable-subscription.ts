import type { RecordedEvent, Subscription } from './event-store.port';

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Wraps a source of events whose own cancellation may be slow or may surface as an error (a gRPC stream
 * being cancelled), so that stop() ends the iteration at once: a pending next() resolves done, and
 * whatever the source does afterwards is ignored.
 */
export class StoppableSubscription implements Subscription, AsyncIterableIterator<RecordedEvent> {
  private stopped = false;
  private signalStop: () => void = () => undefined;
  private readonly stopSignal: Promise<IteratorReturnResult<undefined>>;

  constructor(
    private readonly source: AsyncIterator<RecordedEvent>,
    private readonly cancelSource: () => Promise<void>,
  ) {
    this.stopSignal = new Promise((resolve) => {
      this.signalStop = () => resolve(DONE);
    });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<RecordedEvent> {
    return this;
  }

  async next(): Promise<IteratorResult<RecordedEvent>> {
    if (this.stopped) return DONE;
    const result = await Promise.race([this.source.next(), this.stopSignal]);
    return this.stopped ? DONE : result;
  }

  /** Called by `for await` on break or throw. */
  async return(): Promise<IteratorResult<RecordedEvent>> {
    await this.stop();
    return DONE;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.signalStop();
    try {
      await this.cancelSource();
    } finally {
      // Not awaited: an async generator's return() waits for its pending next(), which may never settle.
      this.source.return?.(undefined)?.catch(() => undefined);
    }
  }
}
