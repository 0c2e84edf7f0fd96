import type { OpenAPIObject } from '@nestjs/swagger';

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
