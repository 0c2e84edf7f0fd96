import { randomUUID } from 'node:crypto';
import type { EventToAppend, RecordedEvent } from '../event-store.port';
import { SqliteCheckpointStore } from '../sqlite/sqlite-checkpoint-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { ReactionRunner, reactionCheckpointName, type Reaction } from './reactor';

const event = (type: string): EventToAppend => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data: {},
  metadata: {
    occurredAt: '2024-01-01T00:00:00.000Z',
    recordedAt: '2024-01-01T00:00:00.000Z',
    actor: { id: 'a', role: 'HUB', orgId: 'o', regionCode: '440100' },
    correlationId: 'c',
    causationId: null,
  },
});

/** Reacts to `Ping` events by remembering them; fails the first `failures` times it is asked. */
function pings(failures = 0): Reaction & { seen: string[] } {
  let left = failures;
  const seen: string[] = [];
  return {
    name: 'pings',
    seen,
    reactsTo: (e: RecordedEvent) => e.type === 'Ping',
    react: async (e: RecordedEvent) => {
      if (left-- > 0) throw new Error('not now');
      seen.push(e.id);
    },
  };
}

describe('ReactionRunner', () => {
  let store: SqliteEventStore;
  let checkpoints: SqliteCheckpointStore;
  const stored = () => checkpoints.load(reactionCheckpointName({ name: 'pings' }));
  beforeEach(() => {
    store = new SqliteEventStore(':memory:');
    checkpoints = new SqliteCheckpointStore(store.db);
  });
  afterEach(() => store.close());

  it('reacts to each matching event once, in log order, and stores the checkpoint after reacting', async () => {
    const first = event('Ping');
    const second = event('Ping');
    await store.append('s-1', [first, event('Other'), second], 'no_stream');
    const reaction = pings();
    await new ReactionRunner(store, checkpoints, reaction).catchUp();
    expect(reaction.seen).toEqual([first.id, second.id]);
    expect(await stored()).toBe(3n);
    await new ReactionRunner(store, checkpoints, reaction).catchUp();
    expect(reaction.seen).toEqual([first.id, second.id]);
  });

  it('stores the checkpoint of events with nothing to react to only now and then, and when stopped', async () => {
    const runner = new ReactionRunner(store, checkpoints, pings(), { storeCheckpointEvery: 5 });
    runner.start();
    for (let i = 0; i < 3; i += 1) await store.append(`s-${i}`, [event('Other')], 'no_stream');
    expect(await runner.waitFor(3n, 2000)).toBe(true);
    expect(await stored()).toBeUndefined();
    for (let i = 3; i < 6; i += 1) await store.append(`s-${i}`, [event('Other')], 'no_stream');
    expect(await runner.waitFor(6n, 2000)).toBe(true);
    expect(await stored()).toBeGreaterThanOrEqual(5n);
    await store.append('s-7', [event('Other')], 'no_stream');
    expect(await runner.waitFor(7n, 2000)).toBe(true);
    await runner.stop();
    expect(await stored()).toBe(7n);
  });

  it('retries a failing reaction from the stored checkpoint, and waiters resolve once it went through', async () => {
    const reaction = pings(2);
    const runner = new ReactionRunner(store, checkpoints, reaction, { retryInitialMs: 10 });
    runner.start();
    const ping = event('Ping');
    await store.append('s-1', [ping], 'no_stream');
    expect(await runner.waitFor(1n, 5000)).toBe(true);
    expect(reaction.seen).toEqual([ping.id]);
    expect(await stored()).toBe(1n);
    await runner.stop();
  });

  it('tells a waiter that the position was not reached in time', async () => {
    const runner = new ReactionRunner(store, checkpoints, pings());
    runner.start();
    expect(await runner.waitFor(10n, 50)).toBe(false);
    await runner.stop();
  });
});
