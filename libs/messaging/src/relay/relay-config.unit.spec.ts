import { parseBrokers, relayCheckpointName, relaySettingsFromEnv } from './relay-config';
import { relayLagMetrics } from './relay-lag';

describe('Relay settings', () => {
  it('is off without brokers and refuses malformed ones', () => {
    expect(parseBrokers(undefined)).toBeUndefined();
    expect(parseBrokers(' , ')).toBeUndefined();
    expect(parseBrokers('127.0.0.1:9092, kafka-2:9092')).toEqual(['127.0.0.1:9092', 'kafka-2:9092']);
    expect(() => parseBrokers('localhost')).toThrow(/host:port/);
    expect(() => relaySettingsFromEnv({})).toThrow(/KAFKA_BROKERS/);
  });

  it('has defaults for everything but the brokers', () => {
    expect(relaySettingsFromEnv({ KAFKA_BROKERS: '127.0.0.1:9092' })).toEqual({
      brokers: ['127.0.0.1:9092'],
      clientId: 'sme-ledger-relay',
      topics: { prefix: 'sme.', partitions: 6, replicationFactor: 1 },
      checkpointName: 'relay:sme.',
      batchSize: 500,
      maxBatchBytes: 524288,
      retryInitialMs: 500,
      retryMaxMs: 30000,
      sendTimeoutMs: 30000,
      producerRetries: 8,
    });
  });

  it('keeps a checkpoint per topic prefix unless one is named', () => {
    expect(relayCheckpointName('test-1.')).toBe('relay:test-1.');
    expect(relaySettingsFromEnv({ KAFKA_BROKERS: 'k:1', KAFKA_TOPIC_PREFIX: 'a.' }).checkpointName).toBe('relay:a.');
    expect(relaySettingsFromEnv({ KAFKA_BROKERS: 'k:1', RELAY_CHECKPOINT: 'main' }).checkpointName).toBe('main');
    expect(() => relaySettingsFromEnv({ KAFKA_BROKERS: 'k:1', RELAY_BATCH_SIZE: '-5' })).toThrow(/RELAY_BATCH_SIZE/);
  });

  it('prints the lag as Prometheus gauges', () => {
    expect(relayLagMetrics({ checkpointName: 'relay:sme.', checkpoint: 7, head: 10, eventsBehind: 3, secondsBehind: 1.5 })).toBe(
      [
        '# HELP sme_relay_events_behind Events in the log not yet acknowledged by Kafka.',
        '# TYPE sme_relay_events_behind gauge',
        'sme_relay_events_behind 3',
        '# HELP sme_relay_seconds_behind Age in seconds of the oldest event not yet acknowledged by Kafka.',
        '# TYPE sme_relay_seconds_behind gauge',
        'sme_relay_seconds_behind 1.500',
        '# HELP sme_relay_checkpoint Global position of the last event acknowledged by Kafka.',
        '# TYPE sme_relay_checkpoint gauge',
        'sme_relay_checkpoint 7',
        '',
      ].join('\n'),
    );
  });
});
