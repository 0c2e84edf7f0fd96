/**
 * The subset of JSON Schema (draft 7, as AsyncAPI 3.0 schema objects use it) that the published
 * contract is written in, and a validator for exactly that subset. A schema using any other keyword
 * is refused rather than half-checked, so the contract cannot say more than the tests verify.
 */
export type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

/** Formats the validator checks; anything else is refused. */
export const KNOWN_FORMATS = ['date', 'date-time', 'uuid'] as const;
export type JsonFormat = (typeof KNOWN_FORMATS)[number];

export interface JsonSchema {
  $ref?: string;
  type?: JsonType | JsonType[];
  title?: string;
  description?: string;
  examples?: unknown[];
  // objects
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  // arrays
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  // strings
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: JsonFormat;
  // numbers
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  // any
  enum?: readonly (string | number | boolean | null)[];
  const?: string | number | boolean | null;
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

const ANNOTATIONS = new Set(['title', 'description', 'examples']);
const ASSERTIONS = new Set([
  '$ref',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'enum',
  'const',
  'allOf',
  'oneOf',
]);

/** Every keyword the validator understands (assertions and annotations). */
export const SUPPORTED_KEYWORDS: readonly string[] = [...ASSERTIONS, ...ANNOTATIONS].sort();

export interface SchemaViolation {
  /** JSON-pointer-like path of the offending value, '' for the root. */
  path: string;
  message: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt]([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** RFC 3339 full-date, date-time (seconds required, offset required) and the RFC 4122 textual UUID form. */
export function matchesFormat(format: JsonFormat, value: string): boolean {
  switch (format) {
    case 'date': {
      const m = DATE.exec(value);
      return m !== null && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
    }
    case 'date-time': {
      const m = DATE_TIME.exec(value);
      return m !== null && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
    }
    case 'uuid':
      return UUID.test(value);
  }
}

function typeOf(value: unknown): JsonType | 'undefined' | 'other' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isFinite(value) ? (Number.isInteger(value) ? 'integer' : 'number') : 'other';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    case 'undefined':
      return 'undefined';
    default:
      return 'other';
  }
}

function hasType(value: unknown, type: JsonType): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const pointerPart = (key: string | number) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

/** Resolves a local reference such as `#/components/schemas/Material` against `root`. */
export function resolveRef(root: unknown, ref: string): JsonSchema {
  if (!ref.startsWith('#/')) throw new Error(`Only local references are supported, not ${ref}`);
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !(key in node)) throw new Error(`Unresolvable reference ${ref}`);
    node = (node as Record<string, unknown>)[key];
  }
  return node as JsonSchema;
}

/**
 * Checks that a schema uses only supported keywords (recursively, following no references).
 * Throws with the path of the first unsupported keyword or format.
 */
export function assertSupportedSchema(schema: JsonSchema, path = '#'): void {
  for (const key of Object.keys(schema)) {
    if (!ASSERTIONS.has(key) && !ANNOTATIONS.has(key)) throw new Error(`Unsupported JSON Schema keyword "${key}" at ${path}`);
  }
  if (schema.format !== undefined && !(KNOWN_FORMATS as readonly string[]).includes(schema.format)) {
    throw new Error(`Unsupported format "${schema.format}" at ${path}`);
  }
  if (schema.pattern !== undefined) new RegExp(schema.pattern, 'u');
  for (const [name, sub] of Object.entries(schema.properties ?? {})) assertSupportedSchema(sub, `${path}/properties/${pointerPart(name)}`);
  if (typeof schema.additionalProperties === 'object') assertSupportedSchema(schema.additionalProperties, `${path}/additionalProperties`);
  if (schema.items) assertSupportedSchema(schema.items, `${path}/items`);
  schema.allOf?.forEach((sub, i) => assertSupportedSchema(sub, `${path}/allOf/${i}`));
  schema.oneOf?.forEach((sub, i) => assertSupportedSchema(sub, `${path}/oneOf/${i}`));
}

/**
 * Validates `value` against `schema`; `root` is the document local references resolve against.
 * Returns every violation found (empty when valid).
 */
export function validate(schema: JsonSchema, value: unknown, root: unknown = schema): SchemaViolation[] {
  const violations: SchemaViolation[] = [];
  check(schema, value, '', root, violations);
  return violations;
}

function check(schema: JsonSchema, value: unknown, path: string, root: unknown, out: SchemaViolation[]): void {
  for (const key of Object.keys(schema)) {
    if (!ASSERTIONS.has(key) && !ANNOTATIONS.has(key)) throw new Error(`Unsupported JSON Schema keyword "${key}"`);
  }
  const fail = (message: string) => out.push({ path, message });

  if (schema.$ref !== undefined) check(resolveRef(root, schema.$ref), value, path, root, out);

  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => hasType(value, t))) {
      fail(`must be ${types.join(' or ')}, is ${typeOf(value)}`);
      return; // the other keywords would only repeat the mismatch
    }
  }
  if (schema.const !== undefined && !deepEqual(value, schema.const)) fail(`must be ${JSON.stringify(schema.const)}`);
  if (schema.enum !== undefined && !schema.enum.some((option) => deepEqual(value, option))) {
    fail(`must be one of ${schema.enum.map((o) => JSON.stringify(o)).join(', ')}, is ${JSON.stringify(value)}`);
  }

  if (typeof value === 'string') {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength) fail(`must have at least ${schema.minLength} characters`);
    if (schema.maxLength !== undefined && length > schema.maxLength) fail(`must have at most ${schema.maxLength} characters`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) fail(`must match ${schema.pattern}, is ${JSON.stringify(value)}`);
    if (schema.format !== undefined) {
      if (!(KNOWN_FORMATS as readonly string[]).includes(schema.format)) throw new Error(`Unsupported format "${schema.format}"`);
      if (!matchesFormat(schema.format, value)) fail(`must be a ${schema.format}, is ${JSON.stringify(value)}`);
    }
  }

  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) fail(`must be ≥ ${schema.minimum}, is ${value}`);
    if (schema.maximum !== undefined && value > schema.maximum) fail(`must be ≤ ${schema.maximum}, is ${value}`);
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) fail(`must be > ${schema.exclusiveMinimum}, is ${value}`);
  }

  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) fail(`must have at least ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) fail(`must have at most ${schema.maxItems} items`);
    if (schema.uniqueItems === true && value.some((item, i) => value.findIndex((other) => deepEqual(item, other)) !== i)) {
      fail('must not repeat an item');
    }
    if (schema.items !== undefined) value.forEach((item, i) => check(schema.items!, item, `${path}/${i}`, root, out));
  }

  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (!(name in object) || object[name] === undefined) out.push({ path: `${path}/${pointerPart(name)}`, message: 'is required' });
    }
    for (const [name, item] of Object.entries(object)) {
      if (item === undefined) continue;
      const at = `${path}/${pointerPart(name)}`;
      const declared = schema.properties?.[name];
      if (declared !== undefined) check(declared, item, at, root, out);
      else if (schema.additionalProperties === false) out.push({ path: at, message: 'is not allowed (additionalProperties: false)' });
      else if (typeof schema.additionalProperties === 'object') check(schema.additionalProperties, item, at, root, out);
    }
  }

  schema.allOf?.forEach((sub) => check(sub, value, path, root, out));
  if (schema.oneOf !== undefined) {
    const matching = schema.oneOf.filter((sub) => validate(sub, value, root).length === 0).length;
    if (matching !== 1) fail(`must match exactly one of ${schema.oneOf.length} schemas (oneOf), matches ${matching}`);
  }
}
