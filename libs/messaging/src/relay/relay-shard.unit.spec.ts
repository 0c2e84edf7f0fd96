import { Partitioners } from 'kafkajs';
import { partitionsOf } from './partitioner';
import { Relay } from './relay';
import { relaySettingsFromEnv } from './relay-config';
import { ownsStream, parseRelayShard, shardCheckpointName, shardCheckpointNames, shardOfKey } from './relay-shard';
import { FakeTransport } from './testing/fake-producer';
import { InMemoryLog, MemoryCheckpoints } from './testing/in-memory-log';

const keys = Array.from({ length: 1200 }, (_, i) => `application-${i.toString(16).padStart(8, '0')}-4b1c-8d2e-${i}`);

const partitioner = Partitioners.DefaultPartitioner();
function kafkaPartition(key: string, partitions: number): number {
  return partitioner({ topic: 't', partitionMetadata: partitionsOf(partitions), message: { key, value: null } });
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('Relay shards', () => {
  it('read RELAY_SHARD as <shard>/<shards>, refusing anything else by name', () => {
    expect(parseRelayShard(undefined)).toBeNull();
    expect(parseRelayShard(' ')).toBeNull();
    expect(parseRelayShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseRelayShard('1/1')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/2', '3/2', '2', '1/0', '-1/2', 'a/b', '1/2/3', '1.5/2']) {
      expect(() => parseRelayShard(bad)).toThrow(/RELAY_SHARD must be <shard>\/<shards> with 1 ≤ shard ≤ shards/);
    }
  });

  it('keep a checkpoint per shard, and the relay’s own name without shards', () => {
    expect(shardCheckpointName('relay:sme.', null)).toBe('relay:sme.');
    expect(shardCheckpointName('relay:sme.', { index: 1, count: 1 })).toBe('relay:sme.');
    expect(shardCheckpointName('relay:sme.', { index: 2, count: 3 })).toBe('relay:sme.#2/3');
    expect(shardCheckpointNames('relay:sme.', 1)).toEqual(['relay:sme.']);
    expect(shardCheckpointNames('main', 2)).toEqual(['main#1/2', 'main#2/2']);
    const settings = relaySettingsFromEnv({ KAFKA_BROKERS: 'k:1', RELAY_SHARD: '2/2' });
    expect(settings).toMatchObject({ shard: { index: 2, count: 2 }, checkpointName: 'relay:sme.#2/2' });
    expect(relaySettingsFromEnv({ KAFKA_BROKERS: 'k:1', RELAY_CHECKPOINT: 'main', RELAY_SHARD: '1/3' }).checkpointName).toBe('main#1/3');
    expect(relaySettingsFromEnv({ KAFKA_BROKERS: 'k:1' }).shard).toBeNull();
    expect(() => relaySettingsFromEnv({ KAFKA_BROKERS: 'k:1', RELAY_SHARD: '3/2' })).toThrow(/RELAY_SHARD/);
  });

  it('put a key in the shard of its partition: with shards dividing the partitions, every partition has one writer', () => {
    for (const shards of [2, 3, 6]) {
      const of = shardOfKey(shards);
      for (const key of keys) {
        expect(of(key)).toBe((kafkaPartition(key, shards) % shards) + 1);
        expect(of(key)).toBe((kafkaPartition(key, 6) % shards) + 1);
      }
    }
    // Remembered answers are the same answers.
    const of = shardOfKey(3);
    expect(keys.map(of)).toEqual(keys.map(of));
    expect(keys.map(shardOfKey(1)).every((shard) => shard === 1)).toBe(true);
  });

  it('share the records out about evenly', () => {
    const of = shardOfKey(3);
    const counts = [0, 0, 0];
    for (const key of keys) counts[of(key) - 1] += 1;
    for (const count of counts) expect(count).toBeGreaterThan(keys.length / 3 - 80);
    expect(ownsStream(null)).toBeUndefined();
    expect(ownsStream({ index: 1, count: 1 })).toBeUndefined();
  });

  it('together publish every record once, each record whole and in order from one shard, each checkpoint reaching the head', async () => {
    const log = new InMemoryLog();
    const checkpoints = new MemoryCheckpoints();
    for (let i = 0; i < 60; i++) log.add(`application-${i}`, 'ApplicationMaterialAttached', 1 + (i % 4));
    log.add('uscc-91440101MA5XXXXXXX', 'UsccReserved');
    const shards = [1, 2, 3].map((index) => {
      const transport = new FakeTransport();
      const relay = new Relay(log, checkpoints, transport, {
        topicPrefix: 'test.',
        checkpointName: shardCheckpointName('relay:test.', { index, count: 3 }),
        shard: { index, count: 3 },
        batchSize: 7,
      });
      return { index, transport, relay };
    });
    for (const { relay } of shards) relay.start();
    const head = String(log.events.length);
    await waitFor(() => shards.every(({ relay }) => relay.status().checkpoint === head));
    for (const { relay } of shards) await relay.stop();

    const published = log.events.filter((e) => !e.streamId.startsWith('uscc-'));
    const sent = shards.flatMap(({ transport }) => transport.acknowledged.map((m) => m.headers.ce_id));
    expect(sent.sort()).toEqual(published.map((e) => e.id).sort());
    const of = shardOfKey(3);
    for (const { index, transport, relay } of shards) {
      const mine = published.filter((e) => of(e.streamId) === index);
      expect(mine.length).toBeGreaterThan(0);
      // This shard's records, each in log (hence revision) order.
      expect(transport.acknowledged.map((m) => m.headers.ce_id)).toEqual(mine.map((e) => e.id));
      expect(relay.status()).toMatchObject({ shard: `${index}/3`, checkpointName: `relay:test.#${index}/3`, messages: mine.length, skipped: log.events.length - mine.length });
      expect(await checkpoints.load(`relay:test.#${index}/3`)).toBe(BigInt(log.events.length));
    }
  });
});
