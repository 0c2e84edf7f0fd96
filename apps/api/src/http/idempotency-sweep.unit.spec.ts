import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import type { Leadership, LeadWork } from '../infrastructure/leadership';
import { IdempotencyKeySweep, sweepIntervalMs } from './idempotency-sweep';
import type { IdempotencyStore } from './idempotency.store';

const hour = 3600_000;

/** A leadership this test hands and takes away, and a store recording when it was swept. */
function setUp(sweep: (now: Date) => Promise<number> = async () => 0) {
  const works: LeadWork[] = [];
  const leadership = { follow: async (work: LeadWork) => void works.push(work) } as unknown as Leadership;
  const swept: Date[] = [];
  const store = { sweep: (now: Date) => (swept.push(now), sweep(now)) } as unknown as IdempotencyStore;
  const service = new IdempotencyKeySweep(store, { idempotencyTtlHours: 24 } as AppConfig, leadership);
  return { service, works, swept };
}

describe('IdempotencyKeySweep', () => {
  let warned: jest.SpyInstance;
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-12-07T00:00:00Z') });
    warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('sweeps only while this process holds the lease: once on taking it, then every interval, no more once it is gone', async () => {
    const { service, works, swept } = setUp();
    await service.onApplicationBootstrap();
    expect(swept).toHaveLength(0); // following the lease, not sweeping before holding it

    await works[0].start();
    await jest.advanceTimersByTimeAsync(0);
    expect(swept).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(hour);
    expect(swept).toHaveLength(2);
    expect(swept[1].getTime() - swept[0].getTime()).toBe(hour);

    await works[0].stop();
    await jest.advanceTimersByTimeAsync(5 * hour);
    expect(swept).toHaveLength(2);
  });

  it('a failed sweep is logged and the next one still runs', async () => {
    let calls = 0;
    const { service, works, swept } = setUp(async () => {
      calls += 1;
      if (calls === 1) throw new Error('store unreachable');
      return 3;
    });
    await service.onApplicationBootstrap();
    await works[0].start();
    await jest.advanceTimersByTimeAsync(0);
    expect(warned).toHaveBeenCalledWith(expect.stringContaining('store unreachable'));
    expect(await service.sweepNow()).toBe(3);
    expect(swept).toHaveLength(2);
    await works[0].stop();
  });

  it('sweeps every quarter of the time to live, at most hourly and at least a minute apart', () => {
    expect(sweepIntervalMs(24 * hour)).toBe(hour);
    expect(sweepIntervalMs(hour)).toBe(hour / 4);
    expect(sweepIntervalMs(1000)).toBe(60_000);
  });
});
