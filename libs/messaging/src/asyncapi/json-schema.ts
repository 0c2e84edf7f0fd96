/**
 * The JSON Schema (draft 7, as AsyncAPI 3.0 schema objects use it) the published contract is written
 * in, as a type. The schemas themselves come from the domain's event specs (TypeBox); the tests check
 * JSON against the generated document with ajv (testing/contract-check.ts).
 */
export type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

export type JsonFormat = 'date' | 'date-time' | 'uuid' | 'email';

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
