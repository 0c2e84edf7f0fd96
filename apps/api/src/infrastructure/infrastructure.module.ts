import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { EVENT_STORE, SqliteEventStore, openSqliteDatabase, type EventStore } from '@sme/event-store';
import { InMemoryReadModel } from '@sme/read-models';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { IDEMPOTENCY_STORE } from '../http/idempotency.interceptor';
import { IdempotencyStore } from '../http/idempotency.store';
import { READ_MODEL } from '../records/record-loader';

const API_DB = Symbol('API_DB');

async function createEventStore(config: AppConfig): Promise<EventStore> {
  const logger = new Logger('EventStore');
  if (config.eventStoreUrl) {
    // Loaded only when configured: the embedded default never loads the gRPC client. The path is
    // relative because the build rewrites path aliases in static imports only.
    const { KurrentDbEventStore } = await import('../../../../libs/event-store/src/kurrentdb');
    logger.log('Events in KurrentDB/EventStoreDB (EVENTSTORE_URL)');
    return new KurrentDbEventStore(config.eventStoreUrl);
  }
  const file = join(config.dataDir, 'events.sqlite');
  logger.log(`Events in the embedded store ${file}`);
  return new SqliteEventStore(openSqliteDatabase(file));
}

/** The ports and their adapters, chosen from the configuration. */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: EVENT_STORE, useFactory: () => createEventStore(config) },
        // Idempotency keys live beside the process (data/api.sqlite) in every mode.
        { provide: API_DB, useFactory: () => openSqliteDatabase(join(config.dataDir, 'api.sqlite')) },
        { provide: IDEMPOTENCY_STORE, useFactory: (db) => new IdempotencyStore(db), inject: [API_DB] },
        { provide: READ_MODEL, useFactory: (store: EventStore) => new InMemoryReadModel(store), inject: [EVENT_STORE] },
      ],
      exports: [APP_CONFIG, EVENT_STORE, IDEMPOTENCY_STORE, READ_MODEL],
    };
  }

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(API_DB) private readonly apiDb: { close(): void },
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    this.apiDb.close();
  }
}
