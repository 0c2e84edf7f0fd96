import { compareStrings, compareValues, distinctValues, firstInOrder, firstInOrderN, sortDocuments, sortKey, valuesAtPath } from './document-order';
import type { Sort } from './document-store.port';

describe('MongoDB order for JSON values', () => {
  it('ranks types: null = missing < numbers < strings < objects < arrays < booleans', () => {
    const values = [true, [1], { a: 1 }, 'a', 2, null, false, -1];
    expect([...values].sort(compareValues)).toEqual([null, -1, 2, 'a', { a: 1 }, [1], false, true]);
    expect(compareValues(null, undefined)).toBe(0);
    expect(compareValues(undefined, -1)).toBeLessThan(0);
  });

  it('compares strings by code point (UTF-8 byte order), not by UTF-16 code unit', () => {
    const astral = 'a\u{1F600}'; // surrogate pair D83D DE00
    const highBmp = 'a\uFF61';
    expect(astral < highBmp).toBe(true); // what JavaScript says
    expect(compareStrings(astral, highBmp)).toBeGreaterThan(0); // what MongoDB says
    expect(['b', 'B', '北京', 'a', 'A', ''].sort(compareStrings)).toEqual(['', 'A', 'B', 'a', 'b', '北京']);
    expect(compareStrings('ab', 'abc')).toBeLessThan(0);
    expect(compareStrings('深圳', '深圳')).toBe(0);
  });

  it('compares objects field by field in stored order, arrays element by element', () => {
    expect(compareValues({ a: 1, b: 2 }, { a: 1, b: 3 })).toBeLessThan(0);
    expect(compareValues({ a: 1 }, { a: 1, b: 0 })).toBeLessThan(0);
    expect(compareValues({ b: 1 }, { a: 2 })).toBeGreaterThan(0);
    expect(compareValues({ a: 'x' }, { a: 1 })).toBeGreaterThan(0); // a string value ranks above a number
    expect(compareValues([1, 2], [1, 3])).toBeLessThan(0);
    expect(compareValues([1], [1, 0])).toBeLessThan(0);
  });
});

describe('paths', () => {
  const doc = { a: { b: 1 }, list: [{ n: 'x' }, { n: 'y', m: [1, 2] }, {}, 7], tags: ['p', 'q'] };

  it('follow MongoDB through arrays and numeric positions', () => {
    expect(valuesAtPath(doc, 'a.b')).toEqual([1]);
    expect(valuesAtPath(doc, 'list.n')).toEqual(['x', 'y']);
    expect(valuesAtPath(doc, 'list.n', true)).toEqual(['x', 'y', null]);
    expect(valuesAtPath(doc, 'list.1.n')).toEqual(['y']);
    expect(valuesAtPath(doc, 'list.m')).toEqual([[1, 2]]);
    expect(valuesAtPath(doc, 'tags')).toEqual([['p', 'q']]);
    expect(valuesAtPath(doc, 'missing.x')).toEqual([]);
  });

  it('sort keys take the smallest element ascending and the largest descending; [] ranks below null', () => {
    expect(sortKey(doc, 'tags', 1)).toBe('p');
    expect(sortKey(doc, 'tags', -1)).toBe('q');
    expect(sortKey({ tags: [] }, 'tags', 1)).not.toBeNull();
    expect(compareValues(sortKey({ tags: [] }, 'tags', 1), sortKey({}, 'tags', 1))).toBeLessThan(0);
    expect(sortKey({}, 'tags', 1)).toBeNull();
    expect(sortKey(doc, 'list.n', 1)).toBeNull(); // the element without n counts as null
  });
});

describe('sortDocuments', () => {
  it('sorts by several keys, missing equal to null, stable otherwise', () => {
    const docs = [
      { _id: 'c', k: 2, s: 'x' },
      { _id: 'a', k: null, s: 'y' },
      { _id: 'b', s: 'z' },
      { _id: 'd', k: 2, s: 'w' },
    ];
    expect(sortDocuments(docs, { k: 1, _id: 1 }).map((d) => d._id)).toEqual(['a', 'b', 'c', 'd']);
    expect(sortDocuments(docs, { k: -1, s: 1 }).map((d) => d._id)).toEqual(['d', 'c', 'a', 'b']);
    expect(docs.map((d) => d._id)).toEqual(['c', 'a', 'b', 'd']); // the input is left alone
    expect(firstInOrder(docs, { k: -1, s: 1 })?._id).toBe('d');
    expect(firstInOrder([], { k: 1 })).toBeUndefined();
  });

  it('sorts string keys by code point, beyond the BMP too', () => {
    const docs = [{ _id: '1', s: 'a\u{1F600}' }, { _id: '2', s: 'a\uFF61' }, { _id: '3', s: 'a' }, { _id: '4', s: 'A' }, { _id: '5', s: '中' }];
    expect(sortDocuments(docs, { s: 1 }).map((d) => d._id)).toEqual(['4', '3', '2', '1', '5']);
    expect(sortDocuments(docs, { s: -1 }).map((d) => d._id)).toEqual(['5', '1', '2', '3', '4']);
  });
});

describe('distinctValues', () => {
  it('flattens arrays, skips missing fields, keeps null, dedupes by MongoDB equality and sorts', () => {
    const docs = [{ v: 2 }, { v: [1, 2, 'a'] }, { v: null }, {}, { v: { x: 1, y: 2 } }, { v: { y: 2, x: 1 } }, { v: 1.0 }];
    expect(distinctValues(docs, 'v')).toEqual([null, 1, 2, 'a', { x: 1, y: 2 }, { y: 2, x: 1 }]);
  });
});

describe('firstInOrderN', () => {
  it('gives the first n documents as sorting them all would, ties, arrays, missing fields and mixed types included', () => {
    // A fixed pseudo-random sequence, so that a failure can be replayed.
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const values = [null, 1, 2, 2.5, 'a', 'b', 'B', '中', [3, 1], [], true, { x: 1 }];
    const docs = Array.from({ length: 400 }, (_, i) => {
      const doc: Record<string, unknown> = { _id: `d${String(i).padStart(3, '0')}`, group: Math.floor(next() * 5) };
      if (next() < 0.9) doc.value = values[Math.floor(next() * values.length)];
      return doc;
    });
    const sorts: Sort[] = [{ value: 1, _id: 1 }, { value: -1, _id: 1 }, { group: -1, value: 1, _id: -1 }, { group: 1 }];
    for (const sort of sorts) {
      const all = sortDocuments(docs, sort);
      for (const n of [0, 1, 2, 17, 50, 399, 400, 401]) expect(firstInOrderN(docs, sort, n)).toEqual(all.slice(0, n));
    }
  });
});
