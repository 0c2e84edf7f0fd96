import type { RecordedEvent as KurrentRecordedEvent } from '@kurrent/kurrentdb-client';
import { testEvent } from '../contract/contract-helpers';
import type { RecordedEvent } from '../event-store.port';
import { computeEventHash } from '../hash-chain';
import {
  findStoredBatch,
  fromKurrentEvent,
  fromKurrentPosition,
  isLedgerRecord,
  KurrentPositionError,
  positionOf,
  toKurrentEvent,
  toKurrentPosition,
} from './kurrentdb-mapping';

function recorded(id: string, revision: bigint, type = 'Tested'): RecordedEvent {
  return { id, type, revision, schemaVersion: 1, streamId: 's', position: 100n + revision, data: {}, metadata: testEvent().metadata, hash: 'h', previousHash: null };
}

describe('KurrentDB positions', () => {
  it('uses the commit position and resumes from {commit: p, prepare: p}', () => {
    expect(fromKurrentPosition({ commit: 4242n, prepare: 4242n })).toBe(4242n);
    expect(toKurrentPosition(4242n)).toEqual({ commit: 4242n, prepare: 4242n });
  });

  it('refuses a position whose commit and prepare differ', () => {
    expect(() => fromKurrentPosition({ commit: 10n, prepare: 4n })).toThrow(KurrentPositionError);
  });

  it('is strict for $all reads and lenient (commit) for stream reads', () => {
    const event = { id: 'e', position: { commit: 10n, prepare: 4n } } as KurrentRecordedEvent;
    expect(positionOf(event, false)).toBe(10n);
    expect(() => positionOf(event, true)).toThrow(KurrentPositionError);
    expect(() => positionOf({ id: 'e' } as KurrentRecordedEvent, false)).toThrow(/22\.6/);
  });
});

describe('isLedgerRecord', () => {
  it('excludes $-streams, $-types and checkpoint streams', () => {
    expect(isLedgerRecord('station-1', 'Opened')).toBe(true);
    expect(isLedgerRecord('$stats-1', 'Opened')).toBe(false);
    expect(isLedgerRecord('station-1', '$metadata')).toBe(false);
    expect(isLedgerRecord('checkpoint-projector', 'CheckpointStored')).toBe(false);
  });
});

describe('toKurrentEvent / fromKurrentEvent', () => {
  it('round-trips an event and keeps its hash verifiable', () => {
    const event = testEvent('Named', { name: '站', count: 2n, at: new Date('2025-01-01T00:00:00.000Z') }, { reason: '更正' });
    const { eventData, hash } = toKurrentEvent(event, 'station-1', 3n, 'p'.repeat(64));
    expect(eventData).toMatchObject({ id: event.id, type: 'Named', contentType: 'application/json' });
    const stored = {
      id: event.id,
      type: event.type,
      streamId: 'station-1',
      revision: 3n,
      data: JSON.parse(JSON.stringify(eventData.data)),
      metadata: JSON.parse(JSON.stringify(eventData.metadata)),
      isJson: true,
      created: new Date(),
    } as KurrentRecordedEvent;
    const read = fromKurrentEvent(stored, 777n);
    expect(read).toMatchObject({ hash, previousHash: 'p'.repeat(64), schemaVersion: 1, position: 777n, revision: 3n });
    expect(read.data).toEqual({ name: '站', count: '2', at: '2025-01-01T00:00:00.000Z' });
    expect(read.metadata).toEqual(event.metadata);
    expect(computeEventHash(read, read.previousHash)).toBe(hash);
  });

  it('maps an event without chain fields with an empty hash', () => {
    const read = fromKurrentEvent({ id: 'x', type: 'T', streamId: 's', revision: 0n, data: { a: 1 }, metadata: undefined, isJson: true, created: new Date() } as KurrentRecordedEvent, 1n);
    expect(read).toMatchObject({ hash: '', previousHash: null, schemaVersion: 1, data: { a: 1 } });
  });
});

describe('findStoredBatch', () => {
  const tail = [recorded('c', 2n), recorded('b', 1n), recorded('a', 0n)];
  const batch = (...ids: string[]) => ids.map((id) => ({ ...testEvent(), id }));

  it('is absent when no id is in the tail', () => {
    expect(findStoredBatch(tail, batch('x', 'y'))).toEqual({ kind: 'absent' });
  });

  it('finds a batch stored at consecutive revisions and returns its last event', () => {
    expect(findStoredBatch(tail, batch('b', 'c'))).toEqual({ kind: 'stored', last: tail[0] });
    expect(findStoredBatch(tail, batch('a'))).toEqual({ kind: 'stored', last: tail[2] });
  });

  it('reports a conflict for partial, reordered or retyped batches', () => {
    expect(findStoredBatch(tail, batch('c', 'x'))).toEqual({ kind: 'conflict', eventIds: ['c'] });
    expect(findStoredBatch(tail, batch('c', 'b'))).toEqual({ kind: 'conflict', eventIds: ['c', 'b'] });
    expect(findStoredBatch(tail, [{ ...testEvent('Other'), id: 'a' }])).toEqual({ kind: 'conflict', eventIds: ['a'] });
  });
});
