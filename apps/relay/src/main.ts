import { backgroundCheckpoints, closeOnSignal, runMain } from '@sme/event-store';
import { healthServer, openRelay } from './relay-process';

/**
 * The relay as its own process (`npm run relay`; RELAY=external on the API instances): publishes the
 * event log to Kafka from its stored checkpoint, and serves /health and /metrics with its lag on
 * RELAY_PORT (default 3002). Run one per event store, or, with RELAY_SHARD=i/n, n of them sharing the
 * log (each publishes the records of its shard: docs/relay.md); a second one of the same shard would
 * only send duplicates.
 */
async function main(): Promise<void> {
  backgroundCheckpoints.enable();
  const relayProcess = await openRelay();
  relayProcess.relay.start();

  const port = Number(process.env.RELAY_PORT ?? 3002);
  const server = healthServer(relayProcess);
  server.listen(port, () => relayProcess.logger.log(`health and metrics on http://localhost:${port}`));

  closeOnSignal(async () => {
    server.close();
    await relayProcess.close();
  });
}

runMain(main);
