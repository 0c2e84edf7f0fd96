import { ApiMetrics } from '../health/api-metrics';
import { randomUUID } from 'node:crypto';
import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { personalFieldsOf } from '@sme/domain';
import {
  DATA_KEYS,
  EVENT_LEDGER,
  EVENT_STORE,
  FieldCipher,
  InMemorySnapshotStore,
  ProtectedEventStore,
  RECENT_STATE_TTL_MS,
  RecentStates,
  SNAPSHOTS,
  SqliteDataKeys,
  SqliteSnapshotStore,
  codeVersionOf,
  createEventStore,
  openSqliteDatabase,
  type DataKeys,
  type EventStore,
  type SnapshotPolicy,
} from '@sme/event-store';
import { DOCUMENT_STORE, createDocumentStore, type DocumentStore } from '@sme/read-models';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { IDEMPOTENCY_STORE } from '../http/idempotency.interceptor';
import { IdempotencyStore } from '../http/idempotency.store';
import { IdempotencyKeySweep } from '../http/idempotency-sweep';
import { Leadership } from './leadership';

async function eventStoreFor(config: AppConfig): Promise<EventStore> {
  const { store, description } = await createEventStore({ url: config.eventStoreUrl, dataDir: config.dataDir, ...(config.cryptoProfile === 'gm' ? { hashAlgorithm: 'sm3' as const } : {}) });
  new Logger('EventStore').log(`Events in ${description}`);
  return store;
}

/**
 * The deciders' code: libs/domain/src, four folders up from this one both in the sources and in the
 * build (dist/apps/api/apps/api/src/… beside dist/apps/api/libs/…). Its hash is the snapshots' version.
 */
const DOMAIN_CODE = join(__dirname, '..', '..', '..', '..', 'libs', 'domain', 'src');

function snapshotPolicyFor(config: AppConfig): SnapshotPolicy {
  const { every, file, recent } = config.snapshots;
  const log = new Logger('Snapshots');
  if (every === 0) return { store: new InMemorySnapshotStore(), version: 'off', every: 0 };
  const version = codeVersionOf(DOMAIN_CODE);
  log.log(`A record's state is kept every ${every} events in ${file} (deciders' code version ${version}); the latest of ${recent} records held in memory`);
  const store = new RecentStates(new SqliteSnapshotStore(file), { capacity: recent, ttlMs: RECENT_STATE_TTL_MS });
  return { store, version, every, onError: (error, streamId) => log.warn(`No snapshot kept of ${streamId}: ${String(error)}`) };
}

async function documentStoreFor(config: AppConfig): Promise<DocumentStore> {
  const { docs, description } = await createDocumentStore({ url: config.mongodbUrl, dataDir: config.dataDir });
  new Logger('DocumentStore').log(`Read models in ${description}`);
  return docs;
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
        ApiMetrics,
        // The events as kept (personal fields sealed): what the chains cover and Kafka carries.
        { provide: EVENT_LEDGER, useFactory: async (metrics: ApiMetrics) => metrics.measureAppends(await eventStoreFor(config)), inject: [ApiMetrics] },
        { provide: DATA_KEYS, useFactory: () => new SqliteDataKeys(config.personalDataKeysFile) },
        // The events as the ledger's code reads and writes them: personal fields in the clear, sealed per data subject on the way in.
        {
          provide: EVENT_STORE,
          useFactory: (kept: EventStore, keys: DataKeys) => new ProtectedEventStore(kept, personalFieldsOf, keys, new FieldCipher(config.cryptoProfile === 'gm' ? 'sm4-gcm' : 'aes-256-gcm')),
          inject: [EVENT_LEDGER, DATA_KEYS],
        },
        { provide: SNAPSHOTS, useFactory: () => snapshotPolicyFor(config) },
        { provide: DOCUMENT_STORE, useFactory: () => documentStoreFor(config) },
        Leadership,
        // Idempotency keys live in the document store: every API process on the same stores gives one answer per key.
        { provide: IDEMPOTENCY_STORE, useFactory: (docs: DocumentStore) => new IdempotencyStore(docs, { ttlMs: config.idempotencyTtlHours * 3600_000, owner: randomUUID() }), inject: [DOCUMENT_STORE] },
        // …and are deleted once past their time to live, by the process holding the background lease.
        IdempotencyKeySweep,
      ],
      exports: [APP_CONFIG, ApiMetrics, Leadership, EVENT_LEDGER, DATA_KEYS, SNAPSHOTS, EVENT_STORE, IDEMPOTENCY_STORE, DOCUMENT_STORE],
    };
  }

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_KEYS) private readonly keys: DataKeys,
    @Inject(SNAPSHOTS) private readonly snapshots: SnapshotPolicy,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    await this.keys.close();
    await this.snapshots.store.close();
    await this.docs.close();
  }
}
