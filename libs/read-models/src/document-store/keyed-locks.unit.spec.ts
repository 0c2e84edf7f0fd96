import { KeyedLocks } from './keyed-locks';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedLocks', () => {
  it('runs holders of the same key one after the other, and of other keys side by side', async () => {
    const locks = new KeyedLocks();
    const log: string[] = [];
    const job = (name: string, keys: string[]) =>
      locks.withLocks(keys, async () => {
        log.push(`${name} start`);
        await tick();
        log.push(`${name} end`);
      });

    await Promise.all([job('a', ['x']), job('b', ['x']), job('c', ['y'])]);

    expect(log.indexOf('b start')).toBeGreaterThan(log.indexOf('a end'));
    expect(log.indexOf('c start')).toBeLessThan(log.indexOf('a end'));
    expect(locks.size).toBe(0);
  });

  it('overlapping sets taken in any order do not deadlock; a failing holder releases', async () => {
    const locks = new KeyedLocks();
    const results = await Promise.allSettled([
      locks.withLocks(['p', 'q'], async () => tick().then(() => 1)),
      locks.withLocks(['q', 'p'], async () => {
        await tick();
        throw new Error('boom');
      }),
      locks.withLocks(['q', 'r', 'p', 'q'], async () => 3),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(locks.size).toBe(0);
  });
});
