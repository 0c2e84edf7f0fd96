import { randomUUID } from 'node:crypto';
import { Partitioners, type PartitionerArgs } from 'kafkajs';
import { partitionsOf, RememberingDefaultPartitioner } from './partitioner';

function args(key: string | null, count: number, partition?: number): PartitionerArgs {
  return { topic: 'sme.applications.v1', partitionMetadata: partitionsOf(count), message: { key, value: '{}', ...(partition === undefined ? {} : { partition }) } };
}

describe('RememberingDefaultPartitioner', () => {
  it("chooses kafkajs's (the Java client's) partition for every key and partition count, also when it answers from memory", () => {
    const remembering = RememberingDefaultPartitioner();
    const reference = Partitioners.DefaultPartitioner();
    const keys = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? `application-${randomUUID()}` : `station-${randomUUID()}`));
    for (const round of [1, 2]) {
      for (const count of [1, 6, 7, 12]) {
        for (const key of keys) {
          expect({ round, count, key, partition: remembering(args(key, count)) }).toEqual({ round, count, key, partition: reference(args(key, count)) });
        }
      }
    }
  });

  it('keeps an explicit partition', () => {
    const partitioner = RememberingDefaultPartitioner();
    const hashed = partitioner(args('station-1', 6));
    const explicit = (hashed + 1) % 6;
    expect(partitioner(args('station-1', 6, explicit))).toBe(explicit);
  });
});
