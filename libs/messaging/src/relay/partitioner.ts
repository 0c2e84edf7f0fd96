import { Partitioners, type ICustomPartitioner, type PartitionMetadata } from 'kafkajs';

/** Keys remembered per partition count before the memory is cleared and filled again. */
const REMEMBERED_KEYS = 100_000;

/**
 * kafkajs's `DefaultPartitioner` (the Java client's: murmur2 of the key, modulo the partition count)
 * remembering each key's partition per partition count. The hash is computed in 64-bit arithmetic of
 * kafkajs's own and costs about as much as encoding the message; a record's events share their key, so
 * a backlog hashes each key once. Messages with an explicit partition or without a key go straight to
 * kafkajs's partitioner.
 */
export const RememberingDefaultPartitioner: ICustomPartitioner = () => {
  const partitioner = Partitioners.DefaultPartitioner();
  const byCount = new Map<number, Map<string, number>>();
  return (args) => {
    const { key, partition } = args.message;
    if ((partition !== undefined && partition !== null) || typeof key !== 'string') return partitioner(args);
    const count = args.partitionMetadata.length;
    let remembered = byCount.get(count);
    if (!remembered) {
      remembered = new Map();
      byCount.set(count, remembered);
    }
    let chosen = remembered.get(key);
    if (chosen === undefined) {
      chosen = partitioner(args);
      if (remembered.size >= REMEMBERED_KEYS) remembered.clear();
      remembered.set(key, chosen);
    }
    return chosen;
  };
};

/** The metadata of `count` partitions 0…count−1, all led by one broker: enough for a partitioner to choose among them. */
export function partitionsOf(count: number): PartitionMetadata[] {
  return Array.from({ length: count }, (_, partitionId) => ({ partitionId, leader: 0, partitionErrorCode: 0, replicas: [0], isr: [0] }));
}
