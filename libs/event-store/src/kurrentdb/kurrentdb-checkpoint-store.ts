import { BACKWARDS, END, jsonEvent, StreamNotFoundError, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { CheckpointStore } from '../event-store.port';
import { CHECKPOINT_STREAM_PREFIX } from './kurrentdb-mapping';

export const CHECKPOINT_EVENT_TYPE = 'CheckpointStored';

export function checkpointStreamOf(subscriberName: string): string {
  return `${CHECKPOINT_STREAM_PREFIX}${subscriberName}`;
}

/**
 * One stream per subscriber (`checkpoint-<name>`), the latest event holding the position as a decimal
 * string. The stream's $maxCount lets the server scavenge old checkpoints. These streams are excluded from
 * the ledger's $all view (see CHECKPOINT_STREAM_PREFIX).
 */
export class KurrentDbCheckpointStore implements CheckpointStore {
  private readonly trimmed = new Set<string>();

  constructor(
    private readonly client: KurrentDBClient,
    private readonly keepLast = 10,
  ) {}

  async load(subscriberName: string): Promise<bigint | undefined> {
    try {
      const reader = this.client.readStream(checkpointStreamOf(subscriberName), {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      });
      for await (const resolved of reader) {
        const data = resolved.event?.data as { position?: unknown } | undefined;
        if (typeof data?.position === 'string') return BigInt(data.position);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
    return undefined;
  }

  async store(subscriberName: string, position: bigint): Promise<void> {
    const stream = checkpointStreamOf(subscriberName);
    if (!this.trimmed.has(stream)) {
      await this.client.setStreamMetadata(stream, { maxCount: this.keepLast });
      this.trimmed.add(stream);
    }
    await this.client.appendToStream(
      stream,
      jsonEvent({ type: CHECKPOINT_EVENT_TYPE, data: { position: position.toString(10), storedAt: new Date().toISOString() } }),
    );
  }
}
