import { topicSettingsFromEnv, type TopicSettings } from '../topics';

/** Everything the relay reads from its environment. */
export interface RelaySettings {
  /** KAFKA_BROKERS: comma-separated host:port list. */
  brokers: string[];
  /** KAFKA_CLIENT_ID (default `sme-ledger-relay`): shows in the broker's logs and quotas. */
  clientId: string;
  /** KAFKA_TOPIC_PREFIX, KAFKA_TOPIC_PARTITIONS, KAFKA_REPLICATION_FACTOR (see topics.ts). */
  topics: TopicSettings;
  /** RELAY_CHECKPOINT (default `relay:<topic prefix>`): the relay's name in the checkpoint store. */
  checkpointName: string;
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
  return {
    brokers,
    clientId: env.KAFKA_CLIENT_ID?.trim() || 'sme-ledger-relay',
    topics,
    checkpointName: env.RELAY_CHECKPOINT?.trim() || relayCheckpointName(topics.prefix),
    batchSize: positiveInteger(env, 'RELAY_BATCH_SIZE', 500),
    maxBatchBytes: positiveInteger(env, 'RELAY_MAX_BATCH_BYTES', 512 * 1024),
    retryInitialMs,
    retryMaxMs: Math.max(retryInitialMs, positiveInteger(env, 'RELAY_RETRY_MAX_MS', 30_000)),
    sendTimeoutMs: positiveInteger(env, 'KAFKA_SEND_TIMEOUT_MS', 30_000),
    producerRetries: positiveInteger(env, 'KAFKA_PRODUCER_RETRIES', 8),
  };
}
