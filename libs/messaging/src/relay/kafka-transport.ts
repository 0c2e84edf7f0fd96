import { Kafka, Partitioners, logLevel, type ICustomPartitioner, type LogEntry, type Producer, type RetryOptions, type SASLOptions } from 'kafkajs';
import type { CheckpointStore, EventStore } from '@sme/event-store';
import { ensureTopics, type TopicSettings } from '../topics';
import { Relay, type RelayLogger, type RelayOptions, type RelayTransport } from './relay';
import type { RelaySettings } from './relay-config';

/**
 * The producer's own retries of a request (reconnecting, refreshing metadata, re-sending with the same
 * sequence numbers, which the broker de-duplicates): 300 ms, doubling up to 5 s. When they are used up
 * the send fails and the relay starts again from its checkpoint with a new producer.
 */
const producerRetry = (retries: number): RetryOptions => ({ retries, initialRetryTime: 300, maxRetryTime: 5000, factor: 0.2, multiplier: 2 });
export const DEFAULT_PRODUCER_RETRIES = 8;
/** Connections and metadata requests of the client and its admin. */
const CLIENT_RETRY: RetryOptions = { retries: 5, initialRetryTime: 300, maxRetryTime: 5000, factor: 0.2, multiplier: 2 };

// kafkajs warns on every producer we create that bounded retries may break *exactly-once*; the relay
// promises at-least-once and retries the whole batch itself (see RelayTransport.createProducer).
const IGNORED_WARNINGS = ['Limiting retries for the idempotent producer'];

function kafkaLogs(logger: RelayLogger) {
  return () =>
    ({ level, namespace, log }: LogEntry) => {
      const text = `kafkajs ${namespace}: ${log.message}${log.error && log.error !== log.message ? ` (${String(log.error)})` : ''}`;
      if (level === logLevel.ERROR) logger.warn(text); // the relay reports the failure itself, as an error
      else if (level === logLevel.WARN && !IGNORED_WARNINGS.some((w) => log.message.includes(w))) logger.warn(text);
    };
}

/** A kafkajs client for the relay's brokers; only its warnings and errors reach the logger. */
export function createKafkaClient(settings: Pick<RelaySettings, 'brokers' | 'clientId'> & Partial<Pick<RelaySettings, 'security'>>, logger: RelayLogger): Kafka {
  const { ssl, sasl } = settings.security ?? {};
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    ...(ssl ? { ssl: ssl.ca === undefined ? true : { ca: [ssl.ca] } } : {}),
    ...(sasl ? { sasl: sasl as SASLOptions } : {}),
    retry: CLIENT_RETRY,
    logLevel: logLevel.WARN,
    logCreator: kafkaLogs(logger),
  });
}

/** Keys remembered per partition count before the memory is cleared and filled again. */
const REMEMBERED_KEYS = 100_000;

/**
 * kafkajs's `DefaultPartitioner` (the Java client's: murmur2 of the key, modulo the partition count)
 * remembering each key's partition per partition count. The hash is computed in 64-bit arithmetic of
 * kafkajs's own and costs about as much as encoding the message; a record's events share their key, so
 * a backlog hashes each key once. Messages with an explicit partition or without a key go straight to
 * kafkajs's partitioner.
 */
export const RememberingDefaultPartitioner: ICustomPartitioner = () => {
  const partitioner = Partitioners.DefaultPartitioner();
  const byCount = new Map<number, Map<string, number>>();
  return (args) => {
    const { key, partition } = args.message;
    if ((partition !== undefined && partition !== null) || typeof key !== 'string') return partitioner(args);
    const count = args.partitionMetadata.length;
    let remembered = byCount.get(count);
    if (!remembered) {
      remembered = new Map();
      byCount.set(count, remembered);
    }
    let chosen = remembered.get(key);
    if (chosen === undefined) {
      chosen = partitioner(args);
      if (remembered.size >= REMEMBERED_KEYS) remembered.clear();
      remembered.set(key, chosen);
    }
    return chosen;
  };
};

/**
 * The producer settings every relay uses: idempotent (the broker drops a batch the producer re-sends
 * after a lost acknowledgement), one request in flight per broker (a retried request cannot overtake
 * the next one, so per-partition order holds), no topic auto-creation, and the Java client's murmur2
 * partitioner, so a record's partition is the same as any Java/librdkafka producer would choose for
 * its key (the stream id). Messages are not compressed: kafkajs has only GZIP built in (the other
 * codecs are separate packages), and on the relay's path it costs CPU where CPU is the limit.
 */
export function createRelayProducer(kafka: Kafka, retries = DEFAULT_PRODUCER_RETRIES): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: RememberingDefaultPartitioner,
    retry: producerRetry(retries),
  });
}

/** Producers and topic creation on a real cluster. */
export class KafkaRelayTransport implements RelayTransport {
  constructor(
    private readonly kafka: Kafka,
    private readonly topics: TopicSettings,
    private readonly logger: RelayLogger,
    private readonly producerRetries = DEFAULT_PRODUCER_RETRIES,
  ) {}

  createProducer(): Producer {
    return createRelayProducer(this.kafka, this.producerRetries);
  }

  async ensureTopics(): Promise<void> {
    const admin = this.kafka.admin({ retry: CLIENT_RETRY });
    await admin.connect();
    try {
      const result = await ensureTopics(admin, this.topics);
      if (result.created.length > 0) {
        this.logger.log(
          `created ${result.created.join(', ')} (${this.topics.partitions} partitions, replication factor ${this.topics.replicationFactor}, retention.ms=-1, cleanup.policy=delete)`,
        );
      }
      for (const warning of result.warnings) this.logger.warn(warning);
    } finally {
      await admin.disconnect();
    }
  }
}

export interface KafkaRelayOptions {
  logger?: RelayLogger;
  onAcknowledged?: RelayOptions['onAcknowledged'];
  stopGraceMs?: number;
}

/** A Relay to the configured Kafka cluster (not started). */
export function createKafkaRelay(events: EventStore, checkpoints: CheckpointStore, settings: RelaySettings, options: KafkaRelayOptions = {}): Relay {
  const logger = options.logger ?? { log: () => undefined, warn: () => undefined, error: () => undefined };
  const transport = new KafkaRelayTransport(createKafkaClient(settings, logger), settings.topics, logger, settings.producerRetries);
  return new Relay(events, checkpoints, transport, {
    topicPrefix: settings.topics.prefix,
    checkpointName: settings.checkpointName,
    shard: settings.shard,
    batchSize: settings.batchSize,
    maxBatchBytes: settings.maxBatchBytes,
    retryInitialMs: settings.retryInitialMs,
    retryMaxMs: settings.retryMaxMs,
    sendTimeoutMs: settings.sendTimeoutMs,
    stopGraceMs: options.stopGraceMs,
    logger,
    onAcknowledged: options.onAcknowledged,
  });
}
