/**
 * One shard of the relay bench's several-process rows, in a process of its own (forked by
 * relay-shards.ts). With BENCH_RELAY_MODE=bare it is the reference: a bare kafkajs producer sending
 * its shard's messages, mapped before timing, one sendBatch at a time; with `relay`, the relay itself
 * over the embedded store's file. Both read the same environment as apps/relay (KAFKA_BROKERS,
 * KAFKA_TOPIC_PREFIX, RELAY_BATCH_SIZE, RELAY_SHARD) and EVENTS_FILE.
 */
import { SqliteCheckpointStore, SqliteEventStore, openSqliteDatabase } from '@sme/event-store';
import { createKafkaRelay, ownsStream, relaySettingsFromEnv } from '@sme/messaging/relay';
import { bareBatches, bareProducerReady } from './bare-producer';

/** What a shard tells the bench: ready (the bare reference, waiting for `go`), then its timed part (epoch ms). */
export type ShardMessage =
  | { type: 'ready' }
  | { type: 'done'; startedAt: number; endedAt: number; untimedEvents: number; cpuMs: number };

const now = () => performance.timeOrigin + performance.now();
const quiet = { log: () => undefined, warn: () => undefined, error: (m: string) => console.error(`  relay shard: ${m}`) };

/** Sends a message to the bench; resolves once it has left (so that exiting right after loses nothing). */
function post(message: ShardMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) return resolve();
    process.send(message, undefined, {}, (error) => (error ? reject(error) : resolve()));
  });
}

async function bare(store: SqliteEventStore): Promise<void> {
  const settings = relaySettingsFromEnv(process.env);
  const [first, ...rest] = bareBatches(await store.readAll(), settings, ownsStream(settings.shard));
  const producer = await bareProducerReady(settings, first, quiet);
  await new Promise<void>((resolve) => {
    process.once('message', () => resolve());
    void post({ type: 'ready' });
  });
  const cpu = process.cpuUsage();
  const startedAt = now();
  for (const { topicMessages } of rest) if (topicMessages.length > 0) await producer.sendBatch({ topicMessages, acks: -1, timeout: settings.sendTimeoutMs });
  const endedAt = now();
  const used = process.cpuUsage(cpu);
  await producer.disconnect();
  await post({ type: 'done', startedAt, endedAt, untimedEvents: first.events, cpuMs: (used.user + used.system) / 1000 });
}

async function relay(store: SqliteEventStore): Promise<void> {
  const settings = relaySettingsFromEnv(process.env);
  const checkpoints = new SqliteCheckpointStore(store.db);
  const head = await store.headPosition();
  let startedAt = 0;
  let untimedEvents = 0;
  let cpu = process.cpuUsage();
  const relayer = createKafkaRelay(store, checkpoints, settings, {
    logger: quiet,
    onAcknowledged: (batch) => {
      if (startedAt > 0) return;
      startedAt = now();
      untimedEvents = batch.events;
      cpu = process.cpuUsage();
    },
  });
  relayer.start();
  while (((await checkpoints.load(settings.checkpointName)) ?? 0n) < head) await new Promise((resolve) => setTimeout(resolve, 5));
  const endedAt = now();
  const used = process.cpuUsage(cpu);
  await relayer.stop();
  await post({ type: 'done', startedAt, endedAt, untimedEvents, cpuMs: (used.user + used.system) / 1000 });
}

async function main(): Promise<void> {
  const store = new SqliteEventStore(openSqliteDatabase(process.env.EVENTS_FILE!));
  try {
    await (process.env.BENCH_RELAY_MODE === 'bare' ? bare(store) : relay(store));
  } finally {
    await store.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
