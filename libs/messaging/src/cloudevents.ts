import type { RecordedEvent } from '@sme/event-store';
import { cloudEventType, familyOfStream } from './event-catalogue';

/** A Kafka message in the CloudEvents 1.0 Kafka protocol binding, binary content mode. */
export interface KafkaCloudEvent {
  topic: string;
  /** The stream id: all events of one record land in one partition, in order. */
  key: string;
  /** The event's data as JSON. */
  value: string;
  headers: Record<string, string>;
}

export const CE_SOURCE = '/sme-ledger';

/**
 * Maps a stored event to its Kafka message. Required attributes go in `ce_` headers; our extensions:
 * `ce_recordedat` (server time), `ce_actorrole`, `ce_actorid`, `ce_correlationid`, `ce_causationid`,
 * `ce_streamrevision`, `ce_logposition`, and `ce_legalbasis`, `ce_corrects` and `ce_backdated` when set (extension names are lower-case
 * alphanumerics, as the spec requires). Undefined for streams outside the catalogue.
 */
export function toKafkaCloudEvent(event: RecordedEvent, topicPrefix: string): KafkaCloudEvent | undefined {
  const family = familyOfStream(event.streamId);
  if (!family) return undefined;
  const subject = event.streamId.slice(family.streamPrefix.length + 1);
  const headers: Record<string, string> = {
    ce_specversion: '1.0',
    ce_id: event.id,
    ce_type: cloudEventType(family, event.type, event.schemaVersion),
    ce_source: `${CE_SOURCE}/${family.topic.split('.')[0]}`,
    ce_subject: subject,
    ce_time: event.metadata.occurredAt,
    'content-type': 'application/json',
    ce_recordedat: event.metadata.recordedAt,
    ce_actorrole: event.metadata.actor.role,
    ce_actorid: event.metadata.actor.id,
    ce_correlationid: event.metadata.correlationId,
    ce_streamrevision: event.revision.toString(),
    ce_logposition: event.position.toString(),
  };
  if (event.metadata.causationId) headers.ce_causationid = event.metadata.causationId;
  if (event.metadata.legalBasis) headers.ce_legalbasis = event.metadata.legalBasis;
  if (event.metadata.corrects) headers.ce_corrects = event.metadata.corrects;
  if (event.metadata.backdatingReason) headers.ce_backdated = 'true';
  return { topic: `${topicPrefix}${family.topic}`, key: event.streamId, value: JSON.stringify(event.data), headers };
}
