import { resolve } from 'node:path';
import { consoleLogger, createEventStore, type EventStore } from '@sme/event-store';
import { createDocumentStore, type DocumentStore, type ProjectorLogger } from '@sme/read-models';

export interface ProjectorEnvironment {
  events: EventStore;
  docs: DocumentStore;
  logger: ProjectorLogger;
  close(): Promise<void>;
}

/** The stores named by the environment (EVENTSTORE_URL, MONGODB_URL, DATA_DIR), as the API reads them. */
export async function openStores(env: NodeJS.ProcessEnv = process.env): Promise<ProjectorEnvironment> {
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const logger: ProjectorLogger = consoleLogger('projector');
  const { store: events, description: eventsAt } = await createEventStore({ url: env.EVENTSTORE_URL?.trim() || undefined, dataDir });
  const { docs, description: docsAt } = await createDocumentStore({ url: env.MONGODB_URL?.trim() || undefined, dataDir });
  logger.log(`events in ${eventsAt}; read models in ${docsAt}`);
  return {
    events,
    docs,
    logger,
    async close() {
      await docs.close();
      await events.close();
    },
  };
}
