import { PERSONAL, RECORD_KINDS, isPublished, type EventSpec } from '@sme/domain';
import type { JsonSchema } from './json-schema';

/** One event type's AsyncAPI message: the words integrators read and the JSON Schema of its data. */
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

/**
 * The AsyncAPI messages of the kinds that define their events with specs (the domain's TypeBox
 * schemas): each payload as published JSON Schema, with every sub-schema that carries an `$id` moved
 * to `components.schemas` and referred to by `$ref`.
 */
export function messagesFromKinds(): { messages: Record<string, EventMessageSpec>; schemas: Record<string, JsonSchema> } {
  const messages: Record<string, EventMessageSpec> = {};
  const schemas: Record<string, JsonSchema> = {};
  for (const kind of RECORD_KINDS) {
    if (!isPublished(kind.publication)) continue;
    for (const [type, spec] of Object.entries(kind.events as Record<string, EventSpec>)) {
      messages[type] = {
        title: spec.title,
        summary: spec.summary,
        ...(spec.description === undefined ? {} : { description: spec.description }),
        payload: hoist(plain(spec.payload), schemas, true),
      };
    }
  }
  return { messages, schemas };
}

/** A personal field as published: its ciphertext, sealed with its data subject's key (see docs/integrators.md). */
export const SEALED_PATTERN = '^enc:v1:(a256gcm|sm4gcm):[0-9a-f]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]*:[A-Za-z0-9_-]+$';
const sealed = (field: { description?: string }): JsonSchema =>
  ({
    type: 'string',
    pattern: SEALED_PATTERN,
    description: `个人信息, sealed: ${field.description ?? 'a personal field'}. The ledger keeps and publishes only its ciphertext (enc:v1:<algorithm>:<key id>:<iv>:<ciphertext>:<tag>); once the data subject's key is erased, nobody can read it`,
    [PERSONAL]: true,
  }) as JsonSchema;

/** The schema as JSON (TypeBox's symbol keys dropped), each personal field as its ciphertext. */
const plain = (schema: unknown): JsonSchema =>
  JSON.parse(JSON.stringify(schema), (_key, value: unknown) => (typeof value === 'object' && value !== null && (value as Record<string, unknown>)[PERSONAL] === true ? sealed(value) : value)) as JsonSchema;

function hoist(schema: JsonSchema, schemas: Record<string, JsonSchema>, top = false): JsonSchema {
  const { $id, ...rest } = schema as JsonSchema & { $id?: string };
  // Keys in the order a reader expects: `type` first, `additionalProperties` last.
  const rank = (key: string) => (key === 'type' ? 0 : key === 'additionalProperties' ? 2 : 1);
  const entries = Object.entries(rest).sort(([a], [b]) => rank(a) - rank(b));
  const body = Object.fromEntries(entries.map(([key, value]) => [key, key === 'properties' ? eachProperty(value, schemas) : descend(value, schemas)])) as JsonSchema;
  if ($id === undefined || top) return body;
  const known = schemas[$id];
  if (known !== undefined && JSON.stringify(known) !== JSON.stringify(body)) throw new Error(`Two different schemas are named ${$id}`);
  schemas[$id] = body;
  return { $ref: `#/components/schemas/${$id}` } as JsonSchema;
}

/** `properties` maps names to schemas: the names keep their order (a property called `type` is not a keyword). */
function eachProperty(properties: unknown, schemas: Record<string, JsonSchema>): unknown {
  if (typeof properties !== 'object' || properties === null) return properties;
  return Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, descend(schema, schemas)]));
}

function descend(value: unknown, schemas: Record<string, JsonSchema>): unknown {
  if (Array.isArray(value)) return value.map((item) => descend(item, schemas));
  if (typeof value === 'object' && value !== null) {
    // Walked whole; a sub-schema with an `$id` becomes a component.
    return hoist(value as JsonSchema, schemas);
  }
  return value;
}
