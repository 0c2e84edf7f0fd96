export * from './event-store.port';
export { canonicalJson } from './canonical-json';
export { newEventId } from './event-id';
export { deepFreeze } from './deep-freeze';
export {
  computeEventHash,
  verifyAll,
  verifyChain,
  ChainVerifier,
  CHAIN_HASH_ALGORITHMS,
  type BrokenLink,
  type ChainHashAlgorithm,
  type ChainProblem,
  type ChainVerification,
  type HashableEvent,
  type VerifyAllOptions,
} from './hash-chain';
export {
  checkpointStatement,
  GlobalChain,
  merkleRoot,
  verifyCheckpoints,
  type ChainState,
  type CheckpointCheck,
  type CheckpointProblem,
  type SignedCheckpoint,
} from './global-chain';
export { batchReader, consumeInBatches } from './batch-reader';
export { BackgroundLoop } from './background-loop';
export { Pause } from './pause';
export { closeOnSignal, consoleLogger, runMain, silentLogger, type LoopLogger } from './process-lifecycle';
export { handleCommand, inTurn, type HandleCommandOptions, type HandleCommandResult } from './handle-command';
export {
  loadAggregate,
  defaultUpcast,
  foldRecorded,
  type Evolver,
  type LoadAggregateOptions,
  type LoadedAggregate,
  type Upcaster,
} from './load-aggregate';
export { openErasableDatabase, openSqliteDatabase, WAL_CHECKPOINT_PAGES, type SqliteDatabase, type OpenSqliteDatabaseOptions } from './sqlite/open-sqlite-database';
export { backgroundCheckpoints, BACKGROUND_CHECKPOINT_MS, FALLBACK_CHECKPOINT_PAGES } from './sqlite/background-checkpoints';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { SqliteCheckpointStore } from './sqlite/sqlite-checkpoint-store';
export { createEventStore } from './create-event-store';
export { checkpointStoreFor } from './checkpoint-store-for';
export { ReactionRunner, reactionCheckpointName, type Reaction, type ReactorLogger, type ReactorOptions } from './reactor/reactor';
export * from './personal-data/field-cipher';
export * from './personal-data/data-keys';
export * from './personal-data/sqlite-data-keys';
export * from './personal-data/protected-event-store';
export * from './ledger-verifier';
export * from './snapshots/snapshot-store';
export { SqliteSnapshotStore } from './snapshots/sqlite-snapshot-store';
export { RECENT_STATE_TTL_MS, RecentStates, type RecentStatesOptions } from './snapshots/recent-states';
export { codeVersionOf } from './snapshots/code-version';
export { foldStream, keepSnapshot, type FoldedStream } from './snapshots/snapshot-fold';
export { readStreamAfter } from './read-stream-after';
export { eventsWithPrefix } from './events-with-prefix';
