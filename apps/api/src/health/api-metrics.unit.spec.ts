import { SqliteEventStore } from '@sme/event-store';
import { testEvent } from '@sme/event-store/contract/contract-helpers';
import { ApiMetrics } from './api-metrics';

describe('ApiMetrics.measureAppends', () => {
  it('times every append, whichever way it is called, and passes every other call through to the store', async () => {
    const metrics = new ApiMetrics();
    const store = new SqliteEventStore(':memory:');
    const measured = metrics.measureAppends(store);
    try {
      await measured.append('station-1', [testEvent('Counted', { n: 0 })], 'no_stream');
      await measured.append('station-1', [testEvent('Counted', { n: 1 })], 0n);
      const { append } = measured;
      await append('station-1', [testEvent('Counted', { n: 2 })], 1n);
      await measured.appendRecorded!('station-1', [testEvent('Counted', { n: 3 })], 2n);
      expect(measured.append).toBe(measured.append);
      expect((await measured.readStream('station-1')).map((e) => e.data.n)).toEqual([0, 1, 2, 3]);
      expect(await measured.headPosition()).toBe(4n);
      expect(await metrics.registry.metrics()).toMatch(/^sme_event_append_duration_seconds_count 4$/m);
    } finally {
      await store.close();
    }
  });
});
