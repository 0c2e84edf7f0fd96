import type { RecordedEvent, Subscription } from './event-store.port';

const IDLE = Symbol('idle');

/**
 * Reads a subscription in batches, for the loops that checkpoint once per batch (projector, reactor,
 * relay). A read left pending when a batch fails is not reported as unhandled; awaiting it still throws.
 */
export function batchReader(subscription: Subscription) {
  const iterator = subscription[Symbol.asyncIterator]();
  const next = () => {
    const promise = iterator.next();
    promise.catch(() => undefined);
    return promise;
  };
  let pending = next();
  return {
    /**
     * Waits for one event, then hands `add` every event already available without waiting, as long
     * as `add` answers that the batch has room for more. False when the subscription has ended.
     */
    async fill(add: (event: RecordedEvent) => boolean): Promise<boolean> {
      const first = await pending;
      if (first.done) return false;
      let room = add(first.value);
      pending = next();
      while (room) {
        const result = await Promise.race([pending, new Promise<typeof IDLE>((resolve) => setImmediate(() => resolve(IDLE)))]);
        if (result === IDLE || result.done) break;
        room = add(result.value);
        pending = next();
      }
      return true;
    },
    /** The next batch of at most `maxCount` events (see `fill`); undefined when the subscription has ended. */
    async take(maxCount: number): Promise<RecordedEvent[] | undefined> {
      const batch: RecordedEvent[] = [];
      return (await this.fill((event) => batch.push(event) < maxCount)) ? batch : undefined;
    },
  };
}

/**
 * Hands `handle` the subscription's events in batches of at most `maxCount`, while `running()` holds,
 * until the subscription ends or `handle` answers 'stop'.
 */
export async function consumeInBatches(
  subscription: Subscription,
  maxCount: number,
  running: () => boolean,
  handle: (batch: readonly RecordedEvent[]) => Promise<void | 'stop'>,
): Promise<void> {
  const events = batchReader(subscription);
  while (running()) {
    const batch = await events.take(maxCount);
    if (!batch) return;
    if ((await handle(batch)) === 'stop') return;
  }
}
