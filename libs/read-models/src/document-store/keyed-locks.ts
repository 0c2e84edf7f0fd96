/**
 * In-process mutual exclusion per key (here: per document). Holders of several keys take them in sorted
 * order, so two holders of overlapping sets cannot wait for each other.
 */
export class KeyedLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async withLocks<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    const releases: (() => void)[] = [];
    try {
      for (const key of [...new Set(keys)].sort()) releases.push(await this.acquire(key));
      return await work();
    } finally {
      for (const release of releases) release();
    }
  }

  /** Keys currently held or awaited (for tests). */
  get size(): number {
    return this.tails.size;
  }

  private async acquire(key: string): Promise<() => void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => held);
    this.tails.set(key, tail);
    await previous;
    return () => {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
  }
}
