/**
 * Child process of the HTTP benchmark: the real API (embedded SQLite in DATA_DIR) on a free port of
 * 127.0.0.1, with the benchmark-only endpoints. Talks to its parent over IPC:
 *   -> { type: 'listening', port }           once it accepts connections
 *   <- { type: 'usage' } -> { type: 'usage', cpu, memory, stalls }   (stalls: since the previous 'usage')
 *   <- { type: 'stop' }                      closes the app and exits
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks';
import { createApp } from '../../apps/api/src/bootstrap';
import { loadConfig } from '../../apps/api/src/config/app-config';

export type ServerMessage =
  | { type: 'listening'; port: number }
  | { type: 'usage'; cpu: NodeJS.CpuUsage; memory: NodeJS.MemoryUsage; stalls: Stalls };

/** What held the API's event loop up between two 'usage' messages (milliseconds). */
export interface Stalls {
  /** Delay of the event loop (how late a 1 ms timer fired): p99 and max. */
  loopDelayP99: number;
  loopDelayMax: number;
  /** Garbage-collection pauses: how many, the longest, all of them together. */
  gcPauses: number;
  gcLongest: number;
  gcTotal: number;
}

/** Records event-loop delay and GC pauses; `take()` returns them since the last take and starts again. */
function watchStalls(): { take(): Stalls } {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const gc = { pauses: 0, longest: 0, total: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.pauses += 1;
      gc.longest = Math.max(gc.longest, entry.duration);
      gc.total += entry.duration;
    }
  }).observe({ entryTypes: ['gc'] });
  return {
    take() {
      const stalls = { loopDelayP99: loop.percentile(99) / 1e6, loopDelayMax: loop.max / 1e6, gcPauses: gc.pauses, gcLongest: gc.longest, gcTotal: gc.total };
      loop.reset();
      Object.assign(gc, { pauses: 0, longest: 0, total: 0 });
      return stalls;
    },
  };
}

/**
 * BENCH_HEAP_PROFILE=<dir>: samples every allocation the API makes, including the objects the GC has
 * since freed, and writes a `.heapprofile` there when it stops (open it in Chrome's DevTools, Memory).
 * `--heap-prof` would keep only what is still alive at the end, which says nothing about GC pressure.
 * With BENCH_HEAP_PROFILE_PROMOTED=1, only the objects that reached the old generation: what made the
 * scavenges long and the mark-compacts come.
 */
async function sampleAllocations(dir: string | undefined): Promise<() => Promise<void>> {
  if (!dir) return async () => undefined;
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 16_384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: process.env.BENCH_HEAP_PROFILE_PROMOTED !== '1' });
  return async () => {
    const { profile } = await session.post('HeapProfiler.stopSampling');
    writeFileSync(join(dir, `api-${process.pid}.heapprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}

export type ParentMessage = { type: 'usage' } | { type: 'stop' };

async function main(): Promise<void> {
  const send = (message: ServerMessage) => process.send?.(message);
  if (!process.env.DATA_DIR) throw new Error('DATA_DIR must be set');
  // The bench is one client sending thousands of requests a minute: the rate limits would measure themselves.
  const config = loadConfig({ DATA_DIR: process.env.DATA_DIR, RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'silent' }, []);
  const app = await createApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;

  const stalls = watchStalls();
  const writeHeapProfile = await sampleAllocations(process.env.BENCH_HEAP_PROFILE);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await writeHeapProfile();
    await app.close();
    process.exit(0);
  };
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'usage') send({ type: 'usage', cpu: process.cpuUsage(), memory: process.memoryUsage(), stalls: stalls.take() });
    if (message.type === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  send({ type: 'listening', port });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
