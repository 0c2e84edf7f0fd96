import { readFileSync } from 'node:fs';
import { topicSettingsFromEnv, type TopicSettings } from '../topics';
import { parseRelayShard, shardCheckpointName, type RelayShard } from './relay-shard';

/** Everything the relay reads from its environment. */
/** How the relay reaches a secured cluster: TLS (with a CA of its own if given) and SASL credentials. */
export interface KafkaSecurity {
  /** KAFKA_SSL=on, KAFKA_SSL_CA_FILE (PEM, optional; the system's CAs otherwise). */
  ssl?: { ca?: string };
  /** KAFKA_SASL_MECHANISM (plain, scram-sha-256, scram-sha-512), KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD. */
  sasl?: { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
}

export interface RelaySettings {
  /** KAFKA_BROKERS: comma-separated host:port list. */
  brokers: string[];
  /** TLS and SASL, when the cluster asks for them. */
  security: KafkaSecurity;
  /** KAFKA_CLIENT_ID (default `sme-ledger-relay`): shows in the broker's logs and quotas. */
  clientId: string;
  /** KAFKA_TOPIC_PREFIX, KAFKA_TOPIC_PARTITIONS, KAFKA_REPLICATION_FACTOR (see topics.ts). */
  topics: TopicSettings;
  /**
   * RELAY_CHECKPOINT (default `relay:<topic prefix>`): the relay's name in the checkpoint store; a
   * shard's is that name followed by `#<shard>/<shards>`.
   */
  checkpointName: string;
  /**
   * RELAY_SHARD (`<shard>/<shards>`, e.g. `1/2`; unset: one relay publishes everything): this relay
   * publishes only the records whose key falls in its shard, so that several relay processes share
   * the work. See docs/relay.md.
   */
  shard: RelayShard | null;
  /** RELAY_BATCH_SIZE (default 500): most events per sendBatch and checkpoint. */
  batchSize: number;
  /** RELAY_MAX_BATCH_BYTES (default 524288): a batch ends early at this many bytes of messages. */
  maxBatchBytes: number;
  /** RELAY_RETRY_INITIAL_MS (500) and RELAY_RETRY_MAX_MS (30000): backoff between attempts after a failure. */
  retryInitialMs: number;
  retryMaxMs: number;
  /** KAFKA_SEND_TIMEOUT_MS (default 30000): how long the broker may take to acknowledge a batch. */
  sendTimeoutMs: number;
  /**
   * KAFKA_PRODUCER_RETRIES (default 8, about 25 s of retrying): the producer's own retries of a send
   * before the relay gives up on it and starts again from its checkpoint with a new producer.
   */
  producerRetries: number;
}

/** The brokers of KAFKA_BROKERS, or undefined when it is unset or blank (the relay is then off). */
export function parseBrokers(raw: string | undefined): string[] | undefined {
  const brokers = (raw ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (brokers.length === 0) return undefined;
  for (const broker of brokers) {
    if (!/^[^\s:]+:\d{1,5}$/.test(broker) && !/^\[[0-9a-fA-F:.]+\]:\d{1,5}$/.test(broker)) {
      throw new Error(`KAFKA_BROKERS must be a comma-separated list of host:port, got '${broker}'`);
    }
  }
  return brokers;
}

/** The default checkpoint name: a new topic prefix means new topics, which must receive the whole log. */
export function relayCheckpointName(topicPrefix: string): string {
  return `relay:${topicPrefix}`;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got '${raw}'`);
  return value;
}

/** The relay's settings; throws when KAFKA_BROKERS is missing or a value is malformed. */
export function relaySettingsFromEnv(env: NodeJS.ProcessEnv = process.env): RelaySettings {
  const brokers = parseBrokers(env.KAFKA_BROKERS);
  if (!brokers) throw new Error('KAFKA_BROKERS is not set (e.g. KAFKA_BROKERS=127.0.0.1:9092)');
  const topics = topicSettingsFromEnv(env);
  const retryInitialMs = positiveInteger(env, 'RELAY_RETRY_INITIAL_MS', 500);
  const shard = parseRelayShard(env.RELAY_SHARD);
  return {
    brokers,
    security: kafkaSecurityFromEnv(env),
    clientId: env.KAFKA_CLIENT_ID?.trim() || 'sme-ledger-relay',
    topics,
    checkpointName: shardCheckpointName(env.RELAY_CHECKPOINT?.trim() || relayCheckpointName(topics.prefix), shard),
    shard,
    batchSize: positiveInteger(env, 'RELAY_BATCH_SIZE', 500),
    maxBatchBytes: positiveInteger(env, 'RELAY_MAX_BATCH_BYTES', 512 * 1024),
    retryInitialMs,
    retryMaxMs: Math.max(retryInitialMs, positiveInteger(env, 'RELAY_RETRY_MAX_MS', 30_000)),
    sendTimeoutMs: positiveInteger(env, 'KAFKA_SEND_TIMEOUT_MS', 30_000),
    producerRetries: positiveInteger(env, 'KAFKA_PRODUCER_RETRIES', 8),
  };
}

const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;

/** KAFKA_SSL, KAFKA_SSL_CA_FILE and KAFKA_SASL_*: each problem named; a SASL password is never echoed. */
export function kafkaSecurityFromEnv(env: NodeJS.ProcessEnv): KafkaSecurity {
  const security: KafkaSecurity = {};
  const ssl = env.KAFKA_SSL?.trim().toLowerCase();
  if (ssl !== undefined && ssl !== '' && !['on', 'off', 'true', 'false', '1', '0'].includes(ssl)) throw new Error(`KAFKA_SSL must be on or off, not ${env.KAFKA_SSL}`);
  const caFile = env.KAFKA_SSL_CA_FILE?.trim();
  if (['on', 'true', '1'].includes(ssl ?? '') || caFile) {
    let ca: string | undefined;
    if (caFile) {
      try {
        ca = readFileSync(caFile, 'utf8');
      } catch (error) {
        throw new Error(`KAFKA_SSL_CA_FILE ${caFile}: ${(error as Error).message}`);
      }
    }
    security.ssl = ca === undefined ? {} : { ca };
  }
  const mechanism = env.KAFKA_SASL_MECHANISM?.trim().toLowerCase();
  if (mechanism) {
    if (!(SASL_MECHANISMS as readonly string[]).includes(mechanism)) throw new Error(`KAFKA_SASL_MECHANISM must be one of ${SASL_MECHANISMS.join(', ')}, not ${env.KAFKA_SASL_MECHANISM}`);
    const username = env.KAFKA_SASL_USERNAME ?? '';
    const password = env.KAFKA_SASL_PASSWORD ?? '';
    if (!username || !password) throw new Error('KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD must be set with KAFKA_SASL_MECHANISM');
    security.sasl = { mechanism: mechanism as (typeof SASL_MECHANISMS)[number], username, password };
  }
  return security;
}
