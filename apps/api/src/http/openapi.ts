import type { OpenAPIObject } from '@nestjs/swagger';
import { ARRAY_MAX_SIZE, ARRAY_MIN_SIZE, IS_EMAIL, IS_IN, IS_INT, IS_UUID, MATCHES, MAX, MAX_LENGTH, MIN, MIN_LENGTH } from 'class-validator';

const message = { type: 'object', required: ['zh', 'en'], properties: { zh: { type: 'string' }, en: { type: 'string' } }, additionalProperties: false };

/** The one error body every refusal carries (ApiErrorBody), as OpenAPI. */
const ERROR_BODY = {
  type: 'object',
  required: ['statusCode', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599 },
    code: { type: 'string', description: 'A stable code, e.g. VALIDATION_FAILED, NOT_OWNER, QUOTA_EXCEEDED' },
    message,
    errors: {
      type: 'array',
      description: 'The fields at fault, each with the rule it broke',
      items: { type: 'object', required: ['field', 'rule', 'message'], properties: { field: { type: 'string' }, rule: { type: 'string' }, message } },
    },
    details: { type: 'object', additionalProperties: true },
  },
};

/** The refusals any route may answer with, by what they mean. */
const REFUSALS: Record<string, string> = {
  '400': 'Bad input: the field and the rule it broke, in Chinese and English; nothing written',
  '401': 'No valid Bearer token',
  '403': 'The caller may not do this (role, region or organisation); nothing written',
  '404': 'No such record',
  '409': 'A rule of the record refuses it in its current state (or a stale If-Match); nothing written',
  '413': 'The request body is over BODY_LIMIT',
  '422': 'An Idempotency-Key already used for another request',
  '429': 'Over the rate limit; Retry-After says when to try again',
  '503': 'The read side is behind (or catching up); Retry-After says when to try again',
};

/**
 * Every operation documents the error body for every refusal it can give — the body is one schema
 * (`ErrorBody`), whatever the route — besides what its own decorators say of its success.
 */
export function withRefusals(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ErrorBody: ERROR_BODY as never } };
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path as Record<string, { responses?: Record<string, unknown> }>)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      operation.responses ??= {};
      for (const [status, description] of Object.entries(REFUSALS)) {
        operation.responses[status] ??= { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } };
      }
    }
  }
  return document;
}

type Schema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>> };
type Constraint = { propertyName: string; name?: string; type: string; constraints?: unknown[]; each?: boolean };

/** What a class-validator rule says of a value, as JSON Schema keywords; undefined for what JSON Schema cannot say. */
function keywordsOf(rule: Constraint): Record<string, unknown> | undefined {
  const [first, second] = rule.constraints ?? [];
  switch (rule.name) {
    case MAX_LENGTH:
      return { maxLength: first };
    case MIN_LENGTH:
      return { minLength: first };
    case MAX:
      return { maximum: first };
    case MIN:
      return { minimum: first };
    case IS_INT:
      return { type: 'integer' };
    case IS_UUID:
      return { format: 'uuid' };
    case IS_EMAIL:
      return { format: 'email' };
    case IS_IN:
      return Array.isArray(first) ? { enum: first } : undefined;
    case ARRAY_MAX_SIZE:
      return { maxItems: first };
    case ARRAY_MIN_SIZE:
      return { minItems: first };
    case MATCHES:
      return first instanceof RegExp && !first.flags ? { pattern: first.source } : typeof first === 'string' && second === undefined ? { pattern: first } : undefined;
    default:
      return undefined;
  }
}

/**
 * The limits, patterns and formats the server enforces, written into the request schemas: every DTO's
 * class-validator rules (the ones JSON Schema can say) are copied onto its schema's properties, so
 * OpenAPI states what a request must be — the same rules the validation pipe applies.
 */
export function withConstraints(document: OpenAPIObject, rules: ReadonlyMap<Function, readonly Constraint[]>): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  for (const [target, constraints] of rules) {
    const schema = schemas[target.name];
    if (!schema?.properties) continue;
    for (const rule of constraints) {
      const property = schema.properties[rule.propertyName];
      const keywords = property && rule.type === 'customValidation' ? keywordsOf(rule) : undefined;
      if (!property || !keywords) continue;
      if ('$ref' in property || 'allOf' in property) continue;
      const holder = rule.each && property.type === 'array' ? ((property.items ??= {}) as Record<string, unknown>) : property;
      for (const [keyword, value] of Object.entries(keywords)) {
        // An integer is a number the rule narrows; every other keyword fills only what the schema leaves open.
        const narrows = keyword === 'type' && value === 'integer' && holder.type === 'number';
        if ((holder[keyword] === undefined || narrows) && value !== undefined) holder[keyword] = value;
      }
    }
  }
  return document;
}
