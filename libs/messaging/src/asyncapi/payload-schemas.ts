import type { ApplicationEvent, CallEvent, StationEvent } from '@sme/domain';
import { LIBRARY_EVENT_MESSAGES, LIBRARY_SHARED_SCHEMAS, type LibraryEventType, type LibrarySchemaName } from './library-payload-schemas';
import { REGISTRY_EVENT_MESSAGES, REGISTRY_SHARED_SCHEMAS, type RegistryEventType, type RegistrySchemaName } from './registry-payload-schemas';
import type { JsonSchema } from './json-schema';
import { messagesFromKinds } from './kind-messages';
import type { EventMessageSpec } from './schema-builders';

export type { EventMessageSpec } from './schema-builders';

/**
 * The published contract of every event's data (the Kafka message value): one JSON Schema per event
 * type. The calls, applications and stations define theirs in the domain (each event's EventSpec,
 * see kind-messages.ts); the registries are still described by hand in registry-payload-schemas.ts,
 * the libraries (products, cases, policies, FAQs, demands) in library-payload-schemas.ts. The AsyncAPI
 * document is generated from these (see generate-asyncapi.ts); a test validates real events against them.
 */
const FROM_KINDS = messagesFromKinds();
type KindEventType = CallEvent['type'] | ApplicationEvent['type'] | StationEvent['type'];
export type PublishedEventType = KindEventType | RegistryEventType | LibraryEventType;

/** The names of the hand-written shared sub-schemas under `components.schemas` (the kinds' come with their `$id`). */
export type SharedSchemaName = RegistrySchemaName | LibrarySchemaName;

/** Sub-schemas several events share; they appear under `components.schemas`. */
export const SHARED_SCHEMAS: Record<string, JsonSchema> = { ...FROM_KINDS.schemas, ...REGISTRY_SHARED_SCHEMAS, ...LIBRARY_SHARED_SCHEMAS };

/** Every published event type → its message title, summary and payload schema. */
export const EVENT_MESSAGES = { ...FROM_KINDS.messages, ...REGISTRY_EVENT_MESSAGES, ...LIBRARY_EVENT_MESSAGES } as Record<PublishedEventType, EventMessageSpec>;
