import type { ProducerBatch, RecordMetadata } from 'kafkajs';
import type { RelayProducer, RelayTransport } from '../relay';

export interface SentMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/**
 * Producers that record what the broker would have acknowledged. `failNextSends(n)` makes the next n
 * sendBatch calls fail (nothing of them is acknowledged); `failNextConnects(n)` does the same for
 * connect().
 */
export class FakeTransport implements RelayTransport {
  /** Every sendBatch call in order, failed ones included. */
  readonly attempts: { producer: number; batch: ProducerBatch; ok: boolean }[] = [];
  /** What the broker acknowledged, in order. */
  readonly acknowledged: SentMessage[] = [];
  producersCreated = 0;
  topicsEnsured = 0;
  private sendFailures = 0;
  private connectFailures = 0;
  private topicFailures = 0;
  /** Resolved when a send is attempted; lets a test hold a send open. */
  sendGate: Promise<void> | null = null;

  failNextSends(n: number): void {
    this.sendFailures += n;
  }

  failNextConnects(n: number): void {
    this.connectFailures += n;
  }

  failNextTopicChecks(n: number): void {
    this.topicFailures += n;
  }

  async ensureTopics(): Promise<void> {
    if (this.topicFailures > 0) {
      this.topicFailures -= 1;
      throw new Error('broker unreachable (topics)');
    }
    this.topicsEnsured += 1;
  }

  createProducer(): RelayProducer {
    const id = ++this.producersCreated;
    let connected = false;
    return {
      connect: async () => {
        if (this.connectFailures > 0) {
          this.connectFailures -= 1;
          throw new Error('broker unreachable (connect)');
        }
        connected = true;
      },
      disconnect: async () => {
        connected = false;
      },
      sendBatch: async (batch: ProducerBatch): Promise<RecordMetadata[]> => {
        if (!connected) throw new Error('producer not connected');
        if (this.sendGate) await this.sendGate;
        if (this.sendFailures > 0) {
          this.sendFailures -= 1;
          this.attempts.push({ producer: id, batch, ok: false });
          throw new Error('broker unreachable (send)');
        }
        this.attempts.push({ producer: id, batch, ok: true });
        for (const { topic, messages } of batch.topicMessages ?? []) {
          for (const m of messages) {
            this.acknowledged.push({ topic, key: String(m.key), value: String(m.value), headers: m.headers as Record<string, string> });
          }
        }
        return [];
      },
    };
  }

  /** Event ids of the messages of one sendBatch call. */
  static idsOf(batch: ProducerBatch): string[] {
    return (batch.topicMessages ?? []).flatMap((t) => t.messages.map((m) => String((m.headers as Record<string, string>).ce_id)));
  }
}
