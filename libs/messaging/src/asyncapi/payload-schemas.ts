import type { ApplicationEvent, CallEvent, EnterpriseEvent, ExpertEvent, ProviderEvent, StationEvent } from '@sme/domain';
import { LIBRARY_EVENT_MESSAGES, LIBRARY_SHARED_SCHEMAS, type LibraryEventType, type LibrarySchemaName } from './library-payload-schemas';
import type { JsonSchema } from './json-schema';
import { messagesFromKinds } from './kind-messages';
import type { EventMessageSpec } from './schema-builders';

export type { EventMessageSpec } from './schema-builders';

/**
 * The published contract of every event's data (the Kafka message value): one JSON Schema per event
 * type. The kinds that define their events as specs in the domain (calls, applications, stations,
 * enterprises, experts, providers) come from kind-messages.ts; the libraries (products, cases,
 * policies, FAQs, demands) are still described by hand in library-payload-schemas.ts. The AsyncAPI
 * document is generated from these (see generate-asyncapi.ts); a test validates real events against them.
 */
const FROM_KINDS = messagesFromKinds();
type KindEventType = CallEvent['type'] | ApplicationEvent['type'] | StationEvent['type'] | EnterpriseEvent['type'] | ExpertEvent['type'] | ProviderEvent['type'];
export type PublishedEventType = KindEventType | LibraryEventType;

/** The names of the hand-written shared sub-schemas under `components.schemas` (the kinds' come with their `$id`). */
export type SharedSchemaName = LibrarySchemaName;

/** Sub-schemas several events share; they appear under `components.schemas`. */
export const SHARED_SCHEMAS: Record<string, JsonSchema> = { ...FROM_KINDS.schemas, ...LIBRARY_SHARED_SCHEMAS };

/** Every published event type → its message title, summary and payload schema. */
export const EVENT_MESSAGES = { ...FROM_KINDS.messages, ...LIBRARY_EVENT_MESSAGES } as Record<PublishedEventType, EventMessageSpec>;
