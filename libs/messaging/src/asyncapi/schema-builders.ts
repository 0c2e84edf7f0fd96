import { REGION_CODE_PATTERN, USCC_PATTERN } from '@sme/domain';
import type { JsonSchema } from './json-schema';

/** Building blocks of the payload schemas (payload-schemas.ts and its per-aggregate companions). */

export interface EventMessageSpec {
  /** Human title, e.g. "Application submitted (申请已提交)". */
  title: string;
  /** One sentence: what happened. */
  summary: string;
  /** Optional longer prose (consequences for a reader's view). */
  description?: string;
  /** JSON Schema of the event's data. */
  payload: JsonSchema;
}

/** A reference to a schema under `components.schemas`. */
export const schemaRef = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** A closed object: every property required unless listed as optional. */
export function object(properties: Record<string, JsonSchema>, options: { optional?: string[]; description?: string } = {}): JsonSchema {
  const optional = options.optional ?? [];
  for (const name of optional) if (!(name in properties)) throw new Error(`Optional property ${name} is not declared`);
  return {
    type: 'object',
    ...(options.description === undefined ? {} : { description: options.description }),
    required: Object.keys(properties).filter((name) => !optional.includes(name)),
    properties,
    additionalProperties: false,
  };
}

/** Non-blank text (the deciders trim and refuse blank input). */
export const text = (description?: string): JsonSchema => ({
  type: 'string',
  minLength: 1,
  pattern: '\\S',
  ...(description === undefined ? {} : { description }),
});

/** The moment of the act as the server wrote it: `Date.toISOString()`, always UTC with milliseconds. */
export const at = (description: string): JsonSchema => ({ type: 'string', format: 'date-time', description });

/** Record ids are UUIDs (random, or name-based v8 for ids derived from an Idempotency-Key). */
export const recordId = (what: string): JsonSchema => ({ type: 'string', format: 'uuid', description: `${what} (a UUID)` });

/** GB/T 2260 codes. */
export const CITY_CODE = '^[1-9][0-9](0[1-9]|[1-9][0-9])00$';
export const DISTRICT_CODE = '^[1-9][0-9]{3}(0[1-9]|[1-9][0-9])$';
export const REGION_CODE = REGION_CODE_PATTERN;
export const cityCode = (): JsonSchema => ({ type: 'string', pattern: CITY_CODE, description: 'GB/T 2260 city code (ends in 00, not 0000), e.g. 440100 广州市' });
export const uscc = (): JsonSchema => ({
  type: 'string',
  pattern: USCC_PATTERN,
  description: '统一社会信用代码 (GB 32100-2015): 18 upper-case characters; the last is a check character the ledger has verified',
});
export const sha256 = (): JsonSchema => ({ type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the file, 64 lower-case hex characters' });
export const opinion = (): JsonSchema => text('意见: the opinion recorded with the step');
export const integer = (minimum: number, maximum?: number, description?: string): JsonSchema => ({
  type: 'integer',
  minimum,
  ...(maximum === undefined ? {} : { maximum }),
  ...(description === undefined ? {} : { description }),
});
export const amount = (description: string, minimum?: number): JsonSchema => ({
  type: 'number',
  ...(minimum === undefined ? {} : { minimum }),
  description: `${description}, 万元`,
});
