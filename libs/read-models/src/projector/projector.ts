/* Why this file is long: one projector; its live loop, its targets read from the registry and the checkpoints it stores share their state. */
import { BackgroundLoop, consumeInBatches, silentLogger, type EventStore, type LoopLogger, type RecordedEvent, type Subscription } from '@sme/event-store';
import type { DocumentStore, StoredDocument } from '../document-store/document-store.port';
import { applyOnce, documentIdOf, type Projection } from './projection';
import { ProjectionRegistry, collectionName } from './projection-registry';

export type ProjectorLogger = LoopLogger;

export interface ProjectorOptions {
  /** Most events applied per batch (one read of the touched documents, one bulk write, one checkpoint). */
  batchSize?: number;
  logger?: ProjectorLogger;
  /**
   * Project into these collections instead of the registry's active ones (used by rebuilds, which
   * fill a new collection while the active one keeps serving).
   */
  fixedCollections?: Readonly<Record<string, string>>;
  /** Pause after a failed batch before retrying it. */
  retryDelayMs?: number;
  /**
   * Told each time a collection has applied a position: its documents are stored, and so is its
   * checkpoint, or it will be within `quietCheckpointMs` (read-your-writes in this process waits on it).
   */
  onCheckpoint?: (collection: string, position: number) => void;
  /**
   * A batch that changes none of a collection's documents still moves its checkpoint; that checkpoint is
   * stored with the others so moved, at most this long later, rather than at once. Default 50 ms.
   */
  quietCheckpointMs?: number;
  /**
   * While running live, the registry is read again this often, events or not (has a rebuild here or
   * elsewhere switched a projection to a new collection?). Default 200 ms.
   */
  refreshTargetsMs?: number;
}

/** How long a checkpoint a batch moved without changing a document may wait to be stored. */
export const QUIET_CHECKPOINT_MS = 50;

/** How long the projector works with the targets it read before it reads the registry again. */
export const REFRESH_TARGETS_MS = 200;

interface Target {
  projection: Projection;
  collection: string;
  checkpoint: number;
}


/**
 * Applies events from $all to the projections' documents, batch by batch, from each collection's
 * stored checkpoint. Documents are written before the checkpoint and only when newer than what is
 * stored, so a crash anywhere in a batch and the replay that follows leave every document as if
 * nothing had happened. No transactions are needed (FerretDB has none).
 */
export class Projector {
  readonly registry: ProjectionRegistry;
  private readonly batchSize: number;
  private readonly logger: ProjectorLogger;
  private targets: Target[] = [];
  private readonly background = new BackgroundLoop(() => this.run());
  private subscription: Subscription | null = null;
  private consumedUpTo = 0;
  /** Batches and registry reads, one at a time: a target never changes while a batch is applied. */
  private turn: Promise<unknown> = Promise.resolve();
  /** A registry read found a target needing events already consumed: no batch is applied until the subscription restarts. */
  private rewinding = false;
  private refreshTimer: NodeJS.Timeout | null = null;
  /** Checkpoints moved by batches that changed none of their collection's documents, not yet stored. */
  private readonly quiet = new Map<string, number>();
  private quietTimer: NodeJS.Timeout | null = null;
  private storingQuiet: Promise<void> = Promise.resolve();

  constructor(
    private readonly events: EventStore,
    private readonly docs: DocumentStore,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectorOptions = {},
  ) {
    this.registry = new ProjectionRegistry(docs);
    this.batchSize = options.batchSize ?? 500;
    this.logger = options.logger ?? silentLogger;
  }

  /**
   * Gives every projection without a collection its first one. Returns the projections whose active
   * collection was built by another code version: they need a rebuild and are not projected live.
   */
  async prepare(now = new Date()): Promise<Projection[]> {
    const stale: Projection[] = [];
    for (const projection of this.projections) {
      if (this.options.fixedCollections) continue;
      const entry = await this.registry.active(projection.name);
      if (!entry) {
        const collection = collectionName(projection, 1);
        await this.docs.collection(collection).ensureIndexes(projection.indexes);
        await this.registry.switchTo(projection, 1, collection, now);
      } else if (entry.version !== projection.version) {
        stale.push(projection);
      } else {
        // Indexes a query added since the collection was built (creating them again is a no-op).
        await this.docs.collection(entry.collection).ensureIndexes(projection.indexes);
      }
    }
    await this.refreshTargets();
    return stale;
  }

