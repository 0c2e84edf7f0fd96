import { RandomPool } from './random-pool';

describe('RandomPool', () => {
  it('hands out each byte once, in buffers of their own, drawing a new block when one is used up', () => {
    const pool = new RandomPool(64);
    const taken = Array.from({ length: 40 }, () => pool.take(12));
    expect(taken.every((bytes) => bytes.length === 12)).toBe(true);
    // 480 random bytes in 40 pieces: no two pieces alike, and not all zero.
    expect(new Set(taken.map((bytes) => bytes.toString('hex'))).size).toBe(40);
    expect(taken.some((bytes) => bytes.some((b) => b !== 0))).toBe(true);
  });

  it('wipes what it hands out from its block', () => {
    const pool = new RandomPool(64);
    const key = pool.take(32);
    const block = (pool as unknown as { block: Buffer }).block;
    expect(block.subarray(0, 32).every((b) => b === 0)).toBe(true);
    expect(key.every((b) => b === 0)).toBe(false);
    key.fill(7);
    expect(block.subarray(0, 32).every((b) => b === 0)).toBe(true); // a copy, not a view of the block
  });

  it('serves a request larger than its block directly', () => {
    expect(new RandomPool(16).take(100)).toHaveLength(100);
  });
});
