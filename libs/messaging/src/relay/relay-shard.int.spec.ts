import { randomUUID } from 'node:crypto';
import { SqliteCheckpointStore, SqliteEventStore, type EventStore } from '@sme/event-store';
import { Relay } from './relay';
import { shardOfKey } from './relay-shard';
import { FakeTransport } from './testing/fake-producer';

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Application stream ids that fall in shard `shard` of 2. */
function streamsOfShard(shard: number, count: number): string[] {
  const of = shardOfKey(2);
  const found: string[] = [];
  while (found.length < count) {
    const id = `application-${randomUUID()}`;
    if (of(id) === shard) found.push(id);
  }
  return found;
}

async function appendTo(store: EventStore, streamId: string, events: number): Promise<void> {
  const now = new Date().toISOString();
  const current = (await store.readStream(streamId)).length;
  await store.append(
    streamId,
    Array.from({ length: events }, (_, i) => ({
      id: randomUUID(),
      type: 'ApplicationMaterialAttached',
      schemaVersion: 1,
      data: { n: current + i },
      metadata: { occurredAt: now, recordedAt: now, actor: { id: 't', role: 'ADMIN', orgId: 'o', regionCode: '440100' }, correlationId: 'c', causationId: null },
    })),
    current === 0 ? 'no_stream' : BigInt(current - 1),
  );
}

describe('A relay shard over the embedded store (which reads only its streams)', () => {
  let store: SqliteEventStore;
  let relay: Relay | null = null;

  beforeEach(() => {
    store = new SqliteEventStore(':memory:', { pollIntervalMs: 20 });
  });

  afterEach(async () => {
    await relay?.stop();
    await store.close();
  });

  it('sends only its records, and its checkpoint follows the head past the other shard’s events, caught up and live', async () => {
    const checkpoints = new SqliteCheckpointStore(store.db);
    const [mine] = streamsOfShard(1, 1);
    const others = streamsOfShard(2, 6);
    await appendTo(store, mine, 5);
    for (const other of others) await appendTo(store, other, 5);
    const transport = new FakeTransport();
    relay = new Relay(store, checkpoints, transport, { topicPrefix: 'test.', checkpointName: 'relay:test.#1/2', shard: { index: 1, count: 2 }, batchSize: 4 });
    const atHead = async () => (await checkpoints.load('relay:test.#1/2')) === (await store.headPosition());
    relay.start();

    // Caught up: its five events sent, the checkpoint at the head although the last thirty are the other shard's.
    await waitFor(atHead);
    expect(transport.acknowledged.map((m) => m.key)).toEqual(Array(5).fill(mine));
    expect(await store.headPosition()).toBe(35n);

    // Live: the other shard's events alone move it too (a batch of no events), within a moment.
    await appendTo(store, others[0], 3);
    await waitFor(atHead);
    expect(await checkpoints.load('relay:test.#1/2')).toBe(38n);
    expect(transport.acknowledged).toHaveLength(5);

    // And its own are sent as they come.
    await appendTo(store, mine, 1);
    await appendTo(store, others[1], 2);
    await waitFor(atHead);
    expect(transport.acknowledged.map((m) => m.headers.ce_logposition)).toEqual(['1', '2', '3', '4', '5', '39']);
    // The store did not deliver the other shard's events: nothing of theirs was even read as skipped.
    expect(relay.status()).toMatchObject({ shard: '1/2', messages: 6, skipped: 0 });
  });
});