  /** Applies everything up to the log's head, then returns (no live subscription) with every checkpoint stored. */
  async catchUp(): Promise<void> {
    await this.inTurn(() => this.refreshTargets());
    for (;;) {
      const from = this.lowestCheckpoint();
      if (from === null) break;
      const page = await this.events.readAll({ after: BigInt(from), maxCount: this.batchSize });
      if (page.length === 0) break;
      await this.inTurn(() => this.applyBatch(page));
    }
    await this.storeQuietCheckpoints();
  }

  /** Runs live: catch-up subscription from the lowest checkpoint, re-subscribing when a rebuild moves a target. */
  start(): void {
    this.background.start();
    this.refreshTimer ??= setInterval(() => void this.refresh(), this.options.refreshTargetsMs ?? REFRESH_TARGETS_MS);
    this.refreshTimer.unref();
  }

  /** Stops the live run and stores the checkpoints still waiting. */
  async stop(): Promise<void> {
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    this.refreshTimer = null;
    await this.background.stop(() => this.subscription?.stop());
    await this.storeQuietCheckpoints();
  }

  /** The position this projector has applied to a collection (its documents stored); undefined when it does not write it. */
  applied(collection: string): number | undefined {
    return this.targets.find((t) => t.collection === collection)?.checkpoint;
  }

  /** Current targets: projection name → collection and checkpoint. */
  snapshot(): { name: string; collection: string; checkpoint: number }[] {
    return this.targets.map((t) => ({ name: t.projection.name, collection: t.collection, checkpoint: t.checkpoint }));
  }

  private async run(): Promise<void> {
    while (this.background.running) {
      try {
        await this.inTurn(async () => {
          await this.refreshTargets();
          this.rewinding = false;
        });
        const from = this.lowestCheckpoint();
        if (from === null) {
          await sleep(200);
          continue;
        }
        this.consumedUpTo = from;
        this.subscription = this.events.subscribeToAll({ after: BigInt(from) });
        await this.consume(this.subscription);
      } catch (error) {
        this.logger.error(`Projector batch failed, retrying: ${error instanceof Error ? error.message : String(error)}`);
        await sleep(this.options.retryDelayMs ?? 1000);
      } finally {
        await this.subscription?.stop();
        this.subscription = null;
      }
    }
  }

  /** Pulls events into batches: as many as arrive without waiting, up to batchSize. */
  private consume(subscription: Subscription): Promise<void> {
    return consumeInBatches(subscription, this.batchSize, () => this.background.running, (batch) =>
      this.inTurn(async () => {
        // A batch read before the subscription was told to restart would skip, for the new target, the events it lacks.
        if (this.rewinding) return 'stop';
        await this.applyBatch(batch);
        this.consumedUpTo = Number(batch[batch.length - 1].position);
      }),
    );
  }

