/* Why this file is long: the relay’s two figures, throughput beside its bare-client reference and end-to-end lag against its goal, share the store, topic and timing helpers, and each reads best whole. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { SqliteCheckpointStore, SqliteEventStore, openSqliteDatabase, type RecordedEvent } from '@sme/event-store';
import { createKafkaRelay, relaySettingsFromEnv, type Relay, type RelaySettings } from '@sme/messaging/relay';
import { topicNames } from '@sme/messaging/topics';
import { writeStationHistory } from '@sme/read-models/testing/station-history';
import { shardedThroughput } from './relay-shards';
import { bareBatches, bareProducerReady } from './support/bare-producer';
import { since, summarize } from './support/stats';
import { printTable, type Cell } from './support/table';

export interface RelayBenchOptions {
  /** KAFKA_BROKERS; without it the part is skipped. */
  brokers?: string;
  /** Roughly how many events the throughput rows relay. */
  events: number;
  /** One throughput row per batch size. */
  batchSizes: number[];
  /** Then one row per number of relay processes sharing the log, at this batch size. */
  shards: number[];
  shardedBatchSize: number;
  /** One lag row per append rate (events per second). */
  rates: number[];
  /** How long each lag row appends. */
  seconds: number;
}

/** The goal for end-to-end lag at 1,000 events/s: p99 under one second. */
const LAG_GOAL_MS = 1000;

const quiet = { log: () => undefined, warn: () => undefined, error: (m: string) => console.error(`  relay: ${m}`) };

