import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type IHeaders, type KafkaMessage } from 'kafkajs';
import { StationRegistry, type Outcome, type StationEntry } from './registry';

export interface StationRegistryConsumerOptions {
  /** Bootstrap servers, e.g. ['kafka-1:9092']. Ignored when `kafka` is given. */
  brokers?: string[];
  /** A kafkajs client of your own (TLS, SASL, logging). */
  kafka?: Kafka;
  /** The ledger deployment's topic prefix; default `sme.` (topic `sme.stations.v1`). */
  topicPrefix?: string;
  /**
   * Consumer group. Default: a new random group at every start, so the registry, kept in memory, is
   * rebuilt from the first message of the topic each time. Give a fixed group only together with a
   * registry you persist (see README).
   */
  groupId?: string;
  /** Called after each message that changed a station. */
  onChange?: (station: StationEntry, outcome: Outcome) => void;
}

/** Offsets a caught-up consumer must have passed, per partition. */
type Watermarks = Map<number, bigint>;

/**
 * Reads `<prefix>stations.v1` from the beginning and keeps a StationRegistry up to date: one topic,
 * one fold, deduplication by `ce_id`. Kafka delivers each record's events in order (they share a key,
 * hence a partition); across stations there is no order, and none is needed.
 */
export class StationRegistryConsumer {
  readonly registry = new StationRegistry();
  readonly topic: string;
  private readonly kafka: Kafka;
  private readonly groupId: string;
  private readonly onChange?: StationRegistryConsumerOptions['onChange'];
  private consumer: Consumer | null = null;
  /** Next offset to read, per partition, once a message has been folded. */
  private readonly positions = new Map<number, bigint>();
  private failure: Error | null = null;

  constructor(options: StationRegistryConsumerOptions) {
    if (!options.kafka && !options.brokers?.length) throw new Error('Give brokers or a kafka client');
    this.kafka = options.kafka ?? new Kafka({ clientId: 'station-registry', brokers: options.brokers!, logLevel: logLevel.WARN });
    this.topic = `${options.topicPrefix ?? 'sme.'}stations.v1`;
    this.groupId = options.groupId ?? `station-registry-${randomUUID()}`;
    this.onChange = options.onChange;
  }

  /** Joins the group and starts folding; returns once consumption has started. */
  async start(): Promise<void> {
    if (this.consumer) throw new Error('Already started');
    const consumer = this.kafka.consumer({ groupId: this.groupId, allowAutoTopicCreation: false });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [this.topic], fromBeginning: true });
    await consumer.run({
      // With a throw-away group there is nothing to come back to; a persisted registry would commit
      // its offsets together with its own state instead.
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        try {
          this.handle(partition, message);
        } catch (error) {
          // A message we cannot read is a bug on one side or the other: stop rather than skip it.
          this.failure = error instanceof Error ? error : new Error(String(error));
          throw error;
        }
      },
    });
  }

  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = null;
    if (consumer) await consumer.disconnect();
  }

  /**
   * Resolves once every message that was in the topic when called has been folded: the registry then
   * reflects the ledger as of (at least) that moment.
   */
  async caughtUp(options: { timeoutMs?: number; pollMs?: number } = {}): Promise<void> {
    const { timeoutMs = 60_000, pollMs = 50 } = options;
    const targets = await this.endOffsets();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.failure) throw this.failure;
      const behind = [...targets].filter(([partition, end]) => (this.positions.get(partition) ?? 0n) < end);
      if (behind.length === 0) return;
      if (Date.now() > deadline) {
        const detail = behind.map(([p, end]) => `partition ${p}: at ${this.positions.get(p) ?? 0n} of ${end}`).join(', ');
        throw new Error(`Not caught up with ${this.topic} after ${timeoutMs} ms (${detail})`);
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  private async endOffsets(): Promise<Watermarks> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(this.topic);
      // An empty partition (high == low) needs nothing; otherwise the next offset must reach the high watermark.
      return new Map(offsets.filter((o) => BigInt(o.high) > BigInt(o.low)).map((o) => [o.partition, BigInt(o.high)]));
    } finally {
      await admin.disconnect();
    }
  }

  private handle(partition: number, message: KafkaMessage): void {
    const outcome = this.registry.apply({ headers: headerStrings(message.headers), value: message.value?.toString('utf8') ?? null });
    this.positions.set(partition, BigInt(message.offset) + 1n);
    if (outcome === 'applied' && this.onChange) {
      const station = this.registry.get(headerStrings(message.headers).ce_subject ?? '');
      if (station) this.onChange(station, outcome);
    }
  }
}

/** kafkajs gives header values as Buffers (or arrays of them when a header repeats); CloudEvents headers are single UTF-8 strings. */
export function headerStrings(headers: IHeaders | undefined): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const single = Array.isArray(value) ? value[value.length - 1] : value;
    out[name] = single === undefined ? undefined : single.toString();
  }
  return out;
}
