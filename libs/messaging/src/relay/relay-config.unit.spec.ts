import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
      security: {},
      clientId: 'sme-ledger-relay',
      topics: { prefix: 'sme.', partitions: 6, replicationFactor: 1 },
      checkpointName: 'relay:sme.',
      shard: null,
      batchSize: 500,
      maxBatchBytes: 524288,
      retryInitialMs: 500,
      retryMaxMs: 30000,
      sendTimeoutMs: 30000,
      producerRetries: 8,
    });
  });

  it('reaches a secured cluster: TLS with its own CA, SASL with each mechanism; every mistake named', () => {
    const ca = join(mkdtempSync(join(tmpdir(), 'kafka-ca-')), 'ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const base = { KAFKA_BROKERS: 'k:9093' };
    expect(relaySettingsFromEnv({ ...base, KAFKA_SSL: 'on' }).security).toEqual({ ssl: {} });
    expect(relaySettingsFromEnv({ ...base, KAFKA_SSL_CA_FILE: ca }).security).toEqual({ ssl: { ca: expect.stringContaining('BEGIN CERTIFICATE') } });
    expect(relaySettingsFromEnv({ ...base, KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512', KAFKA_SASL_USERNAME: 'relay', KAFKA_SASL_PASSWORD: 's3cret' }).security).toEqual({
      sasl: { mechanism: 'scram-sha-512', username: 'relay', password: 's3cret' },
    });
    expect(() => relaySettingsFromEnv({ ...base, KAFKA_SSL: 'maybe' })).toThrow(/KAFKA_SSL must be on or off/);
    expect(() => relaySettingsFromEnv({ ...base, KAFKA_SSL_CA_FILE: '/no/such/ca.pem' })).toThrow(/KAFKA_SSL_CA_FILE/);
    expect(() => relaySettingsFromEnv({ ...base, KAFKA_SASL_MECHANISM: 'gssapi', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' })).toThrow(/KAFKA_SASL_MECHANISM/);
    const missing = (() => {
      try {
        relaySettingsFromEnv({ ...base, KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u' });
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(missing).toMatch(/KAFKA_SASL_PASSWORD/);
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
