import type { ITopicConfig } from 'kafkajs';
import { EVENT_FAMILIES } from './event-catalogue';
import { TOPIC_CONFIG, ensureTopics, topicNames, topicSettingsFromEnv, topicSpecs, type TopicAdmin } from './topics';

class FakeAdmin implements TopicAdmin {
  readonly created: ITopicConfig[] = [];
  constructor(
    readonly topics: Map<string, number>,
    /** Topics another relay creates between our listTopics and createTopics. */
    private readonly racedBy: string[] = [],
  ) {}

  async listTopics(): Promise<string[]> {
    const names = [...this.topics.keys()];
    for (const raced of this.racedBy) this.topics.set(raced, 6);
    return names;
  }

  async createTopics({ topics }: { topics: ITopicConfig[] }): Promise<boolean> {
    let all = true;
    for (const spec of topics) {
      if (this.topics.has(spec.topic)) {
        all = false;
        continue;
      }
      this.topics.set(spec.topic, spec.numPartitions ?? 1);
      this.created.push(spec);
    }
    return all;
  }

  async fetchTopicMetadata({ topics }: { topics: string[] } = { topics: [] }) {
    return {
      topics: topics.map((name) => ({
        name,
        partitions: Array.from({ length: this.topics.get(name) ?? 0 }, (_, partitionId) => ({
          partitionErrorCode: 0,
          partitionId,
          leader: 1,
          replicas: [1],
          isr: [1],
        })),
      })),
    };
  }
}

describe('Kafka topics', () => {
  it('names one topic per family under the prefix', () => {
    expect(topicNames('sme.')).toEqual(EVENT_FAMILIES.map((f) => `sme.${f.topic}`));
    expect(topicNames('').slice(0, 6)).toEqual(['calls.v1', 'applications.v1', 'stations.v1', 'enterprises.v1', 'providers.v1', 'experts.v1']);
  });

  it('reads prefix, partitions and replication factor from the environment, with defaults', () => {
    expect(topicSettingsFromEnv({})).toEqual({ prefix: 'sme.', partitions: 6, replicationFactor: 1 });
    expect(topicSettingsFromEnv({ KAFKA_TOPIC_PREFIX: 'prod-gz.', KAFKA_TOPIC_PARTITIONS: '12', KAFKA_REPLICATION_FACTOR: '3' })).toEqual({
      prefix: 'prod-gz.',
      partitions: 12,
      replicationFactor: 3,
    });
    expect(topicSettingsFromEnv({ KAFKA_TOPIC_PREFIX: '' }).prefix).toBe('');
    expect(() => topicSettingsFromEnv({ KAFKA_TOPIC_PREFIX: 'sme/' })).toThrow(/KAFKA_TOPIC_PREFIX/);
    expect(() => topicSettingsFromEnv({ KAFKA_TOPIC_PREFIX: 'x'.repeat(240) })).toThrow(/too long/);
    expect(() => topicSettingsFromEnv({ KAFKA_TOPIC_PARTITIONS: '0' })).toThrow(/KAFKA_TOPIC_PARTITIONS/);
    expect(() => topicSettingsFromEnv({ KAFKA_REPLICATION_FACTOR: 'three' })).toThrow(/KAFKA_REPLICATION_FACTOR/);
  });

  it('creates topics that keep everything: no retention limit, delete policy (no compaction)', () => {
    expect(TOPIC_CONFIG).toEqual({ 'retention.ms': '-1', 'retention.bytes': '-1', 'cleanup.policy': 'delete' });
    expect(topicSpecs({ prefix: 'sme.', partitions: 6, replicationFactor: 3 })[0]).toEqual({
      topic: 'sme.calls.v1',
      numPartitions: 6,
      replicationFactor: 3,
      configEntries: [
        { name: 'retention.ms', value: '-1' },
        { name: 'retention.bytes', value: '-1' },
        { name: 'cleanup.policy', value: 'delete' },
      ],
    });
  });

  it('creates only the missing topics and warns about existing ones that differ', async () => {
    const admin = new FakeAdmin(new Map([['sme.calls.v1', 3], ['sme.stations.v1', 6], ['other', 1]]));
    const result = await ensureTopics(admin, { prefix: 'sme.', partitions: 6, replicationFactor: 1 });
    const missing = topicNames('sme.').filter((t) => t !== 'sme.calls.v1' && t !== 'sme.stations.v1');
    expect(result.created).toEqual(missing);
    expect(result.existing).toEqual(['sme.calls.v1', 'sme.stations.v1']);
    expect(result.warnings).toEqual(['topic sme.calls.v1 exists with 3 partitions (settings say 6); left as it is']);
    expect(admin.created.map((t) => t.topic)).toEqual(missing);
    expect(await ensureTopics(admin, { prefix: 'sme.', partitions: 6, replicationFactor: 1 })).toMatchObject({ created: [] });
  });

  it('counts a topic created by another relay in between as existing', async () => {
    const admin = new FakeAdmin(new Map(), ['t.calls.v1']);
    const result = await ensureTopics(admin, { prefix: 't.', partitions: 6, replicationFactor: 1 });
    expect(result.created).toEqual(topicNames('t.').slice(1));
    expect(result.existing).toEqual(['t.calls.v1']);
  });
});
