import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { JsonSchema } from '../json-schema';

export interface SchemaViolation {
  /** JSON pointer into the value, e.g. `/operator/uscc`. */
  path: string;
  message: string;
}

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
addFormats(ajv);
const compiled = new WeakMap<object, WeakMap<object, ValidateFunction>>();

/**
 * Checks a value against a schema of the generated AsyncAPI document (its `#/components/...`
 * references resolved in that document), with ajv — the published contract, exactly as written.
 */
export function contractViolations(schema: JsonSchema, value: unknown, document: { components: unknown }): SchemaViolation[] {
  let byDocument = compiled.get(schema);
  if (!byDocument) compiled.set(schema, (byDocument = new WeakMap()));
  let check = byDocument.get(document);
  if (!check) {
    check = ajv.compile({ ...schema, components: document.components });
    byDocument.set(document, check);
  }
  return check(value) ? [] : (check.errors ?? []).map(describe);
}

function describe(error: ErrorObject): SchemaViolation {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: `${error.instancePath}/${String(params.missingProperty)}`, message: 'is required' };
    case 'additionalProperties':
      return { path: `${error.instancePath}/${String(params.additionalProperty)}`, message: 'is not allowed (additionalProperties: false)' };
    case 'format':
      return { path: error.instancePath, message: `must be a ${String(params.format)}, is ${JSON.stringify(error.data)}` };
    default:
      return { path: error.instancePath, message: error.message ?? error.keyword };
  }
}
