import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';

export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: number;
  key: string;
  value: string;
  headers: Record<string, string>;
}

function headerText(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) result[name] = Array.isArray(value) ? String(value[0]) : String(value);
  }
  return result;
}

/**
 * Everything in the given topics, read from the beginning by a consumer group of its own, up to the
 * partitions' end offsets at the time of the call. Messages come in the order consumed (per
 * partition: log order).
 */
export async function readTopics(brokers: string[], topics: string[], timeoutMs = 30_000): Promise<ConsumedMessage[]> {
  const kafka = new Kafka({ clientId: 'sme-ledger-test-reader', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<string, number>();
  try {
    for (const topic of topics) {
      for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
        if (Number(high) > 0) ends.set(`${topic}/${partition}`, Number(high));
      }
    }
  } finally {
    await admin.disconnect();
  }
  const messages: ConsumedMessage[] = [];
  if (ends.size === 0) return messages;

  const consumer = kafka.consumer({ groupId: `test-reader-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    const remaining = new Set(ends.keys());
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${messages.length} messages; partitions not read to their end within ${timeoutMs} ms: ${[...remaining].join(', ')}`)),
        timeoutMs,
      );
      consumer
        .run({
          eachMessage: async ({ topic, partition, message }) => {
            const offset = Number(message.offset);
            messages.push({
              topic,
              partition,
              offset,
              key: message.key?.toString() ?? '',
              value: message.value?.toString() ?? '',
              headers: headerText(message.headers),
            });
            const id = `${topic}/${partition}`;
            if (offset + 1 >= (ends.get(id) ?? 0)) remaining.delete(id);
            if (remaining.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}
