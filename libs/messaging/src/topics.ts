import type { Admin, ITopicConfig } from 'kafkajs';
import { EVENT_FAMILIES } from './event-catalogue';

/**
 * The Kafka topics the relay publishes to: one per event family, named `${prefix}${family.topic}`
 * (`sme.calls.v1`, `sme.applications.v1`, `sme.stations.v1` with the default prefix).
 */
export interface TopicSettings {
  /** Put before every family's topic name (KAFKA_TOPIC_PREFIX, default `sme.`). May be empty. */
  prefix: string;
  /** Partitions of a topic when the relay creates it (KAFKA_TOPIC_PARTITIONS, default 6). */
  partitions: number;
  /** Replicas of each partition when the relay creates a topic (KAFKA_REPLICATION_FACTOR, default 1). */
  replicationFactor: number;
}

export const DEFAULT_TOPIC_PREFIX = 'sme.';
export const DEFAULT_TOPIC_PARTITIONS = 6;
/** One broker in development and tests; production clusters should use 3 (with min.insync.replicas=2). */
export const DEFAULT_REPLICATION_FACTOR = 1;

/**
 * Settings of every topic the relay creates. Integrators rebuild their state from the topics, so
 * nothing may expire: no time limit (`retention.ms=-1`), no size limit (`retention.bytes=-1`), and
 * plain deletion policy (no compaction, which would keep only the last event of each record).
 */
export const TOPIC_CONFIG: Readonly<Record<string, string>> = {
  'retention.ms': '-1',
  'retention.bytes': '-1',
  'cleanup.policy': 'delete',
};

/** Legal Kafka topic characters; names are at most 249 characters. */
const TOPIC_CHARS = /^[A-Za-z0-9._-]*$/;
const MAX_TOPIC_LENGTH = 249;

/** The family topics under a prefix, in catalogue order. */
export function topicNames(prefix: string): string[] {
  return EVENT_FAMILIES.map((family) => `${prefix}${family.topic}`);
}

/** The createTopics request for the family topics. */
export function topicSpecs(settings: TopicSettings): ITopicConfig[] {
  return topicNames(settings.prefix).map((topic) => ({
    topic,
    numPartitions: settings.partitions,
    replicationFactor: settings.replicationFactor,
    configEntries: Object.entries(TOPIC_CONFIG).map(([name, value]) => ({ name, value })),
  }));
}

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got '${raw}'`);
  return value;
}

/** KAFKA_TOPIC_PREFIX, KAFKA_TOPIC_PARTITIONS and KAFKA_REPLICATION_FACTOR, validated. */
export function topicSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): TopicSettings {
  const prefix = env.KAFKA_TOPIC_PREFIX ?? DEFAULT_TOPIC_PREFIX;
  if (!TOPIC_CHARS.test(prefix)) {
    throw new Error(`KAFKA_TOPIC_PREFIX may contain only letters, digits, '.', '_' and '-', got '${prefix}'`);
  }
  const longest = Math.max(...EVENT_FAMILIES.map((family) => family.topic.length));
  if (prefix.length + longest > MAX_TOPIC_LENGTH) throw new Error(`KAFKA_TOPIC_PREFIX is too long (topic names end up over ${MAX_TOPIC_LENGTH} characters)`);
  return {
    prefix,
    partitions: positiveInteger('KAFKA_TOPIC_PARTITIONS', env.KAFKA_TOPIC_PARTITIONS, DEFAULT_TOPIC_PARTITIONS),
    replicationFactor: positiveInteger('KAFKA_REPLICATION_FACTOR', env.KAFKA_REPLICATION_FACTOR, DEFAULT_REPLICATION_FACTOR),
  };
}

export interface EnsureTopicsResult {
  created: string[];
  existing: string[];
  /** Differences between an existing topic and the settings (existing topics are never altered). */
  warnings: string[];
}

/** The part of the kafkajs admin client that ensureTopics uses. */
export type TopicAdmin = Pick<Admin, 'listTopics' | 'createTopics' | 'fetchTopicMetadata'>;

/**
 * Creates the family topics that do not exist yet, with the settings above, and waits until the broker
 * serves every family topic with a leader for each partition. Topics that exist are left as they are
 * (an operator may have created them with other partition counts or replication); differences in
 * partition count are reported as warnings. Safe to run from several relays at once: a topic created
 * by another one in between counts as existing.
 */
export async function ensureTopics(admin: TopicAdmin, settings: TopicSettings, options: { pause?: (ms: number) => Promise<void> } = {}): Promise<EnsureTopicsResult> {
  const wanted = topicSpecs(settings);
  const present = new Set(await admin.listTopics());
  const missing = wanted.filter((spec) => !present.has(spec.topic));
  const created: string[] = [];
  // One request per topic, so that a topic created by another relay in between (createTopics answers
  // false) is told apart from one created here. kafkajs's own wait for leaders gives up at the first
  // "unknown topic or partition", which a KRaft broker answers for a moment after creating a topic, so
  // the wait is done below, for every topic at once.
  for (const spec of missing) {
    if (await admin.createTopics({ topics: [spec], waitForLeaders: false })) created.push(spec.topic);
  }
  const existing = wanted.map((spec) => spec.topic).filter((topic) => !created.includes(topic));
  const { topics } = await whenServed(admin, wanted.map((spec) => spec.topic), options.pause ?? sleep);
  const warnings: string[] = [];
  for (const topic of topics) {
    if (existing.includes(topic.name) && topic.partitions.length !== settings.partitions) {
      warnings.push(`topic ${topic.name} exists with ${topic.partitions.length} partitions (settings say ${settings.partitions}); left as it is`);
    }
  }
  return { created, existing, warnings };
}

/** Times the topics' metadata is asked for while the broker does not serve them yet, and the first pause between (growing by as much each time). */
const METADATA_ATTEMPTS = 10;
const METADATA_PAUSE_MS = 100;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The topics' metadata once the broker serves them, each partition with a leader. A topic only just
 * created (here or by another relay) is answered "unknown topic or partition" or "leader not
 * available", or listed without a leader, for a moment: it is asked again after 100 ms, 200 ms, …
 * (about 4.5 s in all). Then an error goes to the caller; a partition still without a leader is left
 * to the producer, which waits for one itself.
 */
async function whenServed(admin: TopicAdmin, topics: string[], pause: (ms: number) => Promise<void>) {
  for (let attempt = 1; ; attempt++) {
    try {
      const answer = await admin.fetchTopicMetadata({ topics });
      const leaderless = answer.topics.some((topic) => topic.partitions.some((partition) => partition.leader < 0));
      if (!leaderless || attempt >= METADATA_ATTEMPTS) return answer;
    } catch (error) {
      const type = (error as { type?: unknown }).type;
      if (attempt >= METADATA_ATTEMPTS || (type !== 'UNKNOWN_TOPIC_OR_PARTITION' && type !== 'LEADER_NOT_AVAILABLE')) throw error;
    }
    await pause(METADATA_PAUSE_MS * attempt);
  }
}
