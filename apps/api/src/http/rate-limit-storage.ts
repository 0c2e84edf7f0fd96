import type { ThrottlerStorage } from '@nestjs/throttler';

/** What the throttler guard reads back from its storage (the library's `ThrottlerStorageRecord`). */
export interface RateLimitRecord {
  totalHits: number;
  /** Seconds until the oldest counted request leaves the window (X-RateLimit-Reset). */
  timeToExpire: number;
  isBlocked: boolean;
  /** Seconds until a blocked caller may ask again (Retry-After); 0 when not blocked. */
  timeToBlockExpire: number;
}

/** One caller's requests under one limit: when each leaves the window, oldest first from `head` on. */
interface Window {
  leaves: number[];
  head: number;
  /** Until when the caller is refused outright; 0 when not blocked. */
  blockedUntil: number;
}

/** Expiry times passed over before the array is compacted. */
const COMPACT_AFTER = 1_024;

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * The rate limits' counts, in memory, as a sliding window per caller and limit: the same answers as the
 * library's own storage (a request past the limit blocks the caller for `blockDuration`; then the count
 * starts again), at a cost that does not grow with the limit. The library's storage copied the whole
 * list of the window's requests on every request (as many as the limit allows, 1,200 by default); here
 * the requests leave the window from its front, each once. A window with nothing left in it is dropped
 * at the next sweep, at most once per window length.
 */
export class SlidingWindowRateLimitStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private nextSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<RateLimitRecord> {
    const now = this.now();
    this.sweep(now, ttl);
    const id = `${throttlerName}\u0000${key}`;
    let window = this.windows.get(id);
    if (window === undefined) {
      window = { leaves: [], head: 0, blockedUntil: 0 };
      this.windows.set(id, window);
    }
    dropLeft(window, now);
    if (window.blockedUntil > now) return record(window, now, true);
    if (window.blockedUntil !== 0) {
      // The block is over: the count starts again.
      window.blockedUntil = 0;
      window.leaves = [];
      window.head = 0;
    }
    if (blockDuration <= 0 && count(window) >= limit) return record(window, now, true, window.leaves[window.head] - now);
    window.leaves.push(now + ttl);
    if (blockDuration > 0 && count(window) > limit) {
      window.blockedUntil = now + blockDuration;
      return record(window, now, true);
    }
    return record(window, now, false);
  }

  /** Drops the windows with nothing left in them, at most once per `ttl`. */
  private sweep(now: number, ttl: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + ttl;
    for (const [id, window] of this.windows) {
      dropLeft(window, now);
      if (count(window) === 0 && window.blockedUntil <= now) this.windows.delete(id);
    }
  }
}

const count = (window: Window) => window.leaves.length - window.head;

/** Forgets the requests that have left the window. */
function dropLeft(window: Window, now: number): void {
  const { leaves } = window;
  while (window.head < leaves.length && leaves[window.head] <= now) window.head += 1;
  if (window.head >= COMPACT_AFTER && window.head * 2 >= leaves.length) {
    window.leaves = leaves.slice(window.head);
    window.head = 0;
  }
}

/** The answer for the guard; `retryInMs` for a refusal without a block (a block gives its own). */
function record(window: Window, now: number, isBlocked: boolean, retryInMs = window.blockedUntil - now): RateLimitRecord {
  const oldest = window.head < window.leaves.length ? window.leaves[window.head] : now;
  return {
    totalHits: count(window),
    timeToExpire: seconds(oldest - now),
    isBlocked,
    timeToBlockExpire: isBlocked ? seconds(retryInMs) : 0,
  };
}
