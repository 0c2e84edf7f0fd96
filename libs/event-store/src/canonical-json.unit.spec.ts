import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts object keys recursively, whatever the insertion order', () => {
    const a = { b: 1, a: { d: [{ z: 1, y: 2 }], c: 'x' } };
    const b = { a: { c: 'x', d: [{ y: 2, z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('keeps array order', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
  });

  it('renders bigint as a decimal string, beyond the safe-integer range', () => {
    expect(canonicalJson({ n: 12n, big: 2n ** 64n + 1n, neg: -5n })).toBe('{"big":"18446744073709551617","n":"12","neg":"-5"}');
  });

  it('writes no whitespace and escapes strings as JSON does', () => {
    expect(canonicalJson({ 'k y': 'line\n"quoted" 中文', e: '' })).toBe('{"e":"","k y":"line\\n\\"quoted\\" 中文"}');
  });

  it('follows JSON for undefined, null, booleans, Dates and toJSON', () => {
    expect(canonicalJson({ gone: undefined, nil: null, yes: true, no: false })).toBe('{"nil":null,"no":false,"yes":true}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
    expect(canonicalJson({ at: new Date('2025-03-01T08:00:00.000Z') })).toBe('{"at":"2025-03-01T08:00:00.000Z"}');
    expect(canonicalJson({ custom: { toJSON: () => ({ b: 2, a: 1 }) } })).toBe('{"custom":{"a":1,"b":2}}');
  });

  it('renders numbers as JSON does (no trailing zeros, exponent form for large ones)', () => {
    expect(canonicalJson([1.5, 1.0, -0, 1e21, 0.1])).toBe('[1.5,1,0,1e+21,0.1]');
  });

  it('sorts keys by code unit, so the order is locale-independent', () => {
    expect(canonicalJson({ b: 1, B: 2, a: 3, 中: 4, _: 5 })).toBe('{"B":2,"_":5,"a":3,"b":1,"中":4}');
  });

  it('refuses what would not survive storage', () => {
    expect(() => canonicalJson({ n: NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ n: Infinity })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson({ s: Symbol('x') })).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/);
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"x":1},"b":[{"x":1}]}');
  });

  it('writes a key the same the hundredth time, and any number of distinct keys, escaped', () => {
    for (let i = 0; i < 100; i++) expect(canonicalJson({ 'a"\n中': i })).toBe(`{"a\\"\\n中":${i}}`);
    const many = Object.fromEntries(Array.from({ length: 12_000 }, (_, i) => [`k"${i}`, i]));
    expect(JSON.parse(canonicalJson(many))).toEqual(many);
  });

  it('parses back to an equal value for JSON-safe input', () => {
    const value = { z: [1, { y: 'é', x: null }], a: true };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });
});
