import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { SqliteCheckpointStore, SqliteEventStore, openSqliteDatabase, type RecordedEvent } from '@sme/event-store';
import { createKafkaRelay, relaySettingsFromEnv, type Relay, type RelaySettings } from '@sme/messaging/relay';
import { topicNames } from '@sme/messaging/topics';
import { writeStationHistory } from '@sme/read-models/testing/station-history';
import { since, summarize } from './support/stats';
import { printTable, type Cell } from './support/table';

export interface RelayBenchOptions {
  /** KAFKA_BROKERS; without it the part is skipped. */
  brokers?: string;
  /** Roughly how many events the throughput rows relay. */
  events: number;
  /** One throughput row per batch size. */
  batchSizes: number[];
  /** One lag row per append rate (events per second). */
  rates: number[];
  /** How long each lag row appends. */
  seconds: number;
}

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

    const rows: Cell[][] = [];
    for (const batchSize of options.batchSizes) {
      const prefix = `bench-${randomUUID().slice(0, 8)}.`;
      const settings = settingsFor(prefix, { batchSize });
      let firstAck = 0;
      const relay = createKafkaRelay(store, checkpoints, settings, {
        logger: quiet,
        onAcknowledged: () => {
          if (firstAck === 0) firstAck = performance.now();
        },
      });
      const started = performance.now();
      const cpu = process.cpuUsage();
      relay.start();
      try {
        await waitFor(async () => ((await checkpoints.load(settings.checkpointName)) ?? 0n) >= head, 600_000, 'the relay to catch up');
        const ms = since(started);
        const used = process.cpuUsage(cpu);
        const status = relay.status();
        // Topic creation and the first connection are counted apart: from the first acknowledgement on.
        const sending = performance.now() - firstAck;
        rows.push([
          batchSize,
          written,
          ms / 1000,
          (firstAck - started) / 1000,
          (written / ms) * 1000,
          (written / sending) * 1000,
          status.batches,
          written / status.batches,
          `${Math.round(((used.user + used.system) / 1000 / ms) * 100)}%`,
        ]);
      } finally {
        await relay.stop();
        await deleteTopics(kafka, prefix);
      }
    }
    printTable(
      `Relay throughput: ${options.events.toLocaleString('en-US')} events already in the embedded store → Kafka (acks=-1, idempotent, 1 request in flight)`,
      ['batch size', 'events', 'seconds', 'to 1st ack s', 'events/s', 'events/s after 1st ack', 'batches', 'events/batch', 'cpu'],
      rows,
      [
        '`to 1st ack` includes creating the three topics and connecting; `events/s after 1st ack` is the steady rate.',
        'A batch also ends at RELAY_MAX_BATCH_BYTES (512 KiB), so large batch sizes may send fewer events per batch than asked.',
        '`cpu` is this process (subscription reads, mapping, kafkajs, checkpoints) as a share of one core; the broker runs apart.',
      ],
    );
  } finally {
    await store.close();
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
      rows.push([rate, events.length, appended / appendSeconds, relay.status().batches, events.length / relay.status().batches, s.p50, s.p99, s.max]);
    } finally {
      await consumer.disconnect();
      await relay.stop();
      await deleteTopics(kafka, prefix);
      await store.close();
    }
  }
  printTable(
    `End-to-end lag: append → relay → Kafka → consumer, events appended at a fixed rate for ${options.seconds} s`,
    ['rate ev/s', 'events', 'achieved ev/s', 'batches', 'events/batch', 'p50 ms', 'p99 ms', 'max ms'],
    rows,
    [
      'Lag = the consumer’s receipt time − the event’s recordedAt (ms resolution), one clock: appender, relay and consumer share this process.',
      'The relay wakes on in-process appends; a relay in another process notices appends within the store’s poll interval (250 ms) instead.',
      'Consumer: its own group, fetch max wait 50 ms. Each event is appended alone (one transaction per event).',
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
