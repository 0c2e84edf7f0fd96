/* Why this file is long: the one contract both document stores must pass; its cases are read together, as a specification of the port. */
import { randomUUID } from 'node:crypto';
import {
  DuplicateKeyError,
  type DocumentCollection,
  type DocumentStore,
  type Filter,
  type FindOptions,
  type IndexSpec,
  type StoredDocument,
} from './document-store.port';

export interface DocumentStoreFixture {
  store: DocumentStore;
  /** A second store over the same data, as after a restart (the caller closes it). Enables the durability case. */
  reopen?: () => Promise<DocumentStore>;
  /** Releases what the factory created (closes the store, removes temp files). */
  dispose(): Promise<void>;
}

export interface DocumentStoreContractOptions {
  /** When set, the whole suite is declared but skipped, with this reason in its title. */
  skipReason?: string;
  /** Per test; default 15 s. */
  timeoutMs?: number;
}

/** A collection name no other case, run or process uses, so the suite can run against a shared server. */
export function uniqueCollectionName(kind: string): string {
  return `contract_${kind}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

interface Contact {
  name: string;
  phone: string;
  primary: boolean;
}

interface StationDoc extends StoredDocument {
  name: string;
  code: string;
  level: number;
  active: boolean;
  rating?: number | null;
  tags: string[];
  address: { province: string; city: string; district?: string };
  contacts: Contact[];
  note?: string;
}

/** Five stations: Chinese and ASCII names, a null and a missing rating, arrays of scalars and of subdocuments. */
function stations(): StationDoc[] {
  return [
    {
      _id: 's1',
      _position: 11,
      name: '广州市中小企业服务中心',
      code: 'GZ-001',
      level: 3,
      active: true,
      rating: 4.5,
      tags: ['national', 'innovation'],
      address: { province: '广东', city: '广州', district: '天河' },
      contacts: [
        { name: '王芳', phone: '020-1111', primary: true },
        { name: 'Li Lei', phone: '020-2222', primary: false },
      ],
    },
    {
      _id: 's2',
      _position: 12,
      name: 'Shenzhen SME Service Station',
      code: 'sz-002',
      level: 2,
      active: true,
      rating: null,
      tags: ['provincial'],
      address: { province: '广东', city: '深圳' },
      contacts: [{ name: 'Zhang Wei', phone: '0755-3333', primary: true }],
    },
    {
      _id: 's3',
      _position: 13,
      name: '深圳市创新服务站',
      code: 'SZ-003',
      level: 2,
      active: false,
      tags: [],
      address: { province: '广东', city: '深圳', district: '南山' },
      contacts: [],
    },
    {
      _id: 's4',
      _position: 14,
      name: '北京中小企业公共服务平台',
      code: 'bj-004',
      level: 1,
      active: true,
      rating: 3,
      tags: ['national'],
      address: { province: '北京', city: '北京' },
      contacts: [{ name: '王芳', phone: '010-4444', primary: false }],
    },
    {
      _id: 's5',
      _position: 15,
      name: 'Hangzhou service HUB',
      code: 'HZ-005',
      level: 3,
      active: false,
      rating: 5,
      tags: ['innovation', 'provincial'],
      address: { province: '浙江', city: '杭州' },
      contacts: [{ name: 'Chen Jing', phone: '0571-5555', primary: true }],
      note: 'x',
    },
  ];
}

/** A document with any fields. */
type Doc = StoredDocument & Record<string, unknown>;

function doc(id: string, position: number, fields: Record<string, unknown> = {}): Doc {
  return { _id: id, _position: position, ...fields };
}

const idsOf = (docs: readonly StoredDocument[]): string[] => docs.map((d) => d._id);

/**
 * The behaviour every DocumentStore adapter must have. Every case works in collections of its own
 * (random names), so the suite can run against a server shared with other runs.
 */
export function documentStoreContract(name: string, factory: () => Promise<DocumentStoreFixture>, options: DocumentStoreContractOptions = {}): void {
  const define = options.skipReason ? describe.skip : describe;
  const title = options.skipReason ? `${name} (skipped: ${options.skipReason})` : name;
  const timeout = options.timeoutMs ?? 15_000;

  define(title, () => {
    let fixture: DocumentStoreFixture;
    let store: DocumentStore;

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
    }, timeout);

    afterEach(async () => {
      await fixture?.dispose();
    }, timeout);

    const fresh = <T extends StoredDocument = Doc>(kind: string): DocumentCollection<T> => store.collection<T>(uniqueCollectionName(kind));

    describe('writing and reading back', () => {
      it('round-trips nested objects, arrays, Chinese text, numbers, booleans and null', async () => {
        const views = fresh('roundtrip');
        const original = doc('站点-1', 42, {
          name: '广州市天河区中小企业公共服务示范平台',
          emoji: 'ok 😀',
          counts: { applications: 3, experts: 0, ratio: 0.75, negative: -12, big: Number.MAX_SAFE_INTEGER },
          flags: { designated: true, suspended: false },
          designatedAt: null,
          tags: ['国家级', 'national', ''],
          rows: [{ cells: [1, 2] }, { cells: [3, { inner: [4, 5] }] }],
          panel: [
            { expertId: 'e1', name: '李明', scores: [88, 92.5] },
            { expertId: 'e2', name: 'Zhao', scores: [], comment: null },
          ],
          empty: {},
          emptyList: [],
          deep: { a: { b: { c: { d: '深' } } } },
        });

        await views.put(original);

        expect(await views.findOne({ _id: '站点-1' })).toEqual(original);
        expect(await views.findOne({ 'deep.a.b.c.d': '深' })).toEqual(original);
        expect(await views.findOne({ 'counts.big': Number.MAX_SAFE_INTEGER })).toEqual(original);
        expect(await views.findOne({ _id: 'missing' })).toBeNull();
        // An id with another condition: the document only when both hold.
        expect(await views.findOne({ _id: '站点-1', 'deep.a.b.c.d': '深' })).toEqual(original);
        expect(await views.findOne({ _id: '站点-1', 'deep.a.b.c.d': '浅' })).toBeNull();
        expect(await views.find({ _id: '站点-1', 'counts.big': { $lt: 0 } })).toEqual([]);
        expect(await views.find({})).toEqual([original]);
      }, timeout);

      it('drops properties set to undefined, as JSON does', async () => {
        const views = fresh('undefined');
        await views.put(doc('a', 1, { kept: 1, dropped: undefined, nested: { dropped: undefined, kept: 'k' } }));
        expect(await views.findOne({ _id: 'a' })).toEqual({ _id: 'a', _position: 1, kept: 1, nested: { kept: 'k' } });
        expect(await views.count({ dropped: { $exists: true } })).toBe(0);
      }, timeout);

      it('keeps what was written, whatever the writer does to its object after; a read document is read-only: changing it throws or changes nothing stored', async () => {
        const views = fresh('copies');
        const written = doc('a', 1, { list: [1, 2], nested: { x: 'x' } });
        await views.put(written);
        (written.list as number[]).push(3);
        (written.nested as Record<string, unknown>).x = 'changed';

        // Frozen (the embedded store hands out the documents it holds) or a copy (MongoDB): either way
        // a caller's change never reaches the next reader.
        const tryToChange = (change: () => void) => {
          try {
            change();
          } catch (error) {
            expect(error).toBeInstanceOf(TypeError);
          }
        };
        const read = (await views.findOne({ _id: 'a' })) as Doc;
        tryToChange(() => (read.list as number[]).push(4));
        tryToChange(() => (read.extra = true));
        const [listed] = await views.find({ _id: 'a' });
        tryToChange(() => ((listed.nested as Record<string, unknown>).x = 'also changed'));
        const [distinct] = (await views.distinct('nested', {})) as Record<string, unknown>[];
        tryToChange(() => (distinct.x = 'changed through distinct'));

        expect(await views.findOne({ _id: 'a' })).toEqual(doc('a', 1, { list: [1, 2], nested: { x: 'x' } }));
        expect(await views.find({})).toEqual([doc('a', 1, { list: [1, 2], nested: { x: 'x' } })]);
      }, timeout);

      it('put replaces the whole document unconditionally, even with an older position', async () => {
        const views = fresh('put');
        await views.put(doc('checkpoint', 10, { a: 1, b: 2 }));
        await views.put(doc('checkpoint', 3, { a: 5 }));
        expect(await views.findOne({ _id: 'checkpoint' })).toEqual(doc('checkpoint', 3, { a: 5 }));
      }, timeout);

      it('insertMany inserts many new documents; a stored id is a duplicate, the others are still written', async () => {
        const views = fresh('insert_many');
        await views.put(doc('b', 9, { old: true }));
        await views.insertMany([doc('a', 1, { n: 1 }), doc('c', 3, { n: 3 })]);
        await expect(views.insertMany([doc('b', 2, { n: 2 }), doc('d', 4, { n: 4 })])).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(await views.find({})).toEqual([doc('a', 1, { n: 1 }), doc('b', 9, { old: true }), doc('c', 3, { n: 3 }), doc('d', 4, { n: 4 })]);
        await expect(views.insertMany([doc('e', 1), doc('e', 2)])).rejects.toThrow();
        await views.insertMany([]);
        expect(await views.count({})).toBe(4);
        const coded = fresh('insert_many_unique');
        await coded.ensureIndexes([{ keys: { code: 1 }, unique: true, name: 'by_code' }]);
        await coded.insertMany([doc('e', 1, { code: 'E' })]);
        await expect(coded.insertMany([doc('f', 1, { code: 'E' })])).rejects.toBeInstanceOf(DuplicateKeyError);
      }, timeout);

      it('concurrent unconditional puts of a new id both succeed; one of them is stored', async () => {
        const views = fresh('put_race');
        const [a, b] = [doc('x', 1, { by: 'a' }), doc('x', 2, { by: 'b' })];
        await Promise.all([views.put(a), views.put(b)]);
        expect([a, b]).toContainEqual(await views.findOne({ _id: 'x' }));
        expect(await views.count({})).toBe(1);
      }, timeout);

      it('refuses documents and filters both adapters cannot treat alike, writing nothing', async () => {
        const views = fresh('refused');
        const bad: unknown[] = [
          { _id: '', _position: 1 },
          { _id: 'a', _position: 1.5 },
          { _id: 'a', _position: -1 },
          { _id: 'a', _position: 1, at: new Date() },
          { _id: 'a', _position: 1, n: Number.NaN },
          { _id: 'a', _position: 1, $set: 1 },
          { _id: 'a', _position: 1, nested: { 'dotted.key': 1 } },
          { _id: 'a', _position: 1, list: [1, undefined] },
          { _id: 'a', _position: 1, matrix: [[1, 2]] },
        ];
        for (const value of bad) {
          await expect(views.put(value as Doc)).rejects.toBeInstanceOf(TypeError);
          await expect(views.putIfNewer(value as Doc)).rejects.toBeInstanceOf(TypeError);
        }
        await expect(views.putManyIfNewer([doc('ok', 1), bad[3] as Doc])).rejects.toBeInstanceOf(TypeError);

        const badFilters: Filter[] = [
          { $where: 'true' },
          { $expr: { $eq: ['$a', 1] } },
          { $text: { $search: 'x' } },
          { name: { $elemMatch: { $eq: 1 } } },
          { name: { $not: { $eq: 1 } } },
          { address: { city: '深圳' } },
          { name: { $regex: 'x', $options: 'm' } },
          { name: /x/g },
          { name: { $in: 'x' } },
        ];
        for (const filter of badFilters) {
          await expect(views.find(filter)).rejects.toBeInstanceOf(TypeError);
          await expect(views.count(filter)).rejects.toBeInstanceOf(TypeError);
        }
        await expect(views.find({}, { skip: -1 })).rejects.toBeInstanceOf(RangeError);
        expect(await views.count({})).toBe(0);
      }, timeout);
    });

    describe('putIfNewer', () => {
      it('writes a document that does not exist yet', async () => {
        const views = fresh('new');
        expect(await views.putIfNewer(doc('a', 5, { v: 1 }))).toBe('written');
        expect(await views.findOne({ _id: 'a' })).toEqual(doc('a', 5, { v: 1 }));
      }, timeout);

      it('writes a newer version; an equal or older one is stale and changes nothing', async () => {
        const views = fresh('newer');
        await views.putIfNewer(doc('a', 5, { v: 'five' }));

        expect(await views.putIfNewer(doc('a', 8, { v: 'eight' }))).toBe('written');
        expect(await views.putIfNewer(doc('a', 8, { v: 'eight again' }))).toBe('stale');
        expect(await views.putIfNewer(doc('a', 6, { v: 'six' }))).toBe('stale');
        expect(await views.putIfNewer(doc('a', 0, { v: 'zero' }))).toBe('stale');

        expect(await views.findOne({ _id: 'a' })).toEqual(doc('a', 8, { v: 'eight' }));
      }, timeout);

      it('handles positions beyond 32 bits', async () => {
        const views = fresh('big_positions');
        const base = 2 ** 40;
        expect(await views.putIfNewer(doc('a', base))).toBe('written');
        expect(await views.putIfNewer(doc('a', base - 1))).toBe('stale');
        expect(await views.putIfNewer(doc('a', base + 1, { later: true }))).toBe('written');
        expect(await views.findOne({ _position: { $gt: base } })).toEqual(doc('a', base + 1, { later: true }));
      }, timeout);

      it('the same version delivered twice at once: exactly one is written', async () => {
        const views = fresh('double');
        const fresh1 = doc('new', 7, { v: 'x' });
        expect((await Promise.all([views.putIfNewer(fresh1), views.putIfNewer({ ...fresh1 })])).sort()).toEqual(['stale', 'written']);

        await views.putIfNewer(doc('old', 3));
        const update = doc('old', 9, { v: 'y' });
        const outcomes = await Promise.all([1, 2, 3, 4, 5].map(() => views.putIfNewer({ ...update })));
        expect(outcomes.filter((o) => o === 'written')).toHaveLength(1);
        expect(await views.find({}, { sort: { _id: 1 } })).toEqual([fresh1, update]);
      }, timeout);

      it('versions racing out of order: the newest always wins and is reported written', async () => {
        const views = fresh('race');
        const ids = Array.from({ length: 10 }, (_, i) => `doc-${i}`);
        const results = await Promise.all(
          ids.map(async (id) => {
            const [older, newer] = await Promise.all([views.putIfNewer(doc(id, 5, { v: 'older' })), views.putIfNewer(doc(id, 7, { v: 'newer' }))]);
            return { older, newer };
          }),
        );
        expect(results.every((r) => r.newer === 'written')).toBe(true);
        expect(await views.count({ _position: 7, v: 'newer' })).toBe(ids.length);
      }, timeout);

      it('a projection fed the same events twice ends as if fed once', async () => {
        const views = fresh('redelivery');
        interface Counter extends StoredDocument {
          events: number;
          last: string;
        }
        const counters = views as unknown as DocumentCollection<Counter>;
        const project = async (event: { position: number; id: string; type: string }) => {
          const current = await counters.findOne({ _id: event.id });
          const next: Counter = { _id: event.id, _position: event.position, events: (current?.events ?? 0) + 1, last: event.type };
          return counters.putIfNewer(next);
        };
        const e1 = { position: 101, id: 'station-1', type: 'Registered' };
        const e2 = { position: 102, id: 'station-1', type: 'Renamed' };
        const e3 = { position: 103, id: 'station-2', type: 'Registered' };
        const e4 = { position: 104, id: 'station-1', type: 'Designated' };

        const outcomes = [];
        for (const event of [e1, e2, e2, e3, e1, e4, e3, e4]) outcomes.push(await project(event));

        expect(outcomes).toEqual(['written', 'written', 'stale', 'written', 'stale', 'written', 'stale', 'stale']);
        expect(await counters.findOne({ _id: 'station-1' })).toEqual({ _id: 'station-1', _position: 104, events: 3, last: 'Designated' });
        expect(await counters.findOne({ _id: 'station-2' })).toEqual({ _id: 'station-2', _position: 103, events: 1, last: 'Registered' });
      }, timeout);
    });

    describe('putManyIfNewer', () => {
      it('writes the new and newer documents, skips the equal and older ones, and counts', async () => {
        const views = fresh('many');
        await views.putManyIfNewer([doc('a', 5, { v: 'a5' }), doc('b', 5, { v: 'b5' }), doc('c', 5, { v: 'c5' })]);

        const written = await views.putManyIfNewer([
          doc('a', 6, { v: 'a6' }), // newer
          doc('b', 5, { v: 'b5 again' }), // equal
          doc('c', 4, { v: 'c4' }), // older
          doc('d', 1, { v: 'd1' }), // new
          doc('e', 9, { v: 'e9' }), // new
        ]);

        expect(written).toBe(3);
        expect(await views.find({}, { sort: { _id: 1 } })).toEqual([
          doc('a', 6, { v: 'a6' }),
          doc('b', 5, { v: 'b5' }),
          doc('c', 5, { v: 'c5' }),
          doc('d', 1, { v: 'd1' }),
          doc('e', 9, { v: 'e9' }),
        ]);
      }, timeout);

      it('a redelivered batch writes nothing; an empty batch is fine', async () => {
        const views = fresh('many_again');
        const batch = Array.from({ length: 25 }, (_, i) => doc(`d${i}`, 100 + i, { i }));
        expect(await views.putManyIfNewer(batch)).toBe(25);
        expect(await views.putManyIfNewer(batch)).toBe(0);
        expect(await views.putManyIfNewer([])).toBe(0);
        expect(await views.count({})).toBe(25);
      }, timeout);

      it('a batch with stale documents first still writes the ones after them', async () => {
        const views = fresh('many_stale_first');
        await views.putManyIfNewer([doc('a', 10), doc('b', 10)]);
        expect(await views.putManyIfNewer([doc('a', 9), doc('b', 10), doc('c', 1), doc('a2', 3)])).toBe(2);
        expect(idsOf(await views.find({}))).toEqual(['a', 'a2', 'b', 'c']);
      }, timeout);

      it('refuses a batch naming an id twice, writing nothing', async () => {
        const views = fresh('many_dupes');
        await expect(views.putManyIfNewer([doc('a', 1), doc('b', 1), doc('a', 2)])).rejects.toBeInstanceOf(TypeError);
        expect(await views.count({})).toBe(0);
      }, timeout);

      it('the same batch delivered twice at once ends with every document written once', async () => {
        const views = fresh('many_double');
        const batch = Array.from({ length: 10 }, (_, i) => doc(`d${i}`, 50 + i, { i }));
        const counts = await Promise.all([views.putManyIfNewer(batch), views.putManyIfNewer(batch.map((d) => ({ ...d })))]);
        expect(counts[0] + counts[1]).toBe(batch.length);
        expect(await views.find({}, { sort: { _id: 1 } })).toEqual(batch);
      }, timeout);
    });

    describe('find', () => {
      let views: DocumentCollection<StationDoc>;
      const ids = async (filter: Filter, findOptions?: FindOptions) => idsOf(await views.find(filter, findOptions));

      beforeEach(async () => {
        views = fresh<StationDoc>('stations');
        expect(await views.putManyIfNewer(stations())).toBe(5);
      }, timeout);

      it('with an empty filter returns everything in _id order', async () => {
        expect(await ids({})).toEqual(['s1', 's2', 's3', 's4', 's5']);
        expect(await views.find({})).toEqual(stations());
      }, timeout);

      it('$eq and $ne, implicit and explicit, on booleans, numbers, strings and null', async () => {
        expect(await ids({ active: true })).toEqual(['s1', 's2', 's4']);
        expect(await ids({ active: { $eq: false } })).toEqual(['s3', 's5']);
        expect(await ids({ level: { $ne: 2 } })).toEqual(['s1', 's4', 's5']);
        expect(await ids({ code: 'SZ-003' })).toEqual(['s3']);
        expect(await ids({ name: '深圳市创新服务站' })).toEqual(['s3']);
        // null matches a null and a missing field; $ne: null neither
        expect(await ids({ rating: null })).toEqual(['s2', 's3']);
        expect(await ids({ rating: { $ne: null } })).toEqual(['s1', 's4', 's5']);
        // $ne matches documents without the field
        expect(await ids({ note: { $ne: 'x' } })).toEqual(['s1', 's2', 's3', 's4']);
        expect(await ids({ _position: { $gte: 14 } })).toEqual(['s4', 's5']);
      }, timeout);

      it('$exists', async () => {
        expect(await ids({ rating: { $exists: false } })).toEqual(['s3']);
        expect(await ids({ rating: { $exists: true } })).toEqual(['s1', 's2', 's4', 's5']);
        expect(await ids({ 'address.district': { $exists: true } })).toEqual(['s1', 's3']);
      }, timeout);

      it('$in and $nin, null in $in matching missing fields', async () => {
        expect(await ids({ level: { $in: [1, 3] } })).toEqual(['s1', 's4', 's5']);
        expect(await ids({ level: { $nin: [1, 3] } })).toEqual(['s2', 's3']);
        expect(await ids({ rating: { $in: [null, 5] } })).toEqual(['s2', 's3', 's5']);
        expect(await ids({ 'address.city': { $in: ['深圳', '杭州'] } })).toEqual(['s2', 's3', 's5']);
        expect(await ids({ _id: { $in: ['s5', 's1', 'nope'] } })).toEqual(['s1', 's5']);
        expect(await ids({ level: { $in: [] } })).toEqual([]);
      }, timeout);

      it('$in of strings on a field: strings, arrays holding one, never a missing field or another type; with the rest of the filter', async () => {
        expect(await ids({ code: { $in: ['SZ-003', 'bj-004', 'sz-003', 'nope'] } })).toEqual(['s3', 's4']);
        expect(await ids({ tags: { $in: ['provincial', 'nope'] } })).toEqual(['s2', 's5']);
        expect(await ids({ note: { $in: ['x', 'y'] } })).toEqual(['s5']);
        expect(await ids({ level: { $in: ['3', '2'] } })).toEqual([]);
        expect(await ids({ address: { $in: ['广东'] } })).toEqual([]);
        expect(await ids({ code: { $in: ['GZ-001', 'SZ-003', 'HZ-005'] }, active: false, 'address.province': '广东' })).toEqual(['s3']);
        expect(await ids({ active: true, tags: { $in: ['innovation'] }, code: { $in: ['GZ-001', 'HZ-005', 'bj-004'] } })).toEqual(['s1']);
        expect(await ids({ code: { $in: ['GZ-001', 'HZ-005'] }, $or: [{ level: 1 }, { note: 'x' }] })).toEqual(['s5']);
      }, timeout);

      it('ranges with $gt $gte $lt $lte, never across types', async () => {
        expect(await ids({ rating: { $gt: 3 } })).toEqual(['s1', 's5']);
        expect(await ids({ rating: { $gte: 3 } })).toEqual(['s1', 's4', 's5']);
        expect(await ids({ rating: { $lt: 4.5 } })).toEqual(['s4']);
        expect(await ids({ rating: { $lte: 4.5 } })).toEqual(['s1', 's4']);
        expect(await ids({ level: { $gte: 2, $lt: 3 } })).toEqual(['s2', 's3']);
        expect(await ids({ rating: { $lt: 100 } })).toEqual(['s1', 's4', 's5']);
        expect(await ids({ code: { $gte: 'SZ', $lt: 'SZ~' } })).toEqual(['s3']);
        expect(await ids({ code: { $gt: 0 } })).toEqual([]);
        expect(await ids({ level: { $gt: 'a' } })).toEqual([]);
      }, timeout);

      it('$regex, case-insensitive on ASCII and on Chinese, anchored, as a RegExp, over arrays', async () => {
        expect(await ids({ name: { $regex: 'service', $options: 'i' } })).toEqual(['s2', 's5']);
        expect(await ids({ name: { $regex: 'service' } })).toEqual(['s5']);
        expect(await ids({ name: { $regex: '服务' } })).toEqual(['s1', 's3', 's4']);
        expect(await ids({ name: { $regex: '中小企业', $options: 'i' } })).toEqual(['s1', 's4']);
        expect(await ids({ name: { $regex: '^深圳' } })).toEqual(['s3']);
        expect(await ids({ name: { $regex: '服务站$' } })).toEqual(['s3']);
        expect(await ids({ code: { $regex: '^sz-', $options: 'i' } })).toEqual(['s2', 's3']);
        expect(await ids({ code: { $regex: '^sz-' } })).toEqual(['s2']);
        expect(await ids({ name: { $regex: 'hub$', $options: 'i' } })).toEqual(['s5']);
        expect(await ids({ code: /^gz/i })).toEqual(['s1']);
        expect(await ids({ code: { $regex: /^HZ/ } })).toEqual(['s5']);
        expect(await ids({ tags: { $regex: '^nat' } })).toEqual(['s1', 's4']);
        expect(await ids({ 'contacts.phone': { $regex: '^020-' } })).toEqual(['s1']);
        expect(await ids({ 'contacts.name': { $regex: 'ZHANG', $options: 'i' } })).toEqual(['s2']);
        // an escaped user text (what a "contains" search sends)
        expect(await ids({ code: { $regex: 'z\\-00', $options: 'i' } })).toEqual(['s1', 's2', 's3', 's5']);
      }, timeout);

      it('dotted paths into subdocuments, arrays of subdocuments, array positions and arrays of scalars', async () => {
        expect(await ids({ 'address.city': '深圳' })).toEqual(['s2', 's3']);
        expect(await ids({ 'address.province': '广东', level: 2 })).toEqual(['s2', 's3']);
        expect(await ids({ 'contacts.name': '王芳' })).toEqual(['s1', 's4']);
        expect(await ids({ 'contacts.primary': true })).toEqual(['s1', 's2', 's5']);
        expect(await ids({ 'contacts.0.name': '王芳' })).toEqual(['s1', 's4']);
        expect(await ids({ 'contacts.1.name': 'Li Lei' })).toEqual(['s1']);
        expect(await ids({ 'contacts.phone': { $gt: '0700' } })).toEqual(['s2']);
        expect(await ids({ 'contacts.name': { $exists: true } })).toEqual(['s1', 's2', 's4', 's5']);
        expect(await ids({ tags: 'national' })).toEqual(['s1', 's4']);
        expect(await ids({ tags: { $in: ['innovation'] } })).toEqual(['s1', 's5']);
        expect(await ids({ tags: { $nin: ['national'] } })).toEqual(['s2', 's3', 's5']);
        expect(await ids({ tags: ['national', 'innovation'] })).toEqual(['s1']);
      }, timeout);

      it('$and and $or, nested', async () => {
        expect(await ids({ $or: [{ level: 1 }, { 'address.city': '杭州' }] })).toEqual(['s4', 's5']);
        expect(await ids({ $and: [{ active: true }, { $or: [{ rating: { $gte: 4 } }, { tags: 'provincial' }] }] })).toEqual(['s1', 's2']);
        expect(await ids({ 'address.province': '广东', $or: [{ name: { $regex: '服务', $options: 'i' } }, { code: { $regex: 'sz', $options: 'i' } }] })).toEqual(['s1', 's2', 's3']);
        expect(await ids({ $and: [{ level: 2 }, { level: 3 }] })).toEqual([]);
      }, timeout);

      it('findOne returns the first match in _id order', async () => {
        expect((await views.findOne({ level: 3 }))?._id).toBe('s1');
        expect((await views.findOne({ 'address.city': '深圳' }))?._id).toBe('s2');
        expect(await views.findOne({ level: 99 })).toBeNull();
      }, timeout);

      it('sorts on one key, ascending and descending, with null and missing first ascending', async () => {
        expect(await ids({}, { sort: { level: 1 } })).toEqual(['s4', 's2', 's3', 's1', 's5']);
        expect(await ids({}, { sort: { level: -1 } })).toEqual(['s1', 's5', 's2', 's3', 's4']);
        expect(await ids({}, { sort: { rating: 1 } })).toEqual(['s2', 's3', 's4', 's1', 's5']);
        expect(await ids({}, { sort: { rating: -1 } })).toEqual(['s5', 's1', 's4', 's2', 's3']);
        expect(await ids({}, { sort: { _id: -1 } })).toEqual(['s5', 's4', 's3', 's2', 's1']);
      }, timeout);

      it('sorts strings by code point, without collation: upper case before lower case, ASCII before Chinese', async () => {
        expect(await ids({}, { sort: { code: 1 } })).toEqual(['s1', 's5', 's3', 's4', 's2']);
        expect(await ids({}, { sort: { name: 1 } })).toEqual(['s5', 's2', 's4', 's1', 's3']);
        expect(await ids({}, { sort: { 'address.city': -1 } })).toEqual(['s2', 's3', 's5', 's1', 's4']);
      }, timeout);

      it('sorts on two keys in any combination of directions', async () => {
        expect(await ids({}, { sort: { level: -1, rating: -1 } })).toEqual(['s5', 's1', 's2', 's3', 's4']);
        expect(await ids({}, { sort: { level: 1, rating: 1 } })).toEqual(['s4', 's2', 's3', 's1', 's5']);
        expect(await ids({}, { sort: { 'address.province': 1, level: -1 } })).toEqual(['s4', 's1', 's2', 's3', 's5']);
        expect(await ids({}, { sort: { active: 1, code: -1 } })).toEqual(['s3', 's5', 's2', 's4', 's1']);
      }, timeout);

      it('sorts on an array of scalars by its smallest element ascending and its largest descending; [] comes first', async () => {
        expect(await ids({}, { sort: { tags: 1 } })).toEqual(['s3', 's1', 's5', 's4', 's2']);
        expect(await ids({}, { sort: { tags: -1 } })).toEqual(['s2', 's5', 's1', 's4', 's3']);
      }, timeout);

      it('skips and limits after sorting; pages put together give the whole list', async () => {
        expect(await ids({}, { sort: { level: 1 }, skip: 1, limit: 2 })).toEqual(['s2', 's3']);
        expect(await ids({ active: true }, { limit: 2 })).toEqual(['s1', 's2']);
        expect(await ids({}, { skip: 4 })).toEqual(['s5']);
        expect(await ids({}, { skip: 10 })).toEqual([]);
        expect(await ids({}, { limit: 0 })).toEqual(['s1', 's2', 's3', 's4', 's5']);

        const sort = { rating: -1 as const };
        const pages = [];
        for (let skip = 0; skip < 5; skip += 2) pages.push(...(await ids({}, { sort, skip, limit: 2 })));
        expect(pages).toEqual(await ids({}, { sort }));
      }, timeout);

      it('count', async () => {
        expect(await views.count({})).toBe(5);
        expect(await views.count({ active: true })).toBe(3);
        expect(await views.count({ 'contacts.name': '王芳' })).toBe(2);
        expect(await views.count({ level: 42 })).toBe(0);
        expect(await fresh('never_written').count({})).toBe(0);
      }, timeout);

      it('distinct values, sorted, from scalars, arrays, subdocuments and arrays of subdocuments', async () => {
        expect(await views.distinct('level')).toEqual([1, 2, 3]);
        expect(await views.distinct('tags')).toEqual(['innovation', 'national', 'provincial']);
        expect(await views.distinct('address.city')).toEqual(['北京', '广州', '杭州', '深圳']);
        expect(await views.distinct('contacts.name')).toEqual(['Chen Jing', 'Li Lei', 'Zhang Wei', '王芳']);
        expect(await views.distinct('rating')).toEqual([null, 3, 4.5, 5]);
        expect(await views.distinct('address.city', { active: true })).toEqual(['北京', '广州', '深圳']);
        expect(await views.distinct('nothing')).toEqual([]);
        expect(await fresh('never_written').distinct('level')).toEqual([]);
      }, timeout);
    });

    describe('delete', () => {
      it('deletes once; the position goes with the document', async () => {
        const views = fresh('delete');
        await views.putManyIfNewer([doc('a', 5), doc('b', 6)]);

        expect(await views.delete('a')).toBe(true);
        expect(await views.delete('a')).toBe(false);
        expect(await views.delete('never')).toBe(false);
        expect(await views.findOne({ _id: 'a' })).toBeNull();
        expect(idsOf(await views.find({}))).toEqual(['b']);

        expect(await views.putIfNewer(doc('a', 1))).toBe('written');
        expect(await views.count({})).toBe(2);
      }, timeout);

      it('deleteMany removes exactly the matching documents, with their positions and unique keys, and counts them', async () => {
        const views = fresh('delete-many');
        await views.ensureIndexes([{ keys: { code: 1 }, unique: true }]);
        await views.putManyIfNewer([
          doc('a', 5, { code: 'A', createdAt: '2026-12-01T00:00:00.000Z' }),
          doc('b', 6, { code: 'B', createdAt: '2026-12-03T00:00:00.000Z' }),
          doc('c', 7, { code: 'C', createdAt: '2026-12-02T00:00:00.000Z' }),
          doc('d', 8, { code: 'D' }),
        ]);

        expect(await views.deleteMany({ createdAt: { $lt: '2026-12-02T12:00:00.000Z' } })).toBe(2);
        expect(idsOf(await views.find({}))).toEqual(['b', 'd']);
        expect(await views.deleteMany({ createdAt: { $lt: '2026-12-02T12:00:00.000Z' } })).toBe(0);

        // The positions went with them; so did their unique keys.
        expect(await views.putIfNewer(doc('a', 1, { code: 'A' }))).toBe('written');
        expect(await views.putIfNewer(doc('e', 1, { code: 'C' }))).toBe('written');
        await expect(views.deleteMany({ $where: 'true' })).rejects.toBeInstanceOf(TypeError);
        expect(await views.count({})).toBe(4);
      }, timeout);
    });

    describe('indexes', () => {
      it('ensureIndexes twice (single, compound, unique) is fine and queries still work', async () => {
        const views = fresh<StationDoc>('indexes');
        const indexes: IndexSpec[] = [{ keys: { level: 1 } }, { keys: { 'address.city': 1, level: -1 }, name: 'city_level' }, { keys: { code: 1 }, unique: true }];
        await views.ensureIndexes(indexes);
        await views.ensureIndexes(indexes);
        await views.ensureIndexes([]);
        await views.putManyIfNewer(stations());
        expect(idsOf(await views.find({ 'address.city': '深圳' }, { sort: { level: -1 } }))).toEqual(['s2', 's3']);
      }, timeout);

      it('an index of an existing name with other keys is refused', async () => {
        const views = fresh('index_conflict');
        await views.ensureIndexes([{ keys: { a: 1 }, name: 'by_a' }]);
        await expect(views.ensureIndexes([{ keys: { b: 1 }, name: 'by_a' }])).rejects.toThrow();
      }, timeout);

      it('a unique index refuses a second document with the same key, and stale writes stay stale', async () => {
        const views = fresh('unique');
        await views.ensureIndexes([{ keys: { code: 1 }, unique: true }]);
        await views.putIfNewer(doc('a', 1, { code: 'GZ-001' }));

        await expect(views.putIfNewer(doc('b', 1, { code: 'GZ-001' }))).rejects.toBeInstanceOf(DuplicateKeyError);
        await expect(views.put(doc('b', 1, { code: 'GZ-001' }))).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(await views.putIfNewer(doc('a', 1, { code: 'GZ-001' }))).toBe('stale');
        expect(await views.putIfNewer(doc('a', 2, { code: 'GZ-002' }))).toBe('written');
        expect(await views.putIfNewer(doc('b', 2, { code: 'GZ-001' }))).toBe('written');

        // In a batch, the other documents are still written.
        const batch = views.putManyIfNewer([doc('c', 3, { code: 'C' }), doc('d', 3, { code: 'GZ-001' }), doc('e', 3, { code: 'E' })]);
        await expect(batch).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(idsOf(await views.find({}))).toEqual(['a', 'b', 'c', 'e']);
      }, timeout);
    });

    describe('collections', () => {
      it('lists collections once written, drops them with their documents, and drops a missing one quietly', async () => {
        const name = uniqueCollectionName('listed');
        const other = uniqueCollectionName('untouched');
        const views = store.collection(name);
        store.collection(other);
        expect(await store.listCollections()).not.toContain(name);

        await views.putIfNewer(doc('a', 1));
        const listed = await store.listCollections();
        expect(listed).toContain(name);
        expect(listed).not.toContain(other);
        expect(listed).toEqual([...listed].sort());

        await store.dropCollection(name);
        expect(await store.listCollections()).not.toContain(name);
        expect(await views.find({})).toEqual([]);
        await store.dropCollection(name);
        await store.dropCollection(uniqueCollectionName('never'));

        // written again after the drop, the old position is forgotten
        expect(await views.putIfNewer(doc('a', 0))).toBe('written');
        expect(await store.listCollections()).toContain(name);
      }, timeout);

      it('a collection emptied by deletes is still listed', async () => {
        const name = uniqueCollectionName('emptied');
        const views = store.collection(name);
        await views.put(doc('a', 1));
        await views.delete('a');
        expect(await store.listCollections()).toContain(name);
      }, timeout);

      it('refuses invalid collection names', () => {
        for (const bad of ['', 'a$b', 'system.views']) expect(() => store.collection(bad)).toThrow(TypeError);
      });
    });

    describe('durability', () => {
      it('a second store over the same data sees every write', async () => {
        if (!fixture.reopen) return; // this adapter variant has no second view of its data
        const name = uniqueCollectionName('durable');
        const views = store.collection(name);
        await views.putManyIfNewer([doc('a', 1, { v: '一' }), doc('b', 2)]);
        await views.putIfNewer(doc('a', 3, { v: '三' }));
        await views.delete('b');
        await views.ensureIndexes([{ keys: { v: 1 }, unique: true }]);

        const again = await fixture.reopen();
        try {
          const reread = again.collection(name);
          expect(await reread.find({})).toEqual([doc('a', 3, { v: '三' })]);
          expect(await reread.putIfNewer(doc('a', 3, { v: 'again' }))).toBe('stale');
          await expect(reread.putIfNewer(doc('c', 4, { v: '三' }))).rejects.toBeInstanceOf(DuplicateKeyError);
          expect(await again.listCollections()).toContain(name);
        } finally {
          await again.close();
        }
      }, timeout);
    });
  });
}
