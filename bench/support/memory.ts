import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collector: (() => void) | undefined;

/**
 * A full garbage collection, so memory readings compare live objects rather than whatever garbage
 * happens to be left. Node runs without --expose-gc under `npm run bench`, so the flag is switched on
 * at run time and the function taken from a fresh context.
 */
export function collectGarbage(): void {
  if (!collector) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) collector = exposed;
    else {
      setFlagsFromString('--expose-gc');
      collector = runInNewContext('gc') as () => void;
    }
  }
  collector();
  collector();
}

export interface MemoryReading {
  heapUsed: number;
  rss: number;
}

export function readMemory(): MemoryReading {
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
}
