import { join, resolve } from 'node:path';
import { personalFieldsOf } from '@sme/domain';
import { consoleLogger, createEventStore, FieldCipher, ProtectedEventStore, SqliteDataKeys, type EventStore } from '@sme/event-store';
import { createDocumentStore, type DocumentStore, type ProjectorLogger } from '@sme/read-models';

export interface ProjectorEnvironment {
  events: EventStore;
  docs: DocumentStore;
  logger: ProjectorLogger;
  close(): Promise<void>;
}

/**
 * The stores named by the environment (EVENTSTORE_URL, MONGODB_URL, DATA_DIR, PERSONAL_DATA_KEYS_FILE),
 * as the API reads them: the events with their personal fields opened with the API's key store.
 */
export async function openStores(env: NodeJS.ProcessEnv = process.env): Promise<ProjectorEnvironment> {
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const logger: ProjectorLogger = consoleLogger('projector');
  const { store: kept, description: eventsAt } = await createEventStore({ url: env.EVENTSTORE_URL?.trim() || undefined, dataDir });
  const keys = new SqliteDataKeys(resolve(env.PERSONAL_DATA_KEYS_FILE?.trim() || join(dataDir, 'keys.sqlite')));
  const events = new ProtectedEventStore(kept, personalFieldsOf, keys, new FieldCipher(env.LEDGER_CRYPTO_PROFILE === 'gm' ? 'sm4-gcm' : 'aes-256-gcm'));
  const { docs, description: docsAt } = await createDocumentStore({ url: env.MONGODB_URL?.trim() || undefined, dataDir });
  logger.log(`events in ${eventsAt}; read models in ${docsAt}`);
  return {
    events,
    docs,
    logger,
    async close() {
      await docs.close();
      await events.close();
      await keys.close();
    },
  };
}
