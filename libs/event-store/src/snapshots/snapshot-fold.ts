import type { EventStore, RecordedEvent } from '../event-store.port';
import { foldRecorded, type Evolver, type Upcaster } from '../load-aggregate';
import { readStreamAfter } from '../read-stream-after';
import type { SnapshotPolicy } from './snapshot-store';

/** A stream folded to its newest event, from a snapshot where there was one. */
export interface FoldedStream<State> {
  state: State;
  /** The revision of the last event folded; -1n when the stream has none. */
  revision: bigint;
  /** The last event folded; undefined when the stream is empty. */
  last?: { revision: bigint; hash: string; occurredAt: string };
  /** The business time of the record's first event. */
  firstOccurredAt?: string;
  /** Every event of the stream, when it was read whole (no snapshot used). */
  history?: RecordedEvent[];
  /** The revision of the stream's newest snapshot kept in the store (whether or not the fold started from a state held in memory); -1n when none. */
  snapshotRevision: bigint;
}

/**
 * Folds a stream with one read: from its snapshot when the policy has one of this code version whose
 * last event the stream still holds at its revision (only the events after it are read, `readStreamAfter`),
 * else from the start. A snapshot that does not match the stream is forgotten.
 */
export async function foldStream<State, Ev>(
  store: EventStore,
  streamId: string,
  decider: Evolver<State, Ev>,
  upcast: Upcaster<Ev>,
  snapshots?: SnapshotPolicy,
): Promise<FoldedStream<State>> {
  const snapshot = snapshots && snapshots.every > 0 ? await snapshots.store.load<State>(streamId, snapshots.version) : undefined;
  if (snapshot) {
    const tail = await readStreamAfter(store, streamId, { revision: snapshot.revision, hash: snapshot.lastHash });
    if (tail) {
      const newest = tail.length > 0 ? tail[tail.length - 1] : undefined;
      return {
        state: foldRecorded(decider, snapshot.state, tail, upcast),
        revision: newest ? newest.revision : snapshot.revision,
        last: newest
          ? { revision: newest.revision, hash: newest.hash, occurredAt: newest.metadata.occurredAt }
          : { revision: snapshot.revision, hash: snapshot.lastHash, occurredAt: snapshot.lastOccurredAt },
        firstOccurredAt: snapshot.firstOccurredAt,
        snapshotRevision: snapshot.keptRevision ?? snapshot.revision,
      };
    }
    await snapshots!.store.forget([streamId]);
  }
  const history = await store.readStream(streamId);
  const last = history.length > 0 ? history[history.length - 1] : undefined;
  return {
    state: foldRecorded(decider, decider.initialState(), history, upcast),
    revision: last ? last.revision : -1n,
    ...(last ? { last: { revision: last.revision, hash: last.hash, occurredAt: last.metadata.occurredAt } } : {}),
    ...(history.length > 0 ? { firstOccurredAt: history[0].metadata.occurredAt } : {}),
    history,
    snapshotRevision: -1n,
  };
}

/**
 * Keeps a snapshot of `state` (folded to `last`) when at least `every` events were folded since the
 * stream's newest kept snapshot; otherwise the store may hold it in memory (`remember`). A failure is
 * reported, never thrown: the work it follows is done.
 */
export async function keepSnapshot<State>(
  snapshots: SnapshotPolicy | undefined,
  streamId: string,
  folded: { state: State; last?: FoldedStream<State>['last']; firstOccurredAt?: string; snapshotRevision: bigint },
): Promise<void> {
  const { state, last, firstOccurredAt, snapshotRevision } = folded;
  if (!snapshots || snapshots.every <= 0 || !last || firstOccurredAt === undefined) return;
  const snapshot = { streamId, version: snapshots.version, revision: last.revision, lastHash: last.hash, firstOccurredAt, lastOccurredAt: last.occurredAt, state };
  try {
    if (last.revision - snapshotRevision >= BigInt(snapshots.every)) await snapshots.store.save(snapshot);
    else await snapshots.store.remember?.({ ...snapshot, keptRevision: snapshotRevision });
  } catch (error) {
    snapshots.onError?.(error, streamId);
  }
}
