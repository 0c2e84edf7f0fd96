/**
 * Prints the registry of SME service stations rebuilt from the ledger's stations topic, then every
 * change as it arrives.
 *
 *   KAFKA_BROKERS=localhost:9092 KAFKA_TOPIC_PREFIX=sme. npx ts-node examples/station-registry-consumer/main.ts
 */
import { StationRegistryConsumer } from './consumer';
import type { StationEntry } from './registry';

function line(station: StationEntry): string {
  const covenant = station.covenants.at(-1)?.covenantVersion ?? '—';
  const open = station.revocations.some((r) => r.outcome === 'OPEN') ? ' (revocation pending)' : '';
  return `${station.plaqueNumber}  ${station.status.padEnd(9)} ${station.districtCode}  ${station.name}  covenant ${covenant}${open}`;
}

async function main(): Promise<void> {
  const brokers = (process.env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (brokers.length === 0) {
    console.error('Set KAFKA_BROKERS to the bootstrap servers, e.g. KAFKA_BROKERS=localhost:9092');
    process.exit(2);
  }
  const topicPrefix = process.env.KAFKA_TOPIC_PREFIX ?? 'sme.';
  let live = false;
  const consumer = new StationRegistryConsumer({
    brokers,
    topicPrefix,
    onChange: (station) => {
      if (live) console.log(`changed: ${line(station)}`);
    },
  });

  const shutdown = async () => {
    await consumer.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  await consumer.start();
  await consumer.caughtUp({ timeoutMs: 5 * 60_000 });
  const stations = consumer.registry.list();
  const { applied, duplicate, ignored } = consumer.registry.counts;
  console.log(`${consumer.topic}: ${stations.length} stations (${applied} events applied, ${duplicate} duplicates skipped, ${ignored} ignored)`);
  for (const station of stations) console.log(line(station));
  for (const [type, count] of consumer.registry.unknownTypes) console.log(`note: ${count} message(s) of unknown type ${type} skipped`);
  live = true;
  console.log('waiting for changes (Ctrl-C to stop)');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
