import { RECORD_KINDS, isPublished, type DomainEvent, type Publication, type RecordKind } from '@sme/domain';

/** An aggregate family: its streams' prefix and the topic its events go to. */
export interface EventFamily {
  /** Stream ids start with `${streamPrefix}-`. */
  streamPrefix: string;
  /** Topic name without the configurable prefix, e.g. `applications.v1` → `sme.applications.v1`. */
  topic: string;
  /** The CloudEvents type namespace of the family, e.g. `cn.sme-ledger.station.application`. */
  typeNamespace: string;
  /** Event type → the verb part of its CloudEvents type, e.g. ApplicationSubmitted → `submitted`. */
  events: Record<string, { action: string; schemaVersion: number }>;
}

/** A published kind as the relay sees it: its streams, topic, CloudEvents namespace and verbs. */
function familyOf(kind: RecordKind, publication: Publication<DomainEvent>): EventFamily {
  const events: EventFamily['events'] = {};
  const actions = publication.actions as Record<string, string>;
  for (const [type, schemaVersion] of Object.entries(kind.schemaVersions as Record<string, number>)) {
    const action = actions[type];
    if (!action) throw new Error(`No CloudEvents action for ${type} in the ${kind.name} kind`);
    events[type] = { action, schemaVersion };
  }
  return { streamPrefix: kind.name, topic: publication.topic, typeNamespace: publication.typeNamespace, events };
}

/**
 * Every event the ledger publishes, by family: one per published record kind (RECORD_KINDS, the
 * kinds' descriptors). The CloudEvents type of an event is `${typeNamespace}.${action}.v${schemaVersion}`,
 * e.g. `cn.sme-ledger.station.application.submitted.v1`.
 */
export const EVENT_FAMILIES: readonly EventFamily[] = RECORD_KINDS.flatMap((kind) =>
  isPublished(kind.publication) ? [familyOf(kind, kind.publication)] : [],
);

/**
 * Streams the ledger keeps for its own bookkeeping and does not publish (kinds whose publication says
 * why not). The relay skips them (no family).
 */
export const UNPUBLISHED_STREAMS: readonly { streamPrefix: string; eventTypes: readonly string[]; reason: string }[] = RECORD_KINDS.flatMap((kind) =>
  isPublished(kind.publication) ? [] : [{ streamPrefix: kind.name, eventTypes: Object.keys(kind.schemaVersions), reason: kind.publication.unpublished }],
);

export function familyOfStream(streamId: string): EventFamily | undefined {
  return EVENT_FAMILIES.find((f) => streamId.startsWith(`${f.streamPrefix}-`));
}

export function cloudEventType(family: EventFamily, eventType: string, schemaVersion: number): string {
  const entry = family.events[eventType];
  if (!entry) throw new Error(`Event type ${eventType} is not in the ${family.topic} catalogue`);
  return `${family.typeNamespace}.${entry.action}.v${schemaVersion}`;
}
