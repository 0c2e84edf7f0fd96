/**
 * A relay process for the crash test. Relays the embedded store's file to Kafka; with KILL_AT_BATCH=n
 * it kills itself (SIGKILL) right after the broker acknowledged its n-th batch of messages and before
 * that batch's checkpoint is stored. Without it, it exits 0 once it has caught up with the log.
 *   EVENTS_FILE     the embedded event store file (checkpoints live in it too)
 *   KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, RELAY_BATCH_SIZE   as for apps/relay
 *   KILL_AT_BATCH   acknowledged batches (with messages) before dying
 */
import { SqliteCheckpointStore, SqliteEventStore, openSqliteDatabase } from '@sme/event-store';
import { createKafkaRelay } from '../kafka-transport';
import { relaySettingsFromEnv } from '../relay-config';

async function main(): Promise<void> {
  const events = new SqliteEventStore(openSqliteDatabase(process.env.EVENTS_FILE!));
  const checkpoints = new SqliteCheckpointStore(events.db);
  const settings = { ...relaySettingsFromEnv(process.env), retryInitialMs: 100, retryMaxMs: 1000 };
  const killAt = Number(process.env.KILL_AT_BATCH ?? 0);
  let acknowledged = 0;
  const relay = createKafkaRelay(events, checkpoints, settings, {
    logger: { log: () => undefined, warn: () => undefined, error: (m) => console.error(`[relay-child] ${m}`) },
    onAcknowledged: (batch) => {
      if (batch.messages > 0) acknowledged += 1;
      if (killAt > 0 && acknowledged >= killAt) process.kill(process.pid, 'SIGKILL');
    },
  });
  relay.start();
  const head = await events.headPosition();
  for (;;) {
    const checkpoint = await checkpoints.load(settings.checkpointName);
    if (checkpoint !== undefined && checkpoint >= head) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await relay.stop();
  await events.close();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
