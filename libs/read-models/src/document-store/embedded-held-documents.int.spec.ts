import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredDocument } from './document-store.port';
import { EmbeddedDocumentStore } from './embedded-document-store';

type Station = StoredDocument & { status: string; name: string };
const station = (id: string, status: string): Station => ({ _id: id, _position: 1, status, name: `站 ${id}` });

describe('Documents the embedded store holds in memory only (a time slice’s scratch)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sme-held-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('answers queries over them as over written ones, and never writes them to the file', async () => {
    const file = join(dir, 'scratch.sqlite');
    const store = new EmbeddedDocumentStore(file);
    store.holdInMemory('stations', [station('s1', 'ACTIVE'), station('s2', 'REVOKED'), station('s3', 'ACTIVE')]);
    const stations = store.collection<Station>('stations');
    expect((await stations.find({ status: 'ACTIVE' }, { sort: { name: -1 } })).map((s) => s._id)).toEqual(['s3', 's1']);
    expect((await stations.find({ _id: { $in: ['s3', 's2', 'nope'] }, status: 'ACTIVE' })).map((s) => s._id)).toEqual(['s3']);
    expect(await stations.count({})).toBe(3);
    // Held documents are frozen, as written ones are: a reader cannot change them for the next.
    const held = (await stations.findOne({ _id: 's1' }))!;
    expect(() => (held.status = 'CHANGED')).toThrow(TypeError);
    expect((await stations.findOne({ _id: 's1' }))!.status).toBe('ACTIVE');
    await store.close();

    const reopened = new EmbeddedDocumentStore(file);
    expect(await reopened.collection('stations').count({})).toBe(0);
    await reopened.close();
  });

  it('refuses to hold documents in a collection that has some', async () => {
    const store = new EmbeddedDocumentStore(':memory:');
    await store.collection<Station>('stations').putIfNewer(station('s1', 'ACTIVE'));
    expect(() => store.holdInMemory('stations', [station('s2', 'ACTIVE')])).toThrow('holds documents already');
    await store.close();
  });
});
