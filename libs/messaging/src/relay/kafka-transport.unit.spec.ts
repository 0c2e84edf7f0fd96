import { logLevel, type LogEntry } from 'kafkajs';
import { kafkaLogs } from './kafka-transport';

function entry(level: logLevel, namespace: string, message: string, error?: string): LogEntry {
  return { namespace, level, label: logLevel[level], log: { timestamp: '2026-12-07T00:00:00.000Z', logger: 'kafkajs', message, ...(error ? { error } : {}) } };
}

describe('kafkaLogs', () => {
  it("passes kafkajs's errors and warnings to the relay logger as warnings, less the expected ones", () => {
    const warnings: string[] = [];
    const log = kafkaLogs({ log: () => undefined, warn: (m) => warnings.push(m), error: () => undefined })();
    log(entry(logLevel.ERROR, 'Connection', 'Response Metadata(key: 3, version: 6)', 'This server does not host this topic-partition'));
    log(entry(logLevel.WARN, 'Producer', 'Limiting retries for the idempotent producer may invalidate EoS guarantees'));
    log(entry(logLevel.INFO, 'Producer', 'connected'));
    log(entry(logLevel.ERROR, 'Connection', 'Connection error', 'connect ECONNREFUSED 127.0.0.1:9092'));
    log(entry(logLevel.WARN, 'Admin', 'Could not create topics'));
    expect(warnings).toEqual(['kafkajs Connection: Connection error (connect ECONNREFUSED 127.0.0.1:9092)', 'kafkajs Admin: Could not create topics']);
  });
});
