import type { OpenAPIObject } from '@nestjs/swagger';
import type { ReadSchemas } from './read-schemas';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

const isSchema = (value: Json | undefined): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A schema that also admits null, as 3.0 says it: `nullable` beside a `type`, else null among the enum. */
function orNull(schema: Schema): Schema {
  if (Array.isArray(schema.anyOf)) return { ...schema, anyOf: schema.anyOf.map((m) => (isSchema(m) ? orNull(m) : m)) };
  if (typeof schema.type === 'string') return { ...schema, nullable: true, ...(Array.isArray(schema.enum) ? { enum: [...schema.enum, null] } : {}) };
  if (Array.isArray(schema.enum)) return { ...schema, enum: [...schema.enum, null] };
  return schema;
}

const isNull = (schema: Json): boolean => isSchema(schema) && schema.type === 'null' && Object.keys(schema).length === 1;

/**
 * A JSON Schema (draft 7, as derived from the TypeScript) said in OpenAPI 3.0's dialect: a `null` among
 * the types is `nullable` (which 3.0 honours only beside a `type`), several types are `anyOf`, `const`
 * is a one-value `enum`, a tuple is an array of its members. `default` goes: an answer has no defaults.
 */
export function toOpenApi30(schema: Schema): Schema {
  let out: Schema = {};
  let nullable = false;
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === 'default' || keyword === '$schema') continue;
    if (keyword === 'properties' && isSchema(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, property]) => [name, isSchema(property) ? toOpenApi30(property) : property]));
    } else if (keyword === 'const') {
      out.enum = [value];
    } else if (keyword === 'items' && Array.isArray(value)) {
      out.items = { anyOf: value.filter(isSchema).map(toOpenApi30) };
    } else if (keyword === 'type' && Array.isArray(value)) {
      const types = value.filter((t): t is string => typeof t === 'string' && t !== 'null');
      nullable ||= types.length < value.length;
      if (types.length === 1) out.type = types[0];
      else out.anyOf = types.map((type) => ({ type }));
    } else if ((keyword === 'anyOf' || keyword === 'oneOf') && Array.isArray(value)) {
      const members = value.filter((m) => !isNull(m)).filter(isSchema).map(toOpenApi30);
      nullable ||= members.length < value.length;
      if (members.length === 1) out = { ...out, ...members[0] };
      else out[keyword] = members;
    } else if (isSchema(value)) {
      out[keyword] = toOpenApi30(value);
    } else {
      out[keyword] = value;
    }
  }
  return nullable ? orNull(out) : out;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A table export as JSON (`exportTable`): its columns (key and Chinese header), then one object per row. */
const TABLE = {
  type: 'object',
  required: ['columns', 'rows'],
  additionalProperties: false,
  properties: {
    columns: { type: 'array', items: { type: 'object', required: ['key', 'zh'], additionalProperties: false, properties: { key: { type: 'string' }, zh: { type: 'string' } } } },
    rows: { type: 'array', items: { type: 'object', additionalProperties: { anyOf: [{ type: 'string', nullable: true }, { type: 'number', nullable: true }, { type: 'boolean', nullable: true }] } } },
  },
};

/**
 * Every read route's success answer, as its method's return type says: its JSON schema, and for the
 * routes that also answer with a file (`?format=csv|xlsx`), the file's media type.
 */
export function withReadAnswers(document: OpenAPIObject, schemas: ReadSchemas): OpenAPIObject {
  const files = new Set(schemas.files);
  for (const path of Object.values(document.paths)) {
    const operation = path.get;
    if (operation?.operationId === undefined) continue;
    // A route that says its own answer (a binary download) keeps it.
    if ((operation.responses['200'] as { content?: unknown } | undefined)?.content !== undefined) continue;
    const json = schemas.json[operation.operationId];
    const content: Record<string, { schema: Record<string, unknown> }> = {};
    // A string answer is text (the Prometheus exposition); any other, JSON.
    if (isSchema(json as Json)) content[(json as Schema).type === 'string' ? 'text/plain' : 'application/json'] = { schema: toOpenApi30(json as Schema) };
    if (files.has(operation.operationId)) {
      content['application/json'] ??= { schema: TABLE };
      content['text/csv'] = { schema: { type: 'string' } };
      content[XLSX] = { schema: { type: 'string', format: 'binary' } };
    }
    if (Object.keys(content).length === 0) continue;
    const ok = (operation.responses['200'] ?? {}) as { description?: string };
    operation.responses['200'] = { description: ok.description ?? 'The answer', content };
  }
  return document;
}
