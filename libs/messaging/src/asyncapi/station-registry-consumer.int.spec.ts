import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { SqliteCheckpointStore, SqliteEventStore } from '@sme/event-store';
import { StationRegistryConsumer } from '../../../../examples/station-registry-consumer/consumer';
import { createKafkaRelay } from '../relay/kafka-transport';
import type { RelayLogger } from '../relay/relay';
import { relaySettingsFromEnv } from '../relay/relay-config';
import { topicNames } from '../topics';
import { writeCompleteHistory, type CompleteHistory } from './testing/complete-history';
import { projectedRegistry } from './testing/project-registry';
import { PROJECTIONS, documentIdOf, type Projection } from '@sme/read-models';
import type { RecordedEvent } from '@sme/event-store';
import { EVENT_FAMILIES } from '../event-catalogue';
import { readTopics, type ConsumedMessage } from '../relay/testing/topic-reader';

/** ce_type → our event type, from the catalogue. */
const EVENT_TYPE_OF = new Map<string, string>(
  EVENT_FAMILIES.flatMap((f) => Object.entries(f.events).map(([type, e]) => [`${f.typeNamespace}.${e.action}.v${e.schemaVersion}`, type] as const)),
);

/** Folds the messages (deduplicated by ce_id, in per-key order) with the ledger's own projection. */
function rebuildFromMessages(messages: readonly ConsumedMessage[], projection: Projection): Map<string, unknown> {
  const seen = new Set<string>();
  const docs = new Map<string, unknown>();
  for (const m of messages) {
    const h = m.headers;
    if (seen.has(h.ce_id)) continue;
    seen.add(h.ce_id);
    const event = {
      id: h.ce_id,
      type: EVENT_TYPE_OF.get(h.ce_type)!,
      schemaVersion: Number(/\.v(\d+)$/.exec(h.ce_type)![1]),
      streamId: m.key,
      revision: BigInt(h.ce_streamrevision),
      position: BigInt(h.ce_logposition),
      data: JSON.parse(m.value) as Record<string, unknown>,
      metadata: {
        occurredAt: h.ce_time,
        recordedAt: h.ce_recordedat,
        actor: { id: h.ce_actorid, role: h.ce_actorrole, orgId: '', regionCode: '' },
        correlationId: h.ce_correlationid,
        causationId: h.ce_causationid ?? null,
      },
      hash: '',
      previousHash: null,
    } satisfies RecordedEvent;
    const id = documentIdOf(projection, event);
    if (id !== undefined) docs.set(id, projection.apply(docs.get(id) as never, event));
  }
  return docs;
}

/**
 * The example consumer against a real broker: a history written through the deciders is published by
 * the project's relay, part of it twice (a relay replaying from an older checkpoint, as after a crash
 * between acknowledgement and checkpoint), and the registry the consumer rebuilds from the stations
 * topic alone must equal the ledger's own stations projection.
 *
 *   KAFKA_BROKERS=$(infra/test-services/kafka.sh start) npx jest libs/messaging/src/asyncapi/station-registry-consumer
 */
const brokers = process.env.KAFKA_BROKERS?.trim();
const quiet: RelayLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

async function waitUntil(what: string, condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

if (!brokers) {
  describe.skip('example station registry consumer on Kafka (skipped: set KAFKA_BROKERS=… to run, e.g. KAFKA_BROKERS=$(infra/test-services/kafka.sh start))', () => {
    it('rebuilds the ledger’s station registry from the stations topic', () => undefined);
  });
} else {
  describe(`example station registry consumer on Kafka (${brokers})`, () => {
    jest.setTimeout(120_000);
    const prefix = `registry-it-${randomUUID().slice(0, 8)}.`;
    const admin = new Kafka({ clientId: 'registry-it', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
    let store: SqliteEventStore;
    let checkpoints: SqliteCheckpointStore;
    let history: CompleteHistory;
    let consumer: StationRegistryConsumer;

    /** Runs a relay under `checkpointName` until it has published everything in the store. */
    async function relayAll(checkpointName: string): Promise<void> {
      const settings = { ...relaySettingsFromEnv({ KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix }), checkpointName };
      const relay = createKafkaRelay(store, checkpoints, settings, { logger: quiet });
      const head = String(await store.headPosition());
      relay.start();
      try {
        await waitUntil(`the relay ${checkpointName} has published up to ${head}`, () => relay.status().checkpoint === head);
      } finally {
        await relay.stop();
      }
    }

    beforeAll(async () => {
      store = new SqliteEventStore(':memory:');
      checkpoints = new SqliteCheckpointStore(store.db);
      history = await writeCompleteHistory(store, { calls: 2, applicationsPerCall: 24 });
      await admin.connect();
    });

    afterAll(async () => {
      await consumer?.stop();
      await admin.deleteTopics({ topics: topicNames(prefix) }).catch(() => undefined);
      await admin.disconnect();
      await store.close();
    });

    it('rebuilds the ledger’s station registry from the stations topic, skipping redeliveries — and every record of every topic', async () => {
      await relayAll('relay:first');

      consumer = new StationRegistryConsumer({
        // Quiet: the first group on a fresh broker logs a retried "coordinator not available"; real failures surface from caughtUp.
        kafka: new Kafka({ clientId: 'station-registry-it', brokers: brokers.split(','), logLevel: logLevel.NOTHING }),
        topicPrefix: prefix,
      });
      await consumer.start();
      await consumer.caughtUp();
      const expected = await projectedRegistry(store, history.stationIds);
      expect(new Map(consumer.registry.list().map((s) => [s.id, s]))).toEqual(expected);
      expect(consumer.registry.counts.duplicate).toBe(0);

      // A second relay resumes from an older checkpoint: everything after it reaches the topics again,
      // after the originals, while the consumer is live.
      const events = await store.readAll();
      const replayFrom = events[Math.floor(events.length / 2)].position;
      await checkpoints.store('relay:replay', replayFrom);
      await relayAll('relay:replay');
      const replayedStationEvents = events.filter((e) => e.position > replayFrom && e.streamId.startsWith('station-')).length;
      expect(replayedStationEvents).toBeGreaterThan(0);

      await consumer.caughtUp();
      expect(consumer.registry.counts).toEqual({
        applied: events.filter((e) => e.streamId.startsWith('station-')).length,
        duplicate: replayedStationEvents,
        stale: 0,
        ignored: 0,
      });
      expect(new Map(consumer.registry.list().map((s) => [s.id, s]))).toEqual(expected);
      expect(new Set(consumer.registry.list().map((s) => s.status))).toEqual(new Set(['ACTIVE', 'REVOKED', 'WITHDRAWN']));
      expect(consumer.registry.get(history.reprievedStationId)?.revocations.map((r) => r.outcome)).toEqual(['REJECTED']);

      // Not only stations: every record of every topic can be rebuilt from Kafka alone.
      const messages = await readTopics(brokers.split(','), topicNames(prefix));
      for (const projection of PROJECTIONS) {
        const fromKafka = rebuildFromMessages(messages, projection);
        const fromLedger = new Map<string, unknown>();
        for (const event of events) {
          const id = documentIdOf(projection, event);
          if (id !== undefined) fromLedger.set(id, projection.apply(fromLedger.get(id) as never, event));
        }
        expect(fromKafka).toEqual(fromLedger);
      }

      // The relay created the stations topic as the AsyncAPI document says.
      const [stations] = (await admin.fetchTopicMetadata({ topics: [consumer.topic] })).topics;
      expect(stations.partitions).toHaveLength(6);
    });
  });
}
