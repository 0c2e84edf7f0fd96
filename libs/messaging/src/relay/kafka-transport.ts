import { Kafka, logLevel, type LogEntry, type Producer, type RetryOptions, type SASLOptions } from 'kafkajs';
import type { CheckpointStore, EventStore } from '@sme/event-store';
import { ensureTopics, type TopicSettings } from '../topics';
import { RememberingDefaultPartitioner } from './partitioner';
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
// kafkajs logs every error answer of a request. A topic just created is answered "unknown topic or
// partition" for a moment, each time ensureTopics asks for it; should a send fail so, the relay reports
// that failure itself.
const IGNORED_ERRORS = ['This server does not host this topic-partition'];

/** kafkajs's log lines as the relay logger's warnings (errors too: the relay reports its failures itself), less the expected ones above. */
export function kafkaLogs(logger: RelayLogger) {
  return () =>
    ({ level, namespace, log }: LogEntry) => {
      const text = `kafkajs ${namespace}: ${log.message}${log.error && log.error !== log.message ? ` (${String(log.error)})` : ''}`;
      if (level === logLevel.ERROR && !IGNORED_ERRORS.some((e) => text.includes(e))) logger.warn(text);
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
