import { openSqliteDatabase } from '@sme/event-store';
import { Query } from 'mingo';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentStoreContract } from './document-store.contract';
import { DuplicateKeyError, type StoredDocument } from './document-store.port';
import { EmbeddedDocumentStore } from './embedded-document-store';

/** A store on `source`, reopened as a second store on the same source; disposing closes the store, then `release`s the source. */
function storeOn(source: ConstructorParameters<typeof EmbeddedDocumentStore>[0], release: () => void) {
  const store = new EmbeddedDocumentStore(source);
  return {
    store,
    reopen: async () => new EmbeddedDocumentStore(source),
    dispose: async () => {
      await store.close();
      release();
    },
  };
}

// Reopened: another connection to the file, as after a restart.
documentStoreContract('EmbeddedDocumentStore contract (file)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sme-document-store-'));
  return storeOn(join(dir, 'nested', 'read-models.sqlite'), () => rmSync(dir, { recursive: true, force: true }));
});

// Reopened: a second store on the same connection starts with nothing in memory and reads the tables.
documentStoreContract('EmbeddedDocumentStore contract (:memory:, shared connection)', async () => {
  const db = openSqliteDatabase(':memory:');
  return storeOn(db, () => db.close());
});

documentStoreContract('EmbeddedDocumentStore contract (:memory:, owned)', async () => {
  const store = new EmbeddedDocumentStore(':memory:');
  return { store, dispose: () => store.close() };
});

type Doc = StoredDocument & Record<string, unknown>;

