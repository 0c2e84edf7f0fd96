import { resolve } from 'node:path';
import { parseBrokers, relayCheckpointName, relaySettingsFromEnv, type RelaySettings } from '@sme/messaging/relay';
import { topicSettingsFromEnv } from '@sme/messaging/topics';

/** Everything the process reads from its environment, read once at start-up. */
export interface AppConfig {
  port: number;
  /** 'embedded' when no EVENTSTORE_URL is set: SQLite under dataDir, dev tokens available. */
  mode: 'embedded' | 'server';
  production: boolean;
  dataDir: string;
  eventStoreUrl?: string;
  /** Read models in MongoDB (or FerretDB) instead of the embedded document store. */
  mongodbUrl?: string;
  /** 'in-process': this process keeps the projections current; 'external': apps/projector does. */
  projector: 'in-process' | 'external';
  /** KAFKA_BROKERS: the relay publishes the events to these Kafka brokers; without them it is off. */
  kafkaBrokers?: string[];
  /** KAFKA_TOPIC_PREFIX (default `sme.`): topics are `<prefix>calls.v1`, `<prefix>applications.v1`, `<prefix>stations.v1`. */
  kafkaTopicPrefix: string;
  /**
   * 'in-process': this process relays the events to Kafka (KAFKA_BROKERS set); 'external': apps/relay
   * does (RELAY=external), this process only reports its lag; 'off': no KAFKA_BROKERS.
   */
  relay: 'in-process' | 'external' | 'off';
  /** RELAY_CHECKPOINT (default `relay:<topic prefix>`): the relay's checkpoint, read for its lag. */
  relayCheckpoint: string;
  /** The relay's settings (topics, batch size, retries), when KAFKA_BROKERS is set. See docs/relay.md. */
  relaySettings?: RelaySettings;
  jwtSecret: string;
  jwtTtlSeconds: number;
  devTokens: boolean;
  demo: boolean;
  /** DEMAND_ESCALATION_DAYS (default 3): whole days a demand may wait unaccepted before it is escalated. */
  /** How long a read waits for its projection to reach the position it must see (then 503). */
  readWaitMs: number;
  demandEscalationDays: number;
  /** DEMAND_ESCALATION_INTERVAL_MS (default 60000): how often the escalation scheduler runs; 0 turns it off. */
  demandEscalationIntervalMs: number;
  /** PROVIDER_PASS_MARK (default 60): the pass mark of the 优质服务机构 monitoring evaluation (0–100). */
  providerPassMark: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

const DEV_SECRET = 'sme-ledger-local-dev-secret-change-me';

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): AppConfig {
  const production = env.NODE_ENV === 'production';
  const eventStoreUrl = env.EVENTSTORE_URL?.trim() || undefined;
  const jwtSecret = env.JWT_SECRET?.trim() || (production ? '' : DEV_SECRET);
  if (!jwtSecret) throw new Error('JWT_SECRET must be set when NODE_ENV=production');
  if (production && jwtSecret === DEV_SECRET) throw new Error('JWT_SECRET must not be the development secret in production');
  const kafkaBrokers = parseBrokers(env.KAFKA_BROKERS);
  const kafkaTopicPrefix = topicSettingsFromEnv(env).prefix;
  return {
    port: Number(env.PORT ?? 3000),
    mode: eventStoreUrl ? 'server' : 'embedded',
    production,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    eventStoreUrl,
    mongodbUrl: env.MONGODB_URL?.trim() || undefined,
    projector: env.PROJECTOR === 'external' ? 'external' : 'in-process',
    kafkaBrokers,
    kafkaTopicPrefix,
    relay: env.RELAY === 'external' ? 'external' : kafkaBrokers ? 'in-process' : 'off',
    relayCheckpoint: env.RELAY_CHECKPOINT?.trim() || relayCheckpointName(kafkaTopicPrefix),
    relaySettings: kafkaBrokers ? relaySettingsFromEnv(env) : undefined,
    jwtSecret,
    jwtTtlSeconds: Number(env.JWT_TTL_SECONDS ?? 8 * 3600),
    devTokens: !production && env.DEV_TOKENS !== 'off',
    demo: argv.includes('--demo') || env.DEMO === '1',
    readWaitMs: positiveInteger(env.READ_WAIT_MS, 5000, 'READ_WAIT_MS', 1),
    demandEscalationDays: positiveInteger(env.DEMAND_ESCALATION_DAYS, 3, 'DEMAND_ESCALATION_DAYS', 1),
    demandEscalationIntervalMs: positiveInteger(env.DEMAND_ESCALATION_INTERVAL_MS, 60_000, 'DEMAND_ESCALATION_INTERVAL_MS', 0),
    providerPassMark: env.PROVIDER_PASS_MARK?.trim() ? Number(env.PROVIDER_PASS_MARK) : 60,
  };
}

function positiveInteger(value: string | undefined, fallback: number, name: string, min: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer of at least ${min}`);
  return n;
}
