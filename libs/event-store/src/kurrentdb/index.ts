// A separate entry point (`@sme/event-store/kurrentdb`), so that code using only the embedded store does
// not load the KurrentDB client and its native bridge.
export { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb-event-store';
export { KurrentDbCheckpointStore, CHECKPOINT_EVENT_TYPE, checkpointStreamOf } from './kurrentdb-checkpoint-store';
export {
  CHECKPOINT_STREAM_PREFIX,
  KurrentPositionError,
  fromKurrentPosition,
  isLedgerRecord,
  toKurrentPosition,
} from './kurrentdb-mapping';
