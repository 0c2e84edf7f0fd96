import { SqliteEventStore, type RecordedEvent } from '@sme/event-store';
import { StationRegistry } from '../../../../examples/station-registry-consumer/registry';
import { toKafkaCloudEvent, type KafkaCloudEvent } from '../cloudevents';
import { writeCompleteHistory, type CompleteHistory } from './testing/complete-history';
import { projectedRegistry } from './testing/project-registry';

/**
 * The example consumer's fold (examples/station-registry-consumer/registry.ts), fed the messages the
 * CloudEvents mapping makes of a real history, without a broker; station-registry-consumer.int.spec.ts
 * does the same through Kafka and the relay.
 */
describe('example station registry, folded from the stations messages', () => {
  let store: SqliteEventStore;
  let history: CompleteHistory;
  let stationMessages: KafkaCloudEvent[];

  beforeAll(async () => {
    store = new SqliteEventStore(':memory:');
    history = await writeCompleteHistory(store, { calls: 2, applicationsPerCall: 24 });
    const events: RecordedEvent[] = await store.readAll();
    stationMessages = events.map((e) => toKafkaCloudEvent(e, 'sme.')!).filter((m) => m.topic === 'sme.stations.v1');
  });
  afterAll(async () => {
    await store.close();
  });

  it('equals the ledger’s own stations projection, field by field', async () => {
    const registry = new StationRegistry();
    for (const m of stationMessages) expect(registry.apply(m)).toBe('applied');
    const expected = await projectedRegistry(store, history.stationIds);
    expect(new Map(registry.list().map((s) => [s.id, s]))).toEqual(expected);
    expect(new Set(registry.list().map((s) => s.status))).toEqual(new Set(['ACTIVE', 'REVOKED', 'WITHDRAWN']));
    expect(registry.get(history.reprievedStationId)?.revocations.map((r) => r.outcome)).toEqual(['REJECTED']);
  });

  it('skips redelivered messages by ce_id, wherever they reappear', async () => {
    const registry = new StationRegistry();
    // What a relay restart looks like: a run of messages delivered again after the originals.
    const replayed = stationMessages.slice(Math.floor(stationMessages.length / 3));
    for (const m of [...stationMessages, ...replayed]) registry.apply(m);
    expect(registry.counts).toEqual({ applied: stationMessages.length, duplicate: replayed.length, stale: 0, ignored: 0 });
    expect(new Map(registry.list().map((s) => [s.id, s]))).toEqual(await projectedRegistry(store, history.stationIds));
  });

  it('skips, and counts, types it does not know (a newer schema version)', () => {
    const registry = new StationRegistry();
    const [first] = stationMessages;
    registry.apply(first);
    const v2 = { ...first, headers: { ...first.headers, ce_id: 'another-id', ce_type: 'cn.sme-ledger.station.designated.v2' } };
    expect(registry.apply(v2)).toBe('ignored');
    expect(registry.unknownTypes).toEqual(new Map([['cn.sme-ledger.station.designated.v2', 1]]));
    expect(registry.size).toBe(1);
  });
});
