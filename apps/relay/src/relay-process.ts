import { checkpointStoreFor } from '@sme/event-store';
import { EVENT_FAMILIES } from '@sme/messaging';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { consoleLogger, createEventStore, type CheckpointStore, type EventStore } from '@sme/event-store';
import {
  createKafkaRelay,
  relayLag,
  relayLagMetrics,
  relaySettingsFromEnv,
  type Relay,
  type RelayLogger,
  type RelaySettings,
} from '@sme/messaging/relay';

export interface RelayProcess {
  relay: Relay;
  settings: RelaySettings;
  events: EventStore;
  checkpoints: CheckpointStore;
  logger: RelayLogger;
  /** Stops the relay (after the batch in flight), then closes the event store. */
  close(): Promise<void>;
}

/** The relay over the event store named by the environment (EVENTSTORE_URL or DATA_DIR), as the API reads it. */
export async function openRelay(env: NodeJS.ProcessEnv = process.env): Promise<RelayProcess> {
  const settings = relaySettingsFromEnv(env);
  const logger: RelayLogger = consoleLogger('relay');
  const { store: events, description } = await createEventStore({ url: env.EVENTSTORE_URL?.trim() || undefined, dataDir: resolve(env.DATA_DIR ?? './data') });
  const checkpoints = await checkpointStoreFor(events);
  const relay = createKafkaRelay(events, checkpoints, settings, { logger });
  logger.log(
    `events in ${description}; publishing to ${settings.brokers.join(', ')} on ${EVENT_FAMILIES.length} topics ${settings.topics.prefix}{${EVENT_FAMILIES.map((f) => f.topic.replace(/\.v1$/, '')).join(',')}}.v1 from checkpoint '${settings.checkpointName}'${settings.shard ? ` (shard ${settings.shard.index} of ${settings.shard.count}: the records whose key falls in it)` : ''}`,
  );
  return {
    relay,
    settings,
    events,
    checkpoints,
    logger,
    async close() {
      await relay.stop();
      await events.close();
    },
  };
}

/** GET /health (JSON: state and lag; 503 once the relay has failed several times in a row) and GET /metrics. */
export function healthServer(relayProcess: RelayProcess): Server {
  const { relay, events, checkpoints, settings } = relayProcess;
  const lag = () => relayLag(events, checkpoints, settings.checkpointName);
  return createServer((request, response) => {
    if (request.url === '/health') {
      lag().then(
        (current) => {
          const status = relay.status();
          const healthy = status.consecutiveFailures < 3;
          response.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ status: healthy ? 'ok' : 'failing', relay: { ...status, ...current } }));
        },
        (error: unknown) => {
          response.writeHead(503, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ status: 'error', error: String(error) }));
        },
      );
    } else if (request.url === '/metrics') {
      lag().then(
        (current) => {
          response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
          response.end(relayLagMetrics(current));
        },
        (error: unknown) => {
          response.writeHead(500, { 'content-type': 'text/plain' });
          response.end(String(error));
        },
      );
    } else {
      response.writeHead(404).end();
    }
  });
}
