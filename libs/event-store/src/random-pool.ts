import { randomFillSync } from 'node:crypto';

/**
 * Random bytes from the system's generator, drawn a block at a time: one call per `blockSize` bytes
 * instead of one per id, IV or key (a small `randomBytes` costs about ten times a copy from the
 * block). Each byte is handed out once, and wiped from the block as it is, so no key material stays
 * behind in the pool.
 */
export class RandomPool {
  private readonly block: Buffer;
  private used: number;

  constructor(private readonly blockSize = 4096) {
    this.block = Buffer.alloc(blockSize);
    this.used = blockSize;
  }

  /** `length` fresh random bytes, in a buffer of their own. */
  take(length: number): Buffer {
    if (length > this.blockSize) return randomFillSync(Buffer.alloc(length));
    if (this.used + length > this.blockSize) {
      randomFillSync(this.block);
      this.used = 0;
    }
    const bytes = Buffer.from(this.block.subarray(this.used, this.used + length));
    this.block.fill(0, this.used, this.used + length);
    this.used += length;
    return bytes;
  }
}

/** The process's pool: event ids, IVs and data keys. */
export const randomPool = new RandomPool();
