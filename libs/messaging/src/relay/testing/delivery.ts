import type { RecordedEvent } from '@sme/event-store';
import { toKafkaCloudEvent } from '../../cloudevents';
import type { ConsumedMessage } from './topic-reader';

export interface DeliveryReport {
  /** Broken promises; empty when every event arrived at least once and in order per record. */
  problems: string[];
  messages: number;
  /** Distinct events delivered. */
  distinct: number;
  /** Messages that repeated an event already consumed. */
  duplicates: number;
}

/**
 * Compares what a consumer read with the store: the set of event ids equals the store's (events of
 * streams outside the catalogue excluded), each message is on its family's topic, keyed by its stream,
 * with its revision; and per key, in the order consumed, every event seen for the first time has the
 * revision after the highest seen so far (no gap, nothing overtaken), while a redelivery only repeats
 * a revision already seen. A relay that re-sends a batch after a failure makes revisions go back at the
 * repeat, so "non-decreasing" holds for first deliveries, which is what a consumer skipping duplicates
 * sees.
 */
export function checkDelivery(consumed: readonly ConsumedMessage[], stored: readonly RecordedEvent[], topicPrefix: string): DeliveryReport {
  const problems: string[] = [];
  const expected = new Map<string, { event: RecordedEvent; topic: string }>();
  for (const event of stored) {
    const message = toKafkaCloudEvent(event, topicPrefix);
    if (message) expected.set(event.id, { event, topic: message.topic });
  }
  const seen = new Set<string>();
  const highest = new Map<string, bigint>();
  const partitionOf = new Map<string, string>();
  let duplicates = 0;
  for (const message of consumed) {
    const id = message.headers.ce_id;
    const entry = expected.get(id);
    if (!entry) {
      problems.push(`message ${message.topic}/${message.partition}@${message.offset} has id ${id}, not a published event of the store`);
      continue;
    }
    const { event, topic } = entry;
    if (message.topic !== topic) problems.push(`${id} on ${message.topic}, expected ${topic}`);
    if (message.key !== event.streamId) problems.push(`${id} keyed ${message.key}, expected ${event.streamId}`);
    if (message.headers.ce_streamrevision !== event.revision.toString()) problems.push(`${id} says revision ${message.headers.ce_streamrevision}, stored ${event.revision}`);
    const partition = `${message.topic}/${message.partition}`;
    const previousPartition = partitionOf.get(message.key);
    if (previousPartition && previousPartition !== partition) problems.push(`key ${message.key} in ${previousPartition} and ${partition}`);
    partitionOf.set(message.key, partition);

    const top = highest.get(message.key) ?? -1n;
    if (seen.has(id)) {
      duplicates += 1;
      if (event.revision > top) problems.push(`${message.key}: redelivered revision ${event.revision} beyond the highest seen (${top})`);
      continue;
    }
    seen.add(id);
    if (event.revision !== top + 1n) {
      problems.push(`${message.key}: revision ${event.revision} consumed after ${top} (expected ${top + 1n})`);
    }
    if (event.revision > top) highest.set(message.key, event.revision);
  }
  const missing = [...expected.keys()].filter((id) => !seen.has(id));
  if (missing.length > 0) {
    const first = expected.get(missing[0])!.event;
    problems.push(`${missing.length} event(s) never arrived, e.g. ${first.streamId}@${first.revision} (position ${first.position})`);
  }
  return { problems, messages: consumed.length, distinct: seen.size, duplicates };
}
