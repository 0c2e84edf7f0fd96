import { partitionsOf, RememberingDefaultPartitioner } from './partitioner';

/**
 * One of several relays sharing the log: shard `index` (1-based) of `count`. Each relay reads the whole
 * log and publishes the records whose key falls in its shard; together they publish every record once.
 */
export interface RelayShard {
  index: number;
  count: number;
}

/**
 * Which shard (1-based) of `count` a key falls in: the partition the Java client's murmur2
 * partitioner would choose among `count` partitions, plus one. When `count` divides a topic's
 * partition count, a key's shard is its partition modulo `count`, so every partition has one writer.
 * Asks the relay's own remembering partitioner, so a record's events hash their key once.
 */
export function shardOfKey(count: number): (key: string) => number {
  if (!Number.isInteger(count) || count < 1) throw new Error(`a shard count must be a positive integer, got ${count}`);
  if (count === 1) return () => 1;
  const partitioner = RememberingDefaultPartitioner();
  const partitionMetadata = partitionsOf(count);
  return (key) => partitioner({ topic: '', partitionMetadata, message: { key, value: null } }) + 1;
}

/** Whether a stream's events are this shard's to publish; every stream's, without a shard. */
export function ownsStream(shard: RelayShard | null | undefined): ((streamId: string) => boolean) | undefined {
  if (!shard || shard.count === 1) return undefined;
  const of = shardOfKey(shard.count);
  return (streamId) => of(streamId) === shard.index;
}

/** `2/3` → shard 2 of 3. Throws, naming the variable, on anything else. */
export function parseRelayShard(raw: string | undefined, variable = 'RELAY_SHARD'): RelayShard | null {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  const match = /^(\d{1,3})\/(\d{1,3})$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new Error(`${variable} must be <shard>/<shards> with 1 ≤ shard ≤ shards (e.g. 1/2), got '${raw}'`);
  }
  return { index, count };
}

/** The checkpoint of one shard: `<name>#<index>/<count>`; the name itself without shards. */
export function shardCheckpointName(checkpointName: string, shard: RelayShard | null | undefined): string {
  return shard && shard.count > 1 ? `${checkpointName}#${shard.index}/${shard.count}` : checkpointName;
}

/** The checkpoints of all `count` shards of a relay (one name when `count` is 1). */
export function shardCheckpointNames(checkpointName: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shardCheckpointName(checkpointName, { index: i + 1, count }));
}
