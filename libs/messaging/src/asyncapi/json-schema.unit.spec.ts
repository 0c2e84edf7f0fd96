import { assertSupportedSchema, matchesFormat, validate, type JsonSchema } from './json-schema';
import { toYaml } from './yaml';

const paths = (schema: JsonSchema, value: unknown, root?: unknown) => validate(schema, value, root).map((v) => v.path);

describe('JSON Schema subset validator', () => {
  it('checks types, integers apart from numbers', () => {
    expect(paths({ type: 'integer' }, 3)).toEqual([]);
    expect(paths({ type: 'integer' }, 3.5)).toEqual(['']);
    expect(paths({ type: 'number' }, 3)).toEqual([]);
    expect(paths({ type: 'number' }, Number.NaN)).toEqual(['']);
    expect(paths({ type: 'string' }, null)).toEqual(['']);
    expect(paths({ type: ['string', 'null'] }, null)).toEqual([]);
    expect(paths({ type: 'object' }, [])).toEqual(['']);
    expect(paths({ type: 'array' }, {})).toEqual(['']);
    expect(paths({ type: 'boolean' }, 'true')).toEqual(['']);
  });

  it('checks required, declared and additional properties', () => {
    const schema: JsonSchema = {
      type: 'object',
      required: ['a'],
      properties: { a: { type: 'string' }, b: { type: 'integer' } },
      additionalProperties: false,
    };
    expect(paths(schema, { a: 'x', b: 1 })).toEqual([]);
    expect(paths(schema, { b: 1 })).toEqual(['/a']);
    expect(paths(schema, { a: 'x', c: 1 })).toEqual(['/c']);
    expect(paths(schema, { a: 1 })).toEqual(['/a']);
    expect(paths({ type: 'object', additionalProperties: { type: 'integer' } }, { x: 1, y: 'no' })).toEqual(['/y']);
  });

  it('checks enum, const, string length, pattern and numeric bounds', () => {
    expect(paths({ enum: ['A', 'B'] }, 'C')).toEqual(['']);
    expect(paths({ const: '1.0' }, '1.0')).toEqual([]);
    expect(paths({ const: '1.0' }, 1)).toEqual(['']);
    expect(paths({ type: 'string', minLength: 1 }, '')).toEqual(['']);
    expect(paths({ type: 'string', maxLength: 2 }, '广州')).toEqual([]);
    expect(paths({ type: 'string', pattern: '\\S' }, '  ')).toEqual(['']);
    expect(paths({ type: 'string', pattern: '^[0-9]{6}$' }, '51000')).toEqual(['']);
    expect(paths({ type: 'integer', minimum: 0, maximum: 100 }, 101)).toEqual(['']);
    expect(paths({ type: 'integer', minimum: 0, maximum: 100 }, -1)).toEqual(['']);
    expect(paths({ type: 'number', exclusiveMinimum: 0 }, 0)).toEqual(['']);
  });

  it('checks arrays: items, sizes and uniqueness', () => {
    const schema: JsonSchema = { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2, uniqueItems: true };
    expect(paths(schema, ['a'])).toEqual([]);
    expect(paths(schema, [])).toEqual(['']);
    expect(paths(schema, ['a', 'b', 'c'])).toEqual(['']);
    expect(paths(schema, ['a', 'a'])).toEqual(['']);
    expect(paths(schema, ['a', 1])).toEqual(['/1']);
  });

  it('checks the formats date, date-time (RFC 3339) and uuid', () => {
    expect(matchesFormat('date', '2019-02-28')).toBe(true);
    expect(matchesFormat('date', '2019-02-29')).toBe(false);
    expect(matchesFormat('date', '2020-02-29')).toBe(true);
    expect(matchesFormat('date-time', '2019-06-10T02:00:00.000Z')).toBe(true);
    expect(matchesFormat('date-time', '2019-06-18T17:00:00+08:00')).toBe(true);
    expect(matchesFormat('date-time', '2019-06-18T17:00+08:00')).toBe(false); // seconds are required
    expect(matchesFormat('date-time', '2019-06-18T17:00:00')).toBe(false); // so is the offset
    expect(matchesFormat('date-time', '2019-13-01T00:00:00Z')).toBe(false);
    expect(matchesFormat('uuid', '0b9d6c1e-1111-4222-8333-444455556666')).toBe(true);
    expect(matchesFormat('uuid', '0b9d6c1e11114222833344445555666')).toBe(false);
  });

  it('follows local references, allOf and oneOf', () => {
    const root = { defs: { code: { type: 'string', pattern: '^[0-9]+$' } } };
    expect(paths({ $ref: '#/defs/code' }, 'x1', root)).toEqual(['']);
    expect(paths({ allOf: [{ type: 'string' }, { minLength: 3 }] }, 'ab')).toEqual(['']);
    expect(paths({ oneOf: [{ type: 'string' }, { type: 'integer' }] }, 1)).toEqual([]);
    expect(paths({ oneOf: [{ type: 'number' }, { type: 'integer' }] }, 1)).toEqual(['']);
    expect(() => validate({ $ref: 'https://example.com/schema.json' }, 1)).toThrow('Only local references');
  });

  it('refuses keywords and formats it does not check, rather than ignoring them', () => {
    expect(() => assertSupportedSchema({ type: 'object', properties: { a: { multipleOf: 2 } as JsonSchema } })).toThrow('"multipleOf" at #/properties/a');
    expect(() => assertSupportedSchema({ type: 'string', format: 'email' as never })).toThrow('Unsupported format "email"');
    expect(() => validate({ if: {} } as JsonSchema, 1)).toThrow('Unsupported JSON Schema keyword "if"');
  });
});

describe('YAML writer', () => {
  it('writes block style and quotes what a YAML reader would take for something else', () => {
    expect(
      toYaml({
        version: '1.0',
        flag: 'yes',
        ref: '#/components/schemas/X',
        'content-type': 'application/json',
        'retention.ms': -1,
        list: ['delete'],
        empty: {},
        none: [],
        nested: [{ a: 1, b: [true, null] }],
        zh: '服务站',
        text: 'line one\nline two',
      }),
    ).toBe(
      [
        'version: "1.0"',
        'flag: "yes"',
        'ref: "#/components/schemas/X"',
        'content-type: application/json',
        'retention.ms: -1',
        'list:',
        '  - delete',
        'empty: {}',
        'none: []',
        'nested:',
        '  - a: 1',
        '    b:',
        '      - true',
        '      - null',
        'zh: "服务站"',
        'text: |-',
        '  line one',
        '  line two',
        '',
      ].join('\n'),
    );
  });
});
