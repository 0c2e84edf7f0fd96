import type { StreamAnchor } from '../event-store.port';
import type { SqliteDatabase } from './open-sqlite-database';

/** How many streams' tails a store remembers; the least recently used go first. */
export const TAILS_KEPT = 10_000;

/**
 * The last event (revision and hash) of the streams one connection has written or looked at, and the
 * log's head, kept as long as no other connection has written the file: SQLite's `data_version` tells
 * (it changes with every commit made by another connection, never with this one's). Then a fold from a
 * held state, or an append, asks the file nothing but that number. Every store on the connection shares
 * one (`knownTailsOf`), so that each sees what the others append.
 *
 * `check()` first, then `tail` and `head` answer for the file as it was at the check.
 */
export class KnownTails {
  private readonly tails = new Map<string, StreamAnchor>();
  private knownHead: bigint | undefined;
  private version: number | bigint | undefined;

  constructor(
    /** The connection's `PRAGMA data_version`. */
    private readonly dataVersion: () => number | bigint,
    private readonly capacity = TAILS_KEPT,
  ) {}

  /** Forgets everything if another connection has written the file since the last check. */
  check(): void {
    const version = this.dataVersion();
    if (version === this.version) return;
    this.tails.clear();
    this.knownHead = undefined;
    this.version = version;
  }

  /** The stream's last event, if known. */
  tail(streamId: string): StreamAnchor | undefined {
    const tail = this.tails.get(streamId);
    if (tail !== undefined) {
      this.tails.delete(streamId);
      this.tails.set(streamId, tail);
    }
    return tail;
  }

  /** The log's last position, if known. */
  get head(): bigint | undefined {
    return this.knownHead;
  }

  /**
   * The stream's last event as this connection has just read or written it. Nothing learnt before the
   * first `check` is kept: nothing yet says what other connections did before it.
   */
  set(streamId: string, tail: StreamAnchor): void {
    if (this.version === undefined || this.capacity <= 0) return;
    this.tails.delete(streamId);
    this.tails.set(streamId, { revision: tail.revision, hash: tail.hash });
    if (this.tails.size > this.capacity) this.tails.delete(this.tails.keys().next().value as string);
  }

  /** The log's last position as this connection has just read or written it. */
  setHead(position: bigint): void {
    if (this.version !== undefined) this.knownHead = position;
  }
}

const byConnection = new WeakMap<SqliteDatabase, KnownTails>();

/** The tails known on this connection, shared by every store that writes through it. */
export function knownTailsOf(db: SqliteDatabase): KnownTails {
  let tails = byConnection.get(db);
  if (tails === undefined) {
    const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    tails = new KnownTails(() => dataVersion.get()!);
    byConnection.set(db, tails);
  }
  return tails;
}
