import { assertCollectionName, assertFilter, assertStorableDocument, defaultIndexName, effectiveSort } from './document-rules';
import type { StoredDocument } from './document-store.port';

describe('assertFilter', () => {
  it('accepts the supported operators, dotted paths, RegExps with i, and $and/$or', () => {
    const ok = [
      {},
      { a: 1, 'b.c': 'x', d: null, e: true, f: [1, 'x'] },
      { a: { $eq: 1, $ne: 2, $gt: 0, $gte: 0, $lt: 9, $lte: 9 } },
      { a: { $in: [1, null], $nin: ['x'] }, b: { $exists: false } },
      { a: { $regex: '^x', $options: 'i' }, b: { $regex: /y/i }, c: /z/ },
      { $or: [{ a: 1 }, { $and: [{ b: 2 }, { c: { $exists: true } }] }] },
    ];
    for (const filter of ok) expect(() => assertFilter(filter)).not.toThrow();
  });

  it('refuses other operators, subdocument equality, other regex flags and non-JSON values', () => {
    const bad = [
      { $where: 'x' },
      { $nor: [{ a: 1 }] },
      { a: { $size: 1 } },
      { a: { $elemMatch: { b: 1 } } },
      { a: { $type: 'string' } },
      { a: { b: 1 } },
      { a: { $eq: { b: 1 } } },
      { a: { $in: [{ b: 1 }] } },
      { a: { $regex: 'x', $options: 's' } },
      { a: { $options: 'i' } },
      { a: /x/m },
      { a: { $exists: 1 } },
      { a: new Date() },
      { a: [[1]] },
      { $or: [] },
      { $or: {} },
      { 'a..b': 1 },
      { 'a.$b': 1 },
      { a: { $gt: 1, b: 2 } },
    ];
    for (const filter of bad) expect(() => assertFilter(filter)).toThrow(TypeError);
  });

  it('names the operator and where the supported list is documented', () => {
    expect(() => assertFilter({ $or: [{ a: { $not: { $eq: 1 } } }] })).toThrow(/\$not.*0005-embedded-document-store/);
  });
});

describe('assertStorableDocument', () => {
  const valid = (fields: Record<string, unknown>) => ({ _id: 'a', _position: 1, ...fields }) as StoredDocument;

  it('accepts JSON values and skips undefined properties', () => {
    expect(() => assertStorableDocument(valid({ s: '中', n: -1.5, b: false, z: null, l: [{ m: [1] }], o: {}, u: undefined }))).not.toThrow();
  });

  it('refuses what JSON or FerretDB would change or reject', () => {
    for (const fields of [{ d: new Date() }, { n: Infinity }, { b: 1n }, { f: () => 1 }, { m: new Map() }, { l: [[1]] }, { '$x': 1 }, { 'a.b': 1 }, { '': 1 }]) {
      expect(() => assertStorableDocument(valid(fields))).toThrow(TypeError);
    }
    expect(() => assertStorableDocument({ _id: 1, _position: 1 } as unknown as StoredDocument)).toThrow(TypeError);
    expect(() => assertStorableDocument({ _id: 'a', _position: 2 ** 53 })).toThrow(TypeError);
  });
});

describe('small rules', () => {
  it('collection names', () => {
    expect(() => assertCollectionName('stations_v2')).not.toThrow();
    expect(() => assertCollectionName('a$b')).toThrow(TypeError);
    expect(() => assertCollectionName('system.x')).toThrow(TypeError);
  });

  it('the effective sort ends with _id', () => {
    expect(effectiveSort(undefined)).toEqual({ _id: 1 });
    expect(Object.entries(effectiveSort({ a: -1 }))).toEqual([['a', -1], ['_id', 1]]);
    expect(effectiveSort({ _id: -1, a: 1 })).toEqual({ _id: -1, a: 1 });
  });

  it('default index names are MongoDB’s', () => {
    expect(defaultIndexName({ 'address.city': 1, level: -1 })).toBe('address.city_1_level_-1');
  });
});
