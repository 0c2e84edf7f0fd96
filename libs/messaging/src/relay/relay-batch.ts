import type { Message, TopicMessages } from 'kafkajs';
import type { RecordedEvent } from '@sme/event-store';
import { toKafkaCloudEvent } from '../cloudevents';

/**
 * One batch of the relay: its events in log order and their CloudEvents messages grouped per topic,
 * sent with one `sendBatch` and checkpointed at its last event. `bytes` counts keys, values and
 * headers, for the batch's size limit.
 */
export class RelayBatch {
  readonly events: RecordedEvent[] = [];
  private readonly byTopic = new Map<string, Message[]>();
  messages = 0;
  bytes = 0;

  constructor(private readonly topicPrefix: string) {}

  add(event: RecordedEvent): void {
    this.events.push(event);
    const message = toKafkaCloudEvent(event, this.topicPrefix);
    if (!message) return;
    let list = this.byTopic.get(message.topic);
    if (!list) {
      list = [];
      this.byTopic.set(message.topic, list);
    }
    const { key, value, headers } = message;
    list.push({ key, value, headers });
    this.messages += 1;
    let bytes = Buffer.byteLength(key) + Buffer.byteLength(value);
    for (const name in headers) bytes += name.length + Buffer.byteLength(headers[name]);
    this.bytes += bytes;
  }

  topicMessages(): TopicMessages[] {
    return [...this.byTopic].map(([topic, messages]) => ({ topic, messages }));
  }
}
