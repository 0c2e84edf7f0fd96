import { randomUUID } from 'node:crypto';
import { SqliteEventStore, type ReadStreamOptions } from '@sme/event-store';
import { RecordLoader } from './record-loader';

class CountingStore extends SqliteEventStore {
  reads = 0;
  override readStream(streamId: string, options?: ReadStreamOptions) {
    this.reads += 1;
    return super.readStream(streamId, options);
  }
}

const metadata = { occurredAt: '2019-06-03T10:00:00+08:00', recordedAt: '2019-06-03T10:00:00+08:00', actor: { id: 'op-1', role: 'STATION_OPERATOR', orgId: 'X', regionCode: '440106' }, correlationId: randomUUID(), causationId: null };

describe('RecordLoader.callIdOf', () => {
  let store: CountingStore;
  beforeEach(() => (store = new CountingStore(':memory:')));
  afterEach(() => store.close());

  it('reads a record’s call from its first event once, then remembers it (a record never changes its call)', async () => {
    await store.append('application-a1', [{ id: randomUUID(), type: 'ApplicationDrafted', schemaVersion: 1, data: { applicationId: 'a1', callId: 'call-2019' }, metadata }], 'no_stream');
    const loader = new RecordLoader(store);
    const missing = () => new Error('no such application');
    expect(await loader.callIdOf('application-a1', missing)).toBe('call-2019');
    expect(await loader.callIdOf('application-a1', missing)).toBe('call-2019');
    expect(store.reads).toBe(1);
  });

  it('does not remember a record that is not there: once written, its call is found', async () => {
    const loader = new RecordLoader(store);
    const missing = () => new Error('no such application');
    await expect(loader.callIdOf('application-a2', missing)).rejects.toThrow('no such application');
    await store.append('application-a2', [{ id: randomUUID(), type: 'ApplicationDrafted', schemaVersion: 1, data: { applicationId: 'a2', callId: 'call-2020' }, metadata }], 'no_stream');
    expect(await loader.callIdOf('application-a2', missing)).toBe('call-2020');
  });
});
