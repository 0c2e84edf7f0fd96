import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { SqliteCheckpointStore, SqliteEventStore, openSqliteDatabase, type EventStore } from '@sme/event-store';
import { writeStationHistory } from '@sme/read-models/testing/station-history';
import { runTsChild } from '@sme/event-store/testing/run-ts-child';
import { topicNames } from '../topics';
import { createKafkaRelay } from './kafka-transport';
import type { Relay, RelayLogger } from './relay';
import { relaySettingsFromEnv, type RelaySettings } from './relay-config';
import { shardOfKey } from './relay-shard';
import { checkDelivery } from './testing/delivery';
import { brokerIsOursSync, kafkaScript } from './testing/kafka-service';
import { readTopics } from './testing/topic-reader';

const brokers = process.env.KAFKA_BROKERS?.trim();

const quiet: RelayLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

function settingsFor(prefix: string, overrides: Partial<RelaySettings> = {}): RelaySettings {
  return { ...relaySettingsFromEnv({ KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix }), retryInitialMs: 200, retryMaxMs: 1000, ...overrides };
}

async function waitUntil(what: string, condition: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** An event on a stream outside the catalogue: stored, never published. */
async function appendUnpublished(store: EventStore): Promise<void> {
  const now = new Date().toISOString();
  await store.append(
    `counter-${randomUUID()}`,
    [
      {
        id: randomUUID(),
        type: 'Incremented',
        schemaVersion: 1,
        data: { by: 1 },
        metadata: { occurredAt: now, recordedAt: now, actor: { id: 't', role: 'ADMIN', orgId: 'o', regionCode: '440100' }, correlationId: 'c', causationId: null },
      },
    ],
    'any',
  );
}

/** Keeps appending realistic histories (and an unpublished event now and then) until stopped. */
function keepAppending(store: EventStore): { stop(): Promise<number> } {
  let running = true;
  let written = 0;
  const loop = (async () => {
    while (running) {
      written += (await writeStationHistory(store, { calls: 1, applicationsPerCall: 2 })).events;
      await appendUnpublished(store);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return written;
    },
  };
}

const runChild = (env: Record<string, string>) => runTsChild(join(__dirname, 'testing/relay-child.ts'), env);

if (brokers) {
  describe('Relay against a real Kafka broker (KAFKA_BROKERS)', () => {
    let dir: string;
    let store: SqliteEventStore;
    let checkpoints: SqliteCheckpointStore;
    let prefix: string;
    let relay: Relay | null;

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'sme-relay-'));
      store = new SqliteEventStore(openSqliteDatabase(join(dir, 'events.sqlite')));
      checkpoints = new SqliteCheckpointStore(store.db);
      prefix = `test-${randomUUID().slice(0, 8)}.`;
      relay = null;
    });

    afterEach(async () => {
      await relay?.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    /** Reads the topics from the start: every published event of the store arrived, in order per record. */
    const everyEventDelivered = async () => {
      const stored = await store.readAll();
      const consumed = await readTopics([brokers], topicNames(prefix));
      const report = checkDelivery(consumed, stored, prefix);
      expect(report.problems).toEqual([]);
      expect(report.distinct).toBe(stored.filter((e) => !e.streamId.startsWith('counter-')).length);
      return { report, consumed };
    };

    const caughtUp = (settings: RelaySettings) => async () =>
      ((await checkpoints.load(settings.checkpointName)) ?? 0n) >= (await store.headPosition());

    it('publishes the log once, in order per record, to topics it creates with the documented settings', async () => {
      await writeStationHistory(store, { calls: 1, applicationsPerCall: 24 });
      await appendUnpublished(store);
      const settings = settingsFor(prefix, { batchSize: 50 });
      relay = createKafkaRelay(store, checkpoints, settings, { logger: quiet });
      relay.start();
      await waitUntil('the relay caught up', caughtUp(settings), 30_000);
      await writeStationHistory(store, { calls: 1, applicationsPerCall: 3 }); // live
      await waitUntil('the relay caught up with live events', caughtUp(settings), 10_000);

      const kafka = new Kafka({ brokers: [brokers], logLevel: logLevel.NOTHING });
      const admin = kafka.admin();
      await admin.connect();
      try {
        const { topics } = await admin.fetchTopicMetadata({ topics: topicNames(prefix) });
        expect(topics.map((t) => [t.name, t.partitions.length]).sort()).toEqual(topicNames(prefix).map((name) => [name, 6]).sort());
        const described = await admin.describeConfigs({
          includeSynonyms: false,
          resources: topicNames(prefix).map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: ['retention.ms', 'cleanup.policy'] })),
        });
        for (const resource of described.resources) {
          const config = Object.fromEntries(resource.configEntries.map((e) => [e.configName, e.configValue]));
          expect(config).toEqual({ 'retention.ms': '-1', 'cleanup.policy': 'delete' });
        }
      } finally {
        await admin.disconnect();
      }

      const { report } = await everyEventDelivered();
      expect(report.duplicates).toBe(0);
      expect(relay.status()).toMatchObject({ state: 'running', failures: 0 });
    }, 60_000);

    it('publishes the log once with two relays sharing it (RELAY_SHARD), each partition written by one of them', async () => {
      await writeStationHistory(store, { calls: 2, applicationsPerCall: 16 });
      await appendUnpublished(store);
      const shards = ['1/2', '2/2'].map((shard) => {
        const settings = { ...relaySettingsFromEnv({ KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, RELAY_SHARD: shard, RELAY_BATCH_SIZE: '30' }), retryInitialMs: 200 };
        return { settings, relay: createKafkaRelay(store, checkpoints, settings, { logger: quiet }) };
      });
      const allCaughtUp = async () => (await Promise.all(shards.map(({ settings }) => caughtUp(settings)()))).every(Boolean);
      try {
        for (const { relay: shardRelay } of shards) shardRelay.start();
        await waitUntil('both shards caught up', allCaughtUp, 30_000);
        await writeStationHistory(store, { calls: 1, applicationsPerCall: 3 }); // live
        await waitUntil('both shards caught up with live events', allCaughtUp, 10_000);
      } finally {
        for (const { relay: shardRelay } of shards) await shardRelay.stop();
      }
      expect(shards.map(({ settings }) => settings.checkpointName)).toEqual([`relay:${prefix}#1/2`, `relay:${prefix}#2/2`]);

      const { report, consumed } = await everyEventDelivered();
      expect(report.duplicates).toBe(0);
      // Two shards over six partitions: a key's shard is its partition modulo 2, so no partition has two writers.
      const of = shardOfKey(2);
      expect(consumed.filter((m) => m.partition % 2 !== of(m.key) - 1)).toEqual([]);
      const sent = shards.map(({ relay: shardRelay }) => shardRelay.status().messages);
      expect(sent.every((n) => n > 0)).toBe(true);
      expect(sent[0] + sent[1]).toBe(report.distinct);
    }, 60_000);

    const ours = brokerIsOursSync(brokers);
    (ours ? it : it.skip)(
      `loses nothing when the broker stops and starts again while events keep being appended${ours ? '' : ' (skipped: KAFKA_BROKERS is not the broker infra/test-services/kafka.sh runs here)'}`,
      async () => {
        await writeStationHistory(store, { calls: 1, applicationsPerCall: 24 });
        // Few producer retries, so that the outage outlasts them and the relay itself starts again from
        // its checkpoint with a new producer (with the default, the producer often rides it out alone).
        const settings = settingsFor(prefix, { batchSize: 20, producerRetries: 1 });
        relay = createKafkaRelay(store, checkpoints, settings, { logger: quiet });
        relay.start();
        const appender = keepAppending(store);
        let brokerDown = false;
        try {
          await waitUntil('the relay is publishing live events', async () => Number((await checkpoints.load(settings.checkpointName)) ?? 0n) > 200, 20_000);
          await kafkaScript('stop');
          brokerDown = true;
          const atStop = await checkpoints.load(settings.checkpointName);
          // Down until the relay has felt it (a batch failed): a fixed pause was sometimes ridden out by the producer.
          await waitUntil('the relay counted a failed batch', () => relay!.status().failures > 0, 60_000);
          // Nothing can have been acknowledged while the broker was down.
          expect(await checkpoints.load(settings.checkpointName)).toBe(atStop);
          expect(await store.headPosition()).toBeGreaterThan(atStop!);
          await kafkaScript('start', '--keep-data');
          brokerDown = false;
          await new Promise((resolve) => setTimeout(resolve, 500));
        } finally {
          await appender.stop();
          if (brokerDown) await kafkaScript('start', '--keep-data');
        }
        await waitUntil('the relay caught up after the restart', caughtUp(settings), 40_000);
        expect(relay.status().failures).toBeGreaterThan(0);

        await everyEventDelivered();
      },
      150_000,
    );

    it('sends again what was acknowledged but not checkpointed when killed in between, and loses nothing', async () => {
      await writeStationHistory(store, { calls: 1, applicationsPerCall: 48 });
      await appendUnpublished(store);
      const env = { EVENTS_FILE: join(dir, 'events.sqlite'), KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, RELAY_BATCH_SIZE: '40' };
      const name = settingsFor(prefix).checkpointName;

      expect(await runChild({ ...env, KILL_AT_BATCH: '3' })).toBe('SIGKILL');
      const checkpoint = (await checkpoints.load(name))!;
      expect(checkpoint).toBeGreaterThan(0n);
      expect(checkpoint).toBeLessThan(await store.headPosition());
      // The third batch is in Kafka although the checkpoint does not cover it.
      const beforeRestart = await readTopics([brokers], topicNames(prefix));
      expect(beforeRestart.some((m) => BigInt(m.headers.ce_logposition) > checkpoint)).toBe(true);

      await writeStationHistory(store, { calls: 1, applicationsPerCall: 4 }); // appended while it was down
      expect(await runChild(env)).toBe(0);
      expect(await checkpoints.load(name)).toBe(await store.headPosition());

      const { report } = await everyEventDelivered();
      const resent = beforeRestart.filter((m) => BigInt(m.headers.ce_logposition) > checkpoint).length;
      expect(report.duplicates).toBe(resent);
    }, 60_000);
  });
} else {
  describe.skip('Relay against a real Kafka broker (skipped: set KAFKA_BROKERS=127.0.0.1:29392 to run)', () => {
    it('publishes, survives a broker restart and its own crash, and loses nothing', () => undefined);
  });
}