describe('EmbeddedDocumentStore specifics', () => {
  const stations = () => [
    { _id: 'a', _position: 1, name: '广州', code: 'A' },
    { _id: 'b', _position: 2, name: '深圳', code: 'B' },
  ];

  it('keeps one row per document in the documents table, the body as JSON', async () => {
    const db = openSqliteDatabase(':memory:');
    const store = new EmbeddedDocumentStore(db);
    await store.collection<Doc>('stations').putManyIfNewer(stations());
    await store.collection<Doc>('calls').put({ _id: 'a', _position: 7, title: '2025 申报' });

    const rows = db.prepare('SELECT collection, id, position, body FROM documents ORDER BY collection, id').all();
    expect(rows).toEqual([
      { collection: 'calls', id: 'a', position: 7, body: JSON.stringify({ _id: 'a', _position: 7, title: '2025 申报' }) },
      { collection: 'stations', id: 'a', position: 1, body: JSON.stringify(stations()[0]) },
      { collection: 'stations', id: 'b', position: 2, body: JSON.stringify(stations()[1]) },
    ]);
    await store.close();
    expect(db.open).toBe(true); // a shared connection stays open
    db.close();
  });

  it('answers queries from memory: no JSON is parsed once a collection is loaded', async () => {
    const store = new EmbeddedDocumentStore(':memory:');
    const views = store.collection<Doc>('stations');
    await views.putManyIfNewer(Array.from({ length: 200 }, (_, i) => ({ _id: `s${i}`, _position: i, n: i, name: `站点 ${i}` })));
    await views.count({});
    const parse = jest.spyOn(JSON, 'parse');
    try {
      expect(await views.count({ n: { $gte: 100 } })).toBe(100);
      expect((await views.find({ name: { $regex: '站点 1' } }, { sort: { n: -1 }, limit: 3 })).map((d) => d._id)).toEqual(['s199', 's198', 's197']);
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
      await store.close();
    }
  });

  it('hands out the documents it holds, deep-frozen, not copies: written, loaded from the file, or held in memory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sme-frozen-'));
    const file = join(dir, 'documents.sqlite');
    const deeplyFrozen = (value: unknown): boolean =>
      typeof value !== 'object' || value === null || (Object.isFrozen(value) && Object.values(value).every(deeplyFrozen));
    try {
      const store = new EmbeddedDocumentStore(file);
      const views = store.collection<Doc>('deliveries');
      await views.putIfNewer({ _id: 'd1', _position: 1, server: { kind: 'STATION', ids: ['s1'] } });
      const [first, again] = [await views.findOne({ _id: 'd1' }), (await views.find({}))[0]];
      expect(again).toBe(first);
      expect(deeplyFrozen(first)).toBe(true);
      expect((await views.distinct('server')).every(deeplyFrozen)).toBe(true); // the list itself is the caller's
      await store.close();

      const reopened = new EmbeddedDocumentStore(file);
      expect(deeplyFrozen(await reopened.collection('deliveries').findOne({ _id: 'd1' }))).toBe(true);
      reopened.holdInMemory('scratch', [{ _id: 'h1', _position: 1, nested: { list: [1] } } as Doc]);
      expect(deeplyFrozen(await reopened.collection('scratch').findOne({}))).toBe(true);
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('notices a newer version written by another connection and reads the collection again', async () => {
    const db = openSqliteDatabase(':memory:');
    const mine = new EmbeddedDocumentStore(db);
    const other = new EmbeddedDocumentStore(db);
    await mine.collection<Doc>('stations').putManyIfNewer(stations());
    await other.collection<Doc>('stations').putIfNewer({ _id: 'a', _position: 10, name: 'newer' });

    expect(await mine.collection<Doc>('stations').putIfNewer({ _id: 'a', _position: 5, name: 'older' })).toBe('stale');
    expect(await mine.collection<Doc>('stations').findOne({ _id: 'a' })).toEqual({ _id: 'a', _position: 10, name: 'newer' });
    db.close();
  });

  it('rolls a failed batch back, on disk and in memory', async () => {
    const db = openSqliteDatabase(':memory:');
    const store = new EmbeddedDocumentStore(db);
    const views = store.collection<Doc>('stations');
    await views.putIfNewer({ _id: 'a', _position: 1, v: 'old' });
    db.exec(`CREATE TRIGGER refuse_boom BEFORE INSERT ON documents WHEN NEW.id = 'boom' BEGIN SELECT RAISE(ABORT, 'boom refused'); END`);

    // (toMatchObject, not toThrow: better-sqlite3 makes its errors in the realm of the first test file
    // that loaded it, where jest's toThrow does not recognise them as errors)
    await expect(views.putManyIfNewer([{ _id: 'a', _position: 2, v: 'new' }, { _id: 'c', _position: 2 }, { _id: 'boom', _position: 2 }])).rejects.toMatchObject({
      message: 'boom refused',
    });

    expect(await views.find({})).toEqual([{ _id: 'a', _position: 1, v: 'old' }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM documents').get()).toEqual({ n: 1 });
    db.close();
  });

  it('enforces unique indexes as MongoDB does: a missing field counts as null; arrays are refused', async () => {
    const store = new EmbeddedDocumentStore(':memory:');
    const views = store.collection<Doc>('stations');
    await views.ensureIndexes([{ keys: { code: 1 }, unique: true }]);
    await views.put({ _id: 'a', _position: 1 });
    // FerretDB v1 lets a second document without the field in; MongoDB and this store do not.
    await expect(views.put({ _id: 'b', _position: 1 })).rejects.toBeInstanceOf(DuplicateKeyError);
    await expect(views.put({ _id: 'c', _position: 1, code: ['x'] })).rejects.toBeInstanceOf(TypeError);
    await store.close();
  });

  it('does not record a unique index the existing documents break', async () => {
    const store = new EmbeddedDocumentStore(':memory:');
    const views = store.collection<Doc>('stations');
    await views.putManyIfNewer([
      { _id: 'a', _position: 1, code: 'X' },
      { _id: 'b', _position: 1, code: 'X' },
    ]);
    await expect(views.ensureIndexes([{ keys: { code: 1 }, unique: true }])).rejects.toBeInstanceOf(DuplicateKeyError);
    await views.put({ _id: 'c', _position: 1, code: 'X' });
    expect(await views.count({ code: 'X' })).toBe(3);
    await store.close();
  });

  it("scans once for a list's page and its total, and again once a document or the filter changed", async () => {
    const store = new EmbeddedDocumentStore(':memory:');
    const views = store.collection<Doc>('scanned');
    await views.insertMany(Array.from({ length: 40 }, (_, i) => ({ _id: `d${String(i).padStart(2, '0')}`, _position: 1, kind: i % 2 === 0 ? 'even' : 'odd' })));
    const tests = jest.spyOn(Query.prototype, 'test');
    try {
      const filter = { kind: 'even' };
      const [page, total] = await Promise.all([views.find(filter, { sort: { _id: 1 }, limit: 5 }), views.count(filter)]);
      expect({ page: page.map((d: Doc) => d._id), total }).toEqual({ page: ['d00', 'd02', 'd04', 'd06', 'd08'], total: 20 });
      expect(tests).toHaveBeenCalledTimes(40);

      await views.find(filter, { limit: 5 }); // scans again (the last scan was used): 40
      await views.put({ _id: 'd40', _position: 1, kind: 'even' });
      expect(await views.count(filter)).toBe(21); // a document changed since: scans the 41
      filter.kind = 'odd';
      expect(await views.count(filter)).toBe(20); // the same object, another filter: scans the 41
      expect(await views.find(filter, { limit: 100 })).toHaveLength(20); // answered from that scan
      expect(tests).toHaveBeenCalledTimes(40 + 40 + 41 + 41);

      const named: { kind: { $regex: RegExp } } = { kind: { $regex: /^ev/ } };
      expect(await views.find(named, { limit: 100 })).toHaveLength(21);
      named.kind.$regex = /^od/;
      expect(await views.count(named)).toBe(20); // another expression in the same object: scanned again
    } finally {
      tests.mockRestore();
      await store.close();
    }
  });

  it("scans a later page's list once too: the cursor's condition is tested on the list's matches, and the total answered from them", async () => {
    const store = new EmbeddedDocumentStore(':memory:');
    const views = store.collection<Doc>('paged');
    await views.insertMany(Array.from({ length: 40 }, (_, i) => ({ _id: `d${String(i).padStart(2, '0')}`, _position: 1, kind: i % 2 === 0 ? 'even' : 'odd' })));
    const tests = jest.spyOn(Query.prototype, 'test');
    try {
      const filter = { kind: 'even' };
      const after = { _id: { $gt: 'd29' } };
      const [page, total] = await Promise.all([views.find({ $and: [filter, after] }, { sort: { _id: 1 }, limit: 3 }), views.count(filter)]);
      expect({ page: page.map((d: Doc) => d._id), total }).toEqual({ page: ['d30', 'd32', 'd34'], total: 20 });
      // The list's filter on the 40 documents, the cursor's on its 20 matches; the total scanned nothing.
      expect(tests).toHaveBeenCalledTimes(40 + 20);
      // Any other filter with $and is evaluated whole.
      expect(await views.count({ $and: [filter, after], kind: 'even' })).toBe(5);
      expect(await views.count({ $and: [filter, after, { kind: 'even' }] })).toBe(5);
    } finally {
      tests.mockRestore();
      await store.close();
    }
  });

  it('refuses to work once closed', async () => {
    const store = new EmbeddedDocumentStore(':memory:');
    const views = store.collection<Doc>('stations');
    await store.close();
    await expect(views.find({})).rejects.toThrow(/closed/);
    await expect(store.listCollections()).rejects.toThrow(/closed/);
    await store.close();
  });
});