async function writeEvents(store: SqliteEventStore, events: number): Promise<number> {
  let written = 0;
  let year = 2019;
  // About 7.5 events per application on average with this mix of outcomes.
  while (written < events) {
    const perCall = Math.min(480, Math.ceil((events - written) / 7.5));
    written += (await writeStationHistory(store, { calls: 1, applicationsPerCall: perCall, startYear: year })).events;
    year += 1;
  }
  return written;
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function deleteTopics(kafka: Kafka, prefix: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const topics = topicNames(prefix).filter((t) => existing.has(t));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

/**
 * (e) Relay: throughput of the relay over N events already in the embedded store (written through the
 * real deciders), per batch size; and the end-to-end lag from append (the event's recordedAt) to a
 * consumer's receipt for events appended at a fixed rate while the relay runs. Needs KAFKA_BROKERS.
 */
export async function benchRelay(options: RelayBenchOptions): Promise<void> {
  if (!options.brokers) {
    console.log('  skipped: set KAFKA_BROKERS (e.g. KAFKA_BROKERS=$(bash infra/test-services/kafka.sh start) npm run bench -- relay)');
    return;
  }
  const brokers = options.brokers;
  const kafka = new Kafka({ clientId: 'sme-ledger-bench', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const settingsFor = (prefix: string, overrides: Partial<RelaySettings> = {}): RelaySettings => ({
    ...relaySettingsFromEnv({ ...process.env, KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix }),
    ...overrides,
  });
  const dir = mkdtempSync(join(tmpdir(), 'sme-ledger-bench-relay-'));
  try {
    await throughput(dir, kafka, settingsFor, options);
    await endToEndLag(dir, kafka, settingsFor, options);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function throughput(
  dir: string,
  kafka: Kafka,
  settingsFor: (prefix: string, overrides?: Partial<RelaySettings>) => RelaySettings,
  options: RelayBenchOptions,
): Promise<void> {
  const store = new SqliteEventStore(openSqliteDatabase(join(dir, 'events.sqlite')));
  const checkpoints = new SqliteCheckpointStore(store.db);
  try {
    const writing = performance.now();
    const written = await writeEvents(store, options.events);
    const head = await store.headPosition();
    console.log(`  log: ${written.toLocaleString('en-US')} events written through the deciders in ${(since(writing) / 1000).toFixed(1)} s`);

    // The reference: the same records, mapped before timing, in the same batches, sent one sendBatch at a
    // time by a bare kafkajs producer with the relay's settings.
    const events = await store.readAll();
    const rows: Cell[][] = [];
    let best = { relay: 0, bare: 0, batchSize: 0 };
    for (const batchSize of options.batchSizes) {
      const bare = await bareProducer(kafka, settingsFor, events, batchSize);
      const prefix = `bench-${randomUUID().slice(0, 8)}.`;
      const settings = settingsFor(prefix, { batchSize });
      let firstAck = 0;
      let firstEvents = 0;
      let cpu = process.cpuUsage();
      const relay = createKafkaRelay(store, checkpoints, settings, {
        logger: quiet,
        onAcknowledged: (batch) => {
          if (firstAck > 0) return;
          firstAck = performance.now();
          firstEvents = batch.events;
          cpu = process.cpuUsage();
        },
      });
      const started = performance.now();
      relay.start();
      try {
        await waitFor(async () => ((await checkpoints.load(settings.checkpointName)) ?? 0n) >= head, 600_000, 'the relay to catch up');
        // Topic creation, the first connection and the first batch are counted apart, as for the reference.
        const sending = performance.now() - firstAck;
        const used = process.cpuUsage(cpu);
        const status = relay.status();
        const rate = ((written - firstEvents) / sending) * 1000;
        if (rate > best.relay) best = { relay: rate, bare: bare.rate, batchSize };
        rows.push([
          batchSize,
          written,
          (firstAck - started) / 1000,
          rate,
          `${Math.round(((used.user + used.system) / 1000 / sending) * 100)}%`,
          bare.rate,
          `${Math.round(bare.cpu * 100)}%`,
          `${Math.round((rate / bare.rate) * 100)} %`,
          status.batches,
          written / status.batches,
        ]);
      } finally {
        await relay.stop();
        await deleteTopics(kafka, prefix);
      }
    }
    printTable(
      `Relay throughput: ${options.events.toLocaleString('en-US')} events already in the embedded store → Kafka (acks=-1, idempotent, 1 request in flight)`,
      ['batch size', 'events', 'to 1st ack s', 'relay ev/s', 'relay cpu', 'bare kafkajs ev/s', 'bare cpu', 'relay of bare', 'batches', 'events/batch'],
      rows,
      [
        '`relay ev/s`: from the first acknowledgement to the last checkpoint (`to 1st ack` — creating the topics, connecting, the first batch — is counted apart).',
        '`bare kafkajs` (the reference, run just before each relay row): the same records, mapped to messages before timing and cut into the same batches, sent one',
        '  sendBatch at a time by a kafkajs producer with the relay’s settings and no store, mapping or checkpoint — the client’s ceiling on this machine.',
        '`cpu`: this process (relay: subscription reads, mapping, kafkajs, checkpoints) as a share of one core over the timed part; the broker runs apart.',
        'A batch also ends at RELAY_MAX_BATCH_BYTES (512 KiB), so large batch sizes may send fewer events per batch than asked.',
      ],
    );
    await shardedThroughput({
      brokers: settingsFor('').brokers.join(','),
      eventsFile: join(dir, 'events.sqlite'),
      logEvents: written,
      batchSize: options.shardedBatchSize,
      shards: options.shards,
      single: best,
      deleteTopics: (prefix) => deleteTopics(kafka, prefix),
    });
  } finally {
    await store.close();
  }
}

/** The reference row: a bare producer sending pre-mapped batches, one at a time; events/s after its first batch. */
async function bareProducer(
  kafka: Kafka,
  settingsFor: (prefix: string, overrides?: Partial<RelaySettings>) => RelaySettings,
  events: readonly RecordedEvent[],
  batchSize: number,
): Promise<{ rate: number; cpu: number }> {
  const prefix = `bench-${randomUUID().slice(0, 8)}.`;
  const settings = settingsFor(prefix, { batchSize });
  const [first, ...rest] = bareBatches(events, settings);
  const producer = await bareProducerReady(settings, first, quiet);
  try {
    const cpu = process.cpuUsage();
    const started = performance.now();
    // As the relay: a batch whose events are all unpublished is not sent, but counts its events.
    for (const { topicMessages } of rest) if (topicMessages.length > 0) await producer.sendBatch({ topicMessages, acks: -1, timeout: settings.sendTimeoutMs });
    const ms = since(started);
    const used = process.cpuUsage(cpu);
    const sent = events.length - first.events;
    return { rate: (sent / ms) * 1000, cpu: (used.user + used.system) / 1000 / ms };
  } finally {
    await producer.disconnect();
    await deleteTopics(kafka, prefix);
  }
}

async function endToEndLag(
  dir: string,
  kafka: Kafka,
  settingsFor: (prefix: string, overrides?: Partial<RelaySettings>) => RelaySettings,
  options: RelayBenchOptions,
): Promise<void> {
  // Realistic events to replay at a fixed rate: a history written into a scratch store, in log order.
  const scratch = new SqliteEventStore(':memory:');
  const wanted = Math.max(...options.rates) * options.seconds;
  await writeEvents(scratch, wanted);
  const source = await scratch.readAll();
  await scratch.close();

  const rows: Cell[][] = [];
  for (const [n, rate] of options.rates.entries()) {
    const store = new SqliteEventStore(openSqliteDatabase(join(dir, `live-${n}.sqlite`)));
    const checkpoints = new SqliteCheckpointStore(store.db);
    const prefix = `bench-${randomUUID().slice(0, 8)}.`;
    const settings = settingsFor(prefix);
    const relay: Relay = createKafkaRelay(store, checkpoints, settings, { logger: quiet });
    const consumer = kafka.consumer({ groupId: `bench-${randomUUID()}`, maxWaitTimeInMs: 50 });
    const lags: number[] = [];
    const received = new Set<string>();
    try {
      relay.start();
      await waitFor(async () => {
        const admin = kafka.admin();
        await admin.connect();
        try {
          const topics = new Set(await admin.listTopics());
          return topicNames(prefix).every((t) => topics.has(t));
        } finally {
          await admin.disconnect();
        }
      }, 60_000, 'the relay to create its topics');
      await consumer.connect();
      await consumer.subscribe({ topics: topicNames(prefix), fromBeginning: true });
      const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
      await consumer.run({
        eachMessage: async ({ message }) => {
          const now = Date.now();
          const id = message.headers?.ce_id?.toString() ?? '';
          if (received.has(id)) return;
          received.add(id);
          lags.push(now - Date.parse(message.headers!.ce_recordedat!.toString()));
        },
      });
      await joined;

      const total = rate * options.seconds;
      const events = source.slice(0, total);
      const started = performance.now();
      let appended = 0;
      while (appended < events.length) {
        const due = Math.min(events.length, Math.floor((since(started) / 1000) * rate) + 1);
        for (; appended < due; appended++) await appendCopy(store, events[appended]);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      const appendSeconds = since(started) / 1000;
      await waitFor(() => received.size >= events.length, 60_000, 'the consumer to receive every event');
      const s = summarize(lags);
      rows.push([
        rate,
        events.length,
        appended / appendSeconds,
        relay.status().batches,
        events.length / relay.status().batches,
        s.p50,
        s.p99,
        s.max,
        `${((s.p99 / LAG_GOAL_MS) * 100).toFixed(1)} %`,
      ]);
    } finally {
      await consumer.disconnect();
      await relay.stop();
      await deleteTopics(kafka, prefix);
      await store.close();
    }
  }
  printTable(
    `End-to-end lag: append → relay → Kafka → consumer, events appended at a fixed rate for ${options.seconds} s`,
    ['rate ev/s', 'events', 'achieved ev/s', 'batches', 'events/batch', 'p50 ms', 'p99 ms', 'max ms', 'p99 of 1 s goal'],
    rows,
    [
      'Lag = the consumer’s receipt time − the event’s recordedAt (ms resolution), one clock: appender, relay and consumer share this process.',
      'The relay wakes on in-process appends; a relay in another process notices appends within the store’s poll interval (250 ms) instead.',
      'Consumer: its own group, fetch max wait 50 ms. Each event is appended alone (one transaction per event).',
      ...rows
        .filter(([rate]) => rate === 1000)
        .map(([, , , , , , p99]) => `Goal p99 < ${LAG_GOAL_MS.toLocaleString('en-US')} ms at 1,000 events/s: p99 ${String(p99)} ms — ${Number(p99) < LAG_GOAL_MS ? 'met' : 'not met'}.`),
    ],
  );
}

/** Appends a copy of an event to the live store, recorded now. */
async function appendCopy(store: SqliteEventStore, event: RecordedEvent): Promise<void> {
  await store.append(
    event.streamId,
    [{ id: event.id, type: event.type, schemaVersion: event.schemaVersion, data: event.data, metadata: { ...event.metadata, recordedAt: new Date().toISOString() } }],
    event.revision === 0n ? 'no_stream' : event.revision - 1n,
  );
}
