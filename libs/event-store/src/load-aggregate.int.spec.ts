import { randomUUID } from 'node:crypto';
import { testMetadata } from './contract/contract-helpers';
import type { EventToAppend } from './event-store.port';
import { loadAggregate } from './load-aggregate';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { counterDecider, type CounterEvent } from './testing/counter-decider';

function incremented(by: number, occurredAt: string): EventToAppend {
  return { id: randomUUID(), type: 'Incremented', schemaVersion: 1, data: { by }, metadata: testMetadata({ occurredAt }) };
}

describe('loadAggregate', () => {
  let store: SqliteEventStore;

  beforeEach(async () => {
    store = new SqliteEventStore(':memory:');
  });

  afterEach(() => store.close());

  it('gives the initial state and revision -1n for a stream that does not exist', async () => {
    expect(await loadAggregate(store, 'counter-none', counterDecider)).toEqual({ state: { value: 0, increments: 0 }, revision: -1n, events: [] });
  });

  it('folds the whole stream and reports its revision and events', async () => {
    await store.append('counter-1', [incremented(1, '2025-01-01T00:00:00.000Z'), incremented(2, '2025-02-01T00:00:00.000Z')], 'no_stream');
    const loaded = await loadAggregate(store, 'counter-1', counterDecider);
    expect(loaded.state).toEqual({ value: 3, increments: 2 });
    expect(loaded.revision).toBe(1n);
    expect(loaded.events).toEqual(await store.readStream('counter-1'));
  });

  it('accepts an upcaster, as a function or in the options', async () => {
    await store.append('counter-1', [{ ...incremented(0, '2025-01-01T00:00:00.000Z'), type: 'IncrementedV0', data: { amount: 7 } }], 'no_stream');
    const upcast = (recorded: { data: Record<string, unknown> }): CounterEvent => ({ type: 'Incremented', data: { by: recorded.data.amount as number } });
    expect((await loadAggregate(store, 'counter-1', counterDecider, upcast)).state.value).toBe(7);
    expect((await loadAggregate(store, 'counter-1', counterDecider, { upcast })).state.value).toBe(7);
  });

  describe('asOf (replay to a business time)', () => {
    beforeEach(async () => {
      await store.append(
        'counter-1',
        [
          incremented(1, '2025-01-01T00:00:00.000Z'),
          incremented(10, '2025-02-01T00:00:00.000Z'),
          incremented(100, '2025-03-01T00:00:00.000Z'),
          // Recorded last, but it happened in January: part of the record as it stood in mid-February.
          incremented(1000, '2025-01-15T00:00:00.000Z'),
        ],
        'no_stream',
      );
    });

    it('folds only events that occurred at or before asOf', async () => {
      const loaded = await loadAggregate(store, 'counter-1', counterDecider, { asOf: new Date('2025-02-15T00:00:00.000Z') });
      expect(loaded.state).toEqual({ value: 1011, increments: 3 });
      expect(loaded.events.map((event) => event.revision)).toEqual([0n, 1n, 3n]);
      expect(loaded.revision).toBe(3n);
    });

    it('includes an event that occurred exactly at asOf, comparing instants not strings', async () => {
      const loaded = await loadAggregate(store, 'counter-1', counterDecider, { asOf: new Date('2025-02-01T08:00:00+08:00') });
      expect(loaded.state.value).toBe(1011);
    });

    it('gives the initial state before the first event occurred', async () => {
      expect(await loadAggregate(store, 'counter-1', counterDecider, { asOf: new Date('2024-12-31T23:59:59.999Z') })).toEqual({
        state: { value: 0, increments: 0 },
        revision: -1n,
        events: [],
      });
    });
  });
});
