/**
 * A record's decider state as folded up to one revision, kept so that a command or a read folds only
 * the events after it. A snapshot is a cache of a fold of immutable events: it is only ever used by
 * code of the same `version` (a changed decider ignores older ones) and can always be rebuilt.
 */
export interface Snapshot<State = unknown> {
  streamId: string;
  /** The code version of the decider that folded it (see `codeVersionOf`). */
  version: string;
  /** The revision of the last event folded into `state`, and that event's hash: a snapshot is used only while the stream still holds that event there. */
  revision: bigint;
  lastHash: string;
  /** Business times of the record's first event and of the last one folded: what the back-dating rule needs. */
  firstOccurredAt: string;
  lastOccurredAt: string;
  state: State;
  /**
   * A state only held in memory (`remember`): the revision of the stream's newest snapshot in the
   * store beneath, -1n when it has none. Absent on a snapshot kept in a store: its own revision.
   */
  keptRevision?: bigint;
}

/** Where snapshots are kept. Holding folded state, they hold personal data in the clear: an erasure forgets them. */
export interface SnapshotStore {
  /** The newest snapshot of a stream taken by code of `version`; undefined when there is none. */
  load<State>(streamId: string, version: string): Promise<Snapshot<State> | undefined>;
  /** Keeps `snapshot` in place of the stream's earlier one. */
  save(snapshot: Snapshot): Promise<void>;
  /**
   * Holds a state that is not due to be kept yet (fewer than `every` events since the last kept
   * one) where that is cheap, in memory; a store without such a place ignores it.
   */
  remember?(snapshot: Snapshot): Promise<void>;
  /** Drops every snapshot of these streams (an erasure, or a record refolded for any reason). */
  forget(streamIds: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** Injection token of the process's SnapshotPolicy. */
export const SNAPSHOTS = Symbol('SNAPSHOTS');

/** How the command path uses snapshots: of which code version, taken every how many events. */
export interface SnapshotPolicy {
  store: SnapshotStore;
  version: string;
  /** A new snapshot is taken once this many events have been folded since the last one; 0 neither keeps nor uses any. */
  every: number;
  /** A snapshot that could not be kept: the command it followed has succeeded, so this is only reported. */
  onError?: (error: unknown, streamId: string) => void;
}

/** The snapshot store of tests and of a process that keeps none on disk. */
export class InMemorySnapshotStore implements SnapshotStore {
  private readonly kept = new Map<string, Snapshot>();

  async load<State>(streamId: string, version: string): Promise<Snapshot<State> | undefined> {
    const found = this.kept.get(streamId);
    return found?.version === version ? (structuredClone(found) as Snapshot<State>) : undefined;
  }

  async save(snapshot: Snapshot): Promise<void> {
    this.kept.set(snapshot.streamId, structuredClone(snapshot));
  }

  async forget(streamIds: readonly string[]): Promise<void> {
    for (const streamId of streamIds) this.kept.delete(streamId);
  }

  async close(): Promise<void> {
    this.kept.clear();
  }
}
