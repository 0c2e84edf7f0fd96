import type { Message, TopicMessages } from 'kafkajs';
import type { RecordedEvent } from '@sme/event-store';
import { toKafkaCloudEvent } from '../cloudevents';

/**
 * One batch of the relay: its events in log order and the CloudEvents messages of those it sends
 * (catalogued streams of its shard) grouped per topic, sent with one `sendBatch` and checkpointed at
 * its last event, or further where it `cover`s more. `bytes` counts keys, values and headers, for the
 * batch's size limit.
 */
export class RelayBatch {
  readonly events: RecordedEvent[] = [];
  private readonly byTopic = new Map<string, Message[]>();
  messages = 0;
  bytes = 0;
  private covered = 0n;

  /** `owns`: whether a stream's events are this relay's to send (all, without it: see RelayShard). */
  constructor(
    private readonly topicPrefix: string,
    private readonly owns?: (streamId: string) => boolean,
  ) {}

  add(event: RecordedEvent): void {
    this.events.push(event);
    if (this.owns && !this.owns(event.streamId)) return;
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

  /**
   * The batch also covers the log up to `position`: every event of this relay's streams up to it is in
   * this batch or an earlier one (a filtered subscription read past the others': Subscription.readUpTo).
   */
  cover(position: bigint): void {
    if (position > this.covered) this.covered = position;
  }

  /** The position its checkpoint is stored at: its last event's, or further where it covers more. */
  get through(): bigint {
    const last = this.events.length > 0 ? this.events[this.events.length - 1].position : 0n;
    return last > this.covered ? last : this.covered;
  }

  topicMessages(): TopicMessages[] {
    return [...this.byTopic].map(([topic, messages]) => ({ topic, messages }));
  }
}
