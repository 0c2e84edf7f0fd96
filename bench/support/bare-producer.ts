import type { Producer, TopicMessages } from 'kafkajs';
import type { RecordedEvent } from '@sme/event-store';
import { createKafkaClient, createRelayProducer, RelayBatch, type RelayLogger, type RelaySettings } from '@sme/messaging/relay';
import { ensureTopics } from '@sme/messaging/topics';

/** A batch of the bare reference: its messages per topic, and the events of the log it stands for. */
export interface BareBatch {
  topicMessages: TopicMessages[];
  events: number;
}

/** The log's events mapped to messages and cut as the relay cuts them (batch size, bytes), before any timing. */
export function bareBatches(events: readonly RecordedEvent[], settings: RelaySettings, owns?: (streamId: string) => boolean): BareBatch[] {
  const batches: BareBatch[] = [];
  let batch = new RelayBatch(settings.topics.prefix, owns);
  for (const [i, event] of events.entries()) {
    batch.add(event);
    if (batch.events.length >= settings.batchSize || batch.bytes >= settings.maxBatchBytes || i === events.length - 1) {
      batches.push({ topicMessages: batch.topicMessages(), events: batch.events.length });
      batch = new RelayBatch(settings.topics.prefix, owns);
    }
  }
  return batches;
}

/**
 * A producer with the relay's settings, connected, its topics created and the first batch sent (it also
 * loads the topics' metadata, so it is counted apart, as the relay's first batch is). A failed first
 * send is tried again, as the relay starts again from its checkpoint.
 */
export async function bareProducerReady(settings: RelaySettings, first: BareBatch, logger: RelayLogger): Promise<Producer> {
  const client = createKafkaClient(settings, logger);
  await topicsReady(settings, logger);
  const producer = createRelayProducer(client);
  await producer.connect();
  for (let attempt = 1; ; attempt++) {
    try {
      if (first.topicMessages.length > 0) await producer.sendBatch({ topicMessages: first.topicMessages, acks: -1 });
      return producer;
    } catch (error) {
      if (attempt >= 10) {
        await producer.disconnect();
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}

/** Creates the topics that are missing and waits until the broker serves them (`ensureTopics`), as the relay does. */
export async function topicsReady(settings: RelaySettings, logger: RelayLogger): Promise<void> {
  const admin = createKafkaClient(settings, logger).admin();
  await admin.connect();
  try {
    await ensureTopics(admin, settings.topics);
  } finally {
    await admin.disconnect();
  }
}