  /**
   * Looks at the registry now (a rebuild here or in another process may have switched a projection to
   * a collection behind us), between two batches, never during one; a target that needs events already
   * consumed restarts the live subscription from it. The live run does so every refreshTargetsMs; a
   * rebuild in this process calls it once it has switched. Never throws: a failed read is logged.
   */
  async refresh(): Promise<void> {
    if (!this.background.running) return;
    try {
      await this.inTurn(async () => {
        if (await this.refreshTargets()) this.rewinding = true;
      });
      if (this.rewinding) await this.subscription?.stop();
    } catch (error) {
      this.logger.error(`Reading the projections' registry failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const result = this.turn.catch(() => undefined).then(work);
    this.turn = result;
    return result;
  }

  /** Re-reads the registry. True when some target now needs events we have already consumed. */
  private async refreshTargets(): Promise<boolean> {
    const next: Target[] = [];
    let rewind = false;
    // The registry read once (a few dozen entries), not once per projection.
    const active = this.options.fixedCollections ? undefined : new Map((await this.registry.all()).map((entry) => [entry._id, entry]));
    for (const projection of this.projections) {
      const entry = active?.get(projection.name);
      const collection = this.options.fixedCollections
        ? this.options.fixedCollections[projection.name]
        : entry && entry.version === projection.version
          ? entry.collection
          : undefined;
      if (!collection) continue;
      const known = this.targets.find((t) => t.projection === projection && t.collection === collection);
      const checkpoint = known ? known.checkpoint : await this.registry.checkpoint(collection);
      if (!known && this.targets.length > 0) {
        this.logger.log(`Projection ${projection.name} now writes to ${collection} (from position ${checkpoint})`);
      }
      if (checkpoint < this.consumedUpTo) rewind = true;
      next.push(known ?? { projection, collection, checkpoint });
    }
    this.targets = next;
    return rewind;
  }

  private lowestCheckpoint(): number | null {
    return this.targets.length === 0 ? null : Math.min(...this.targets.map((t) => t.checkpoint));
  }

  /**
   * Applies a batch to every target, then stores in one write the checkpoints of the targets whose
   * documents it changed. The others' are stored together a little later (`quietCheckpointMs`): most
   * events concern one or two of the projections, and every batch would otherwise rewrite them all.
   */
  private async applyBatch(batch: readonly RecordedEvent[]): Promise<void> {
    const moved: Target[] = [];
    const changed: Target[] = [];
    for (const target of this.targets) {
      const fresh = batch.filter((event) => Number(event.position) > target.checkpoint);
      if (fresh.length === 0) continue;
      if (await this.applyTo(target, fresh)) changed.push(target);
      moved.push(target);
    }
    const last = Number(batch[batch.length - 1].position);
    await this.registry.saveCheckpoints(changed.map((target) => ({ collection: target.collection, position: last })));
    for (const target of moved) {
      target.checkpoint = last;
      if (changed.includes(target)) this.quiet.delete(target.collection);
      else this.quiet.set(target.collection, last);
      this.options.onCheckpoint?.(target.collection, last);
    }
    if (this.quiet.size > 0) this.storeQuietSoon();
  }

  private storeQuietSoon(): void {
    if (this.quietTimer) return;
    this.quietTimer = setTimeout(() => {
      this.quietTimer = null;
      this.storeQuietCheckpoints().catch((error: unknown) => {
        this.logger.error(`Storing checkpoints failed, retrying: ${error instanceof Error ? error.message : String(error)}`);
        this.storeQuietSoon();
      });
    }, this.options.quietCheckpointMs ?? QUIET_CHECKPOINT_MS);
    this.quietTimer.unref();
  }

  /** Stores the checkpoints waiting, in one write (one at a time: a write never overtakes the one before). */
  private storeQuietCheckpoints(): Promise<void> {
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = null;
    const storing = this.storingQuiet.catch(() => undefined).then(async () => {
      const waiting = [...this.quiet].map(([collection, position]) => ({ collection, position }));
      if (waiting.length === 0) return;
      await this.registry.saveCheckpoints(waiting);
      // What a batch moved meanwhile stays waiting.
      for (const { collection, position } of waiting) if (this.quiet.get(collection) === position) this.quiet.delete(collection);
    });
    this.storingQuiet = storing;
    return storing;
  }

  /** True when the batch changed a document of the target's collection. */
  private async applyTo(target: Target, events: readonly RecordedEvent[]): Promise<boolean> {
    const byId = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      const id = documentIdOf(target.projection, event);
      if (id === undefined) continue;
      const list = byId.get(id);
      if (list) list.push(event);
      else byId.set(id, [event]);
    }
    if (byId.size === 0) return false;
    const collection = this.docs.collection<StoredDocument>(target.collection);
    const stored = await collection.find({ _id: { $in: [...byId.keys()] } });
    const current = new Map(stored.map((doc) => [doc._id, doc]));
    const changed: StoredDocument[] = [];
    for (const [id, recordEvents] of byId) {
      let doc = current.get(id);
      let touched = false;
      for (const event of recordEvents) {
        const next = applyOnce(target.projection, doc, event);
        if (next !== doc) {
          doc = next;
          touched = true;
        }
      }
      if (touched && doc) changed.push(doc);
    }
    if (changed.length === 0) return false;
    // The positions just read: the store need not read them again before it writes.
    await collection.putManyIfNewer(changed, new Map(stored.map((doc) => [doc._id, doc._position])));
    return true;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
