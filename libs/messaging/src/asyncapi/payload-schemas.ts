import type {
  ApplicationEvent,
  CallEvent,
  DemandEvent,
  EnterpriseEvent,
  ExpertEvent,
  FaqEvent,
  PolicyEvent,
  ProductEvent,
  ProviderEvent,
  ServiceCaseEvent,
  StationEvent,
} from '@sme/domain';
import type { JsonSchema } from './json-schema';
import { messagesFromKinds, type EventMessageSpec } from './kind-messages';

export type { EventMessageSpec } from './kind-messages';

/**
 * The published contract of every event's data (the Kafka message value): one JSON Schema per event
 * type. Every kind defines its events as specs in the domain; kind-messages.ts turns them into
 * messages and components. The AsyncAPI document is generated from these (see generate-asyncapi.ts);
 * a test validates real events against them.
 */
const FROM_KINDS = messagesFromKinds();
export type PublishedEventType =
  | CallEvent['type']
  | ApplicationEvent['type']
  | StationEvent['type']
  | EnterpriseEvent['type']
  | ExpertEvent['type']
  | ProviderEvent['type']
  | ProductEvent['type']
  | ServiceCaseEvent['type']
  | PolicyEvent['type']
  | FaqEvent['type']
  | DemandEvent['type'];

/** Sub-schemas several events share (each carries its `$id`); they appear under `components.schemas`. */
export const SHARED_SCHEMAS: Record<string, JsonSchema> = FROM_KINDS.schemas;

/** Every published event type → its message title, summary and payload schema. */
export const EVENT_MESSAGES = FROM_KINDS.messages as Record<PublishedEventType, EventMessageSpec>;
