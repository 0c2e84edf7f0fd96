import type { ITopicConfig } from 'kafkajs';
import { EVENT_FAMILIES } from './event-catalogue';
import { TOPIC_CONFIG, ensureTopics, topicNames, topicSettingsFromEnv, topicSpecs, type TopicAdmin } from './topics';

class FakeAdmin implements TopicAdmin {
  readonly created: ITopicConfig[] = [];
  constructor(
    readonly topics: Map<string, number>,
    /** Topics another relay creates between our listTopics and createTopics. */
    private readonly racedBy: string[] = [],
    /** Errors the metadata requests throw first, one each (a broker not serving a topic just made yet). */
    readonly metadataErrors: Error[] = [],
    /** Metadata answers, after those errors, that list the partitions without a leader. */
    private leaderless = 0,
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
    const error = this.metadataErrors.shift();
    if (error) throw error;
    const leader = this.leaderless > 0 ? -1 : 1;
    this.leaderless -= 1;
    return {
      topics: topics.map((name) => ({
        name,
        partitions: Array.from({ length: this.topics.get(name) ?? 0 }, (_, partitionId) => ({
          partitionErrorCode: 0,
          partitionId,
          leader,
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

  describe('topics only just created (here or by another relay), not yet served', () => {
    const kafkaError = (type: string) => Object.assign(new Error(`kafka says ${type}`), { type });
    const settings = { prefix: 't.', partitions: 6, replicationFactor: 1 };

    it('asks for every topic again, pausing longer each time, until the broker serves them with leaders', async () => {
      const admin = new FakeAdmin(new Map(), ['t.calls.v1'], [kafkaError('UNKNOWN_TOPIC_OR_PARTITION'), kafkaError('LEADER_NOT_AVAILABLE')], 1);
      const ask = jest.spyOn(admin, 'fetchTopicMetadata');
      const pauses: number[] = [];
      const result = await ensureTopics(admin, settings, { pause: async (ms) => void pauses.push(ms) });
      expect(result).toMatchObject({ created: topicNames('t.').slice(1), existing: ['t.calls.v1'], warnings: [] });
      expect(pauses).toEqual([100, 200, 300]);
      expect(ask).toHaveBeenLastCalledWith({ topics: topicNames('t.') });
    });

    it('gives up after ten attempts, and at once on any other error', async () => {
      const pauses: number[] = [];
      const pause = async (ms: number) => void pauses.push(ms);
      const stuck = new FakeAdmin(new Map(), ['t.calls.v1'], Array.from({ length: 10 }, () => kafkaError('UNKNOWN_TOPIC_OR_PARTITION')));
      await expect(ensureTopics(stuck, settings, { pause })).rejects.toThrow('UNKNOWN_TOPIC_OR_PARTITION');
      expect(pauses).toHaveLength(9);

      const refused = new FakeAdmin(new Map(), ['t.calls.v1'], [kafkaError('TOPIC_AUTHORIZATION_FAILED')]);
      await expect(ensureTopics(refused, settings, { pause })).rejects.toThrow('TOPIC_AUTHORIZATION_FAILED');
      expect(pauses).toHaveLength(9);
    });
  });
});
