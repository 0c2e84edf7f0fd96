import { deepFreeze } from '../deep-freeze';
import type { Snapshot, SnapshotStore } from './snapshot-store';

/** How long a record's state is used after a command left it, as the ledger's processes hold it. */
export const RECENT_STATE_TTL_MS = 60_000;

export interface RecentStatesOptions {
  /** How many records' states are held at most; the least recently used go first. */
  capacity: number;
  /** How long a state is used after it was kept, in milliseconds. */
  ttlMs: number;
  /** The clock (milliseconds); Date.now unless a test sets it. */
  now?: () => number;
}

interface Held {
  snapshot: Snapshot;
  keptAt: number;
}

/**
 * The states the last commands left, held in this process's memory in front of the snapshot store
 * beneath: the next command on the record, or a read of it, folds only what was appended since (most
 * often nothing: one look at the stream's last revision and hash to check that), instead of the whole stream or
 * everything since the last snapshot on disk.
 *
 * A held state is handed out as it is to every reader, so it is frozen. Holding folded state, it holds
 * personal data in the clear: an erasure in this process forgets it at once (`forget`); one carried out
 * by another process sharing the stores reaches it at the latest when it expires (`ttlMs`).
 */
export class RecentStates implements SnapshotStore {
  private readonly held = new Map<string, Held>();
  private readonly now: () => number;

  constructor(
    private readonly beneath: SnapshotStore,
    private readonly options: RecentStatesOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async load<State>(streamId: string, version: string): Promise<Snapshot<State> | undefined> {
    const found = this.held.get(streamId);
    if (found) {
      this.held.delete(streamId);
      if (found.snapshot.version === version && this.now() - found.keptAt <= this.options.ttlMs) {
        this.held.set(streamId, found);
        return found.snapshot as Snapshot<State>;
      }
    }
    return this.beneath.load<State>(streamId, version);
  }

  /** Kept beneath, and held here as the newest state. */
  async save(snapshot: Snapshot): Promise<void> {
    await this.beneath.save(snapshot);
    await this.remember({ ...snapshot, keptRevision: snapshot.revision });
  }

  async remember(snapshot: Snapshot): Promise<void> {
    if (this.options.capacity <= 0) return;
    this.held.delete(snapshot.streamId);
    this.held.set(snapshot.streamId, { snapshot: deepFreeze(snapshot), keptAt: this.now() });
    if (this.held.size > this.options.capacity) {
      const oldest = this.held.keys().next().value as string;
      this.held.delete(oldest);
    }
  }

  async forget(streamIds: readonly string[]): Promise<void> {
    for (const streamId of streamIds) this.held.delete(streamId);
    await this.beneath.forget(streamIds);
  }

  /** How many states are held now. */
  get size(): number {
    return this.held.size;
  }

  async close(): Promise<void> {
    this.held.clear();
    await this.beneath.close();
  }
}
