export * from './relay';
export * from './relay-config';
export * from './relay-lag';
export * from './kafka-transport';
export * from './relay-batch';
export * from './relay-shard';
export * from './partitioner';
