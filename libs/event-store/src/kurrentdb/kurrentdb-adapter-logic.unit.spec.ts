import { eventStoreContract } from '../contract/event-store.contract';
import { testEvent } from '../contract/contract-helpers';
import { verifyAll } from '../hash-chain';
import { KurrentDbCheckpointStore } from './kurrentdb-checkpoint-store';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { KurrentPositionError } from './kurrentdb-mapping';
import { InMemoryKurrentDbClient } from './testing/in-memory-kurrentdb-client';

// The adapter's own logic against a stand-in client (see InMemoryKurrentDbClient for what it models).
eventStoreContract('KurrentDbEventStore contract (in-memory stand-in for the client)', async () => {
  const fake = new InMemoryKurrentDbClient();
  const store = new KurrentDbEventStore(fake.asClient(), { readBatchSize: 3 });
  return {
    store,
    checkpoints: new KurrentDbCheckpointStore(fake.asClient()),
    dispose: () => store.close(),
  };
});

describe('KurrentDbEventStore on the stand-in client', () => {
  let fake: InMemoryKurrentDbClient;
  let store: KurrentDbEventStore;

  beforeEach(() => {
    fake = new InMemoryKurrentDbClient();
    store = new KurrentDbEventStore(fake.asClient(), { readBatchSize: 2 });
  });

  afterEach(() => store.close());

  it('keeps system events and checkpoint streams out of readAll, headPosition and subscriptions', async () => {
    const event = testEvent();
    const { position } = await store.append('station-1', [event], 'no_stream');
    await new KurrentDbCheckpointStore(fake.asClient()).store('projector', position);
    fake.write('$stats-node', 'StatsLike', {}); // a system stream with a non-$ type
    fake.write('orders-1', '$streamDeleted', {}); // a system event in a normal stream

    expect((await store.readAll()).map((read) => read.id)).toEqual([event.id]);
    expect(await store.headPosition()).toBe(position);
    const subscription = store.subscribeToAll();
    const next = await subscription[Symbol.asyncIterator]().next();
    expect(next.value).toMatchObject({ id: event.id });
    await subscription.stop();
  });

  it('refuses to append to reserved stream names and with $-types', async () => {
    await expect(store.append('$settings', [testEvent()], 'any')).rejects.toThrow(RangeError);
    await expect(store.append('checkpoint-projector', [testEvent()], 'any')).rejects.toThrow(RangeError);
    await expect(store.append('station-1', [testEvent('$metadata')], 'any')).rejects.toThrow(RangeError);
  });

  it('stores the envelope, chain fields and correlation ids in the event metadata, and strips them on read', async () => {
    const event = testEvent('Named', { n: 1n }, { causationId: 'cause-1' });
    await store.append('station-1', [event], 'no_stream');
    const [raw] = await fake.readStream('station-1').next().then((result) => [result.value?.event]);
    expect(raw?.metadata).toMatchObject({
      ...event.metadata,
      schemaVersion: 1,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      previousHash: null,
      $correlationId: event.metadata.correlationId,
      $causationId: 'cause-1',
    });
    expect(raw?.data).toEqual({ n: '1' });
    const [read] = await store.readStream('station-1');
    expect(read.metadata).toEqual(event.metadata);
  });

  it('refuses events whose commit and prepare positions differ instead of guessing', async () => {
    fake.write('legacy-1', 'Old', {}, { hash: 'x' }, undefined, 5n);
    await expect(store.readAll()).rejects.toBeInstanceOf(KurrentPositionError);
  });

  it('maps an event written by someone else with an empty hash, so verifyAll names it', async () => {
    await store.append('station-1', [testEvent()], 'no_stream');
    const foreign = fake.write('station-1', 'Injected', { evil: true });
    expect(await verifyAll(store)).toMatchObject({ ok: false, firstBroken: { eventId: foreign.id, problem: 'PREVIOUS_HASH_MISMATCH' } });
  });

  it('resumes after a sparse position without repeating the event at it', async () => {
    const [a, b] = [testEvent(), testEvent()];
    const first = await store.append('s', [a], 'no_stream');
    await store.append('s', [b], 0n);
    expect((await store.readAll({ after: first.position })).map((event) => event.id)).toEqual([b.id]);
    const subscription = store.subscribeToAll({ after: first.position });
    expect((await subscription[Symbol.asyncIterator]().next()).value).toMatchObject({ id: b.id });
    await subscription.stop();
  });

  it('reports the last event\'s position for a batch even when the server reports the first one', async () => {
    const result = await store.append('s', [testEvent(), testEvent(), testEvent()], 'no_stream');
    const events = await store.readStream('s');
    expect(result).toEqual({ nextExpectedRevision: 2n, position: events[2].position });
  });
});
