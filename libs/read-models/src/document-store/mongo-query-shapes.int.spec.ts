import { randomBytes } from 'node:crypto';
import { MongoClient, type Document } from 'mongodb';
import type { StoredDocument } from './document-store.port';
import { MongoDocumentStore } from './mongo-document-store';

interface Versioned extends StoredDocument {
  v: string;
}

// Needs MongoDB or FerretDB (CI: infra/test-services/ferretdb.sh). Works in a database of its own, dropped at the end.
const url = process.env.MONGODB_URL;
const dbName = `sme_shapes_${randomBytes(6).toString('hex')}`;
const withServer = url ? describe : describe.skip;

/**
 * FerretDB v1 hands only a filter on `_id` alone to its storage: `{_id: {$in: …}}` or
 * `{_id, _position: {$lt: …}}` it answers by decoding every document itself (seconds at a few thousand). The
 * projector's reads of many ids and its batch writes must reach such a server as `{_id}` filters only.
 */
withServer('MongoDB document store on a server that reads by _id alone', () => {
  let client: MongoClient;
  let sent: Document[];

  beforeAll(async () => {
    client = new MongoClient(url as string, { monitorCommands: true, ignoreUndefined: true });
    await client.connect();
    client.on('commandStarted', (event) => sent.push(event.command));
  });

  afterAll(async () => {
    await client.db(dbName).dropDatabase();
    await client.close();
  }, 30_000);

  beforeEach(() => {
    sent = [];
  });

  const filtersSentTo = (collection: string) => [
    ...sent.filter((command) => command.find === collection).map((command) => command.filter as Document),
    ...sent.filter((command) => command.update === collection).flatMap((command) => (command.updates as { q: Document }[]).map((update) => update.q)),
  ];

  it('reads many ids, in either order of _id, with one {_id} lookup each', async () => {
    const docs = new MongoDocumentStore(client.db(dbName), undefined, { byId: true }).collection('reads');
    await docs.insertMany([1, 2, 3, 4].map((n) => ({ _id: `doc-${n}`, _position: n, n })));
    sent = [];

    expect((await docs.find({ _id: { $in: ['doc-3', 'doc-1', 'missing'] } })).map((doc) => doc._id)).toEqual(['doc-1', 'doc-3']);
    expect((await docs.find({ _id: { $in: ['doc-2', 'doc-4'] } }, { sort: { _id: -1 } })).map((doc) => doc._id)).toEqual(['doc-4', 'doc-2']);

    const filters = filtersSentTo('reads');
    expect(filters).toHaveLength(5);
    for (const filter of filters) expect(filter).toEqual({ _id: expect.any(String) });
  });

  it('writes a batch of new and newer documents with {_id} filters only, and leaves stale ones', async () => {
    const docs = new MongoDocumentStore(client.db(dbName), undefined, { byId: true }).collection<Versioned>('writes');
    await docs.putManyIfNewer([{ _id: 'a', _position: 1, v: 'a1' }, { _id: 'b', _position: 5, v: 'b5' }]);
    sent = [];

    expect(await docs.putManyIfNewer([{ _id: 'a', _position: 2, v: 'a2' }, { _id: 'b', _position: 4, v: 'b4' }, { _id: 'c', _position: 1, v: 'c1' }])).toBe(2);

    expect((await docs.find({})).map((doc) => doc.v)).toEqual(['a2', 'b5', 'c1']);
    for (const filter of filtersSentTo('writes').filter((filter) => Object.keys(filter).length > 0)) expect(filter).toEqual({ _id: expect.any(String) });
  });

  it.each([
    ['by _id (FerretDB)', true],
    ['conditional upserts (MongoDB)', false],
  ])('writes a batch with the positions its caller has just read and reads nothing itself: %s', async (_shape, byId) => {
    const docs = new MongoDocumentStore(client.db(dbName), undefined, { byId }).collection<Versioned>(`known_${byId}`);
    await docs.putManyIfNewer([{ _id: 'a', _position: 1, v: 'a1' }, { _id: 'b', _position: 5, v: 'b5' }]);
    sent = [];

    const known = new Map([['a', 1], ['b', 5]]);
    expect(await docs.putManyIfNewer([{ _id: 'a', _position: 2, v: 'a2' }, { _id: 'b', _position: 4, v: 'b4' }, { _id: 'c', _position: 1, v: 'c1' }], known)).toBe(2);

    expect(sent.filter((command) => command.find !== undefined)).toEqual([]);
    expect((await docs.find({})).map((doc) => doc.v)).toEqual(['a2', 'b5', 'c1']);
  });

  // FerretDB v1.24 holds a connection per statement of an update command until it ends, and needs one more
  // for each replacement: a command of 100 replacements never ends, and the server stops answering.
  it('replaces a batch of 150 documents in update commands of at most 16 statements', async () => {
    const docs = new MongoDocumentStore(client.db(dbName), undefined, { byId: true }).collection<Versioned>('many');
    const ids = Array.from({ length: 150 }, (_, n) => `doc-${String(n).padStart(3, '0')}`);
    await docs.putManyIfNewer(ids.map((_id) => ({ _id, _position: 1, v: 'old' })));
    sent = [];

    expect(await docs.putManyIfNewer(ids.map((_id) => ({ _id, _position: 2, v: 'new' })))).toBe(150);

    const updates = sent.filter((command) => command.update === 'many').map((command) => (command.updates as unknown[]).length);
    expect(updates.reduce((sum, statements) => sum + statements, 0)).toBe(150);
    expect(Math.max(...updates)).toBeLessThanOrEqual(16);
    expect(new Set((await docs.find({})).map((doc) => doc.v))).toEqual(new Set(['new']));
  }, 20_000);
});
