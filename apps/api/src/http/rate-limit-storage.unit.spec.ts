import { SlidingWindowRateLimitStorage } from './rate-limit-storage';

const MINUTE = 60_000;

describe('SlidingWindowRateLimitStorage (the rate limits’ counts)', () => {
  let now: number;
  let storage: SlidingWindowRateLimitStorage;
  beforeEach(() => {
    now = 1_000_000;
    storage = new SlidingWindowRateLimitStorage(() => now);
  });
  const hit = (key = 'caller', limit = 3, blockDuration = MINUTE) => storage.increment(key, MINUTE, limit, blockDuration, 'default');

  it('counts a caller’s requests in the last minute; the one past the limit is refused with the seconds to wait', async () => {
    expect(await hit()).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    now += 10_000;
    expect(await hit()).toMatchObject({ totalHits: 2, timeToExpire: 50, isBlocked: false });
    expect(await hit()).toMatchObject({ totalHits: 3, isBlocked: false });
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 60 });
  });

  it('keeps a blocked caller out for the block’s length, however the window moves, then counts from zero', async () => {
    for (let n = 0; n < 4; n += 1) await hit();
    now += 59_500;
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 1 });
    now += 500;
    expect(await hit()).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
  });

  it('lets requests leave the window one by one (a sliding window, not a fixed minute)', async () => {
    await hit();
    now += 30_000;
    await hit();
    await hit();
    now += 30_000; // the first has left
    expect(await hit()).toMatchObject({ totalHits: 3, isBlocked: false, timeToExpire: 30 });
  });

  it('counts each caller, and each limit, on its own', async () => {
    for (let n = 0; n < 3; n += 1) await hit('a');
    expect(await hit('b')).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(await storage.increment('a', MINUTE, 3, MINUTE, 'other')).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(await hit('a')).toMatchObject({ isBlocked: true });
  });

  it('without a block, refuses only while the window is full, until its oldest request leaves', async () => {
    for (let n = 0; n < 3; n += 1) {
      await hit('c', 3, 0);
      now += 1_000;
    }
    expect(await hit('c', 3, 0)).toMatchObject({ totalHits: 3, isBlocked: true, timeToBlockExpire: 57 });
    now += 57_000;
    expect(await hit('c', 3, 0)).toMatchObject({ totalHits: 3, isBlocked: false });
  });

  it('keeps no more than the window holds (and what has left it, up to as much again), however large the limit', async () => {
    for (let n = 0; n < 180_000; n += 1) {
      now += 1; // three minutes in all: two thirds of them have left the window
      await hit('busy', 1_000_000);
    }
    const { leaves, head } = (storage as unknown as { windows: Map<string, { leaves: number[]; head: number }> }).windows.get('default\u0000busy')!;
    const inWindow = leaves.length - head;
    expect(inWindow).toBe(60_000);
    expect(leaves.length).toBeLessThanOrEqual(2 * inWindow + 1_024);
  });

  it('forgets callers with nothing left in their window', async () => {
    await hit('gone');
    const windows = (storage as unknown as { windows: Map<string, unknown> }).windows;
    expect(windows.size).toBe(1);
    now += 2 * MINUTE;
    await hit('other');
    expect([...windows.keys()].map((id) => id.split('\u0000')[1])).toEqual(['other']);
  });
});
