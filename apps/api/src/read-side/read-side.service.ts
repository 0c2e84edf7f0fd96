import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@sme/event-store';
import {
  DOCUMENT_STORE,
  SliceReader,
  documentIdOf,
  PROJECTIONS,
  Projector,
  ReadModelReader,
  RecordTimeIndex,
  projectionLag,
  rebuildProjection,
  type DocumentStore,
  type ProjectionLag,
  type TimeSlice,
} from '@sme/read-models';
import type { Actor } from '@sme/domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ApiError } from '../http/api-error';
import { Leadership } from '../infrastructure/leadership';
import { ReadConsistency } from './read-consistency';
import { requireTimeReader } from './read-time';

/** How often an external projector's checkpoint is read while a request waits for it. */
const EXTERNAL_POLL_MS = 25;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const readModelBehind = (projection: string) =>
  ApiError.of(
    503,
    'READ_MODEL_BEHIND',
    `读模型 ${projection} 尚未同步到所需的事件位置，请稍后重试`,
    `The read model ${projection} has not yet applied the position this read needs; retry shortly`,
    { details: { projection, retryAfterSeconds: 1 } },
  );

/**
 * The read side as the API sees it: the reader over the projections' documents and, unless an
 * external projector runs, the projector itself.
 */
@Injectable()
export class ReadSide implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly reader: ReadModelReader;
  /** The index of dated record states an as-of list reads, extended by the lease holder. */
  readonly recordTimes: RecordTimeIndex;
  private leadsRecordTimes = false;
  private extendingRecordTimes: Promise<void> = Promise.resolve();
  private readonly logger = new Logger('ReadSide');
  private projector: Projector | null = null;
  private catchingUp: Promise<void> = Promise.resolve();
  private rebuilds: Promise<void> = Promise.resolve();
  private readonly waiters = new Set<{ collection: string; position: number; resolve: () => void }>();

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly consistency: ReadConsistency,
    private readonly leadership: Leadership,
  ) {
    this.reader = new ReadModelReader(docs, { beforeRead: (projection, collection) => this.beforeRead(projection, collection) });
    this.recordTimes = new RecordTimeIndex(events, docs);
  }

  /**
   * The projector runs in the process holding the background lease (one writer of the read models, which
   * FerretDB's conditional writes need); the others read the checkpoints it stores.
   */
  async onApplicationBootstrap(): Promise<void> {
    // The index of dated record states is the API's own (an external projector does not keep it): its
    // lease holder extends it, after the projector has caught up, then before each as-of read.
    if (this.config.projector !== 'external') {
      this.consistency.noteWrite(await this.events.headPosition());
      await this.leadership.follow({ start: () => this.startProjector(), stop: () => this.stopProjector() });
    }
    await this.leadership.follow({ start: () => this.startRecordTimes(), stop: () => this.stopRecordTimes() });
  }

  private startRecordTimes(): void {
    this.leadsRecordTimes = true;
    void this.catchingUp.then(() => this.catchUpRecordTimes());
  }

  private async stopRecordTimes(): Promise<void> {
    this.leadsRecordTimes = false;
    await this.extendingRecordTimes;
  }

  /** In the lease holder, extends the stored index to the log's head; elsewhere nothing (a reader adds what it lacks). */
  private catchUpRecordTimes(): Promise<void> {
    if (!this.leadsRecordTimes) return Promise.resolve();
    this.extendingRecordTimes = this.recordTimes.catchUp().then(
      () => undefined,
      (error: unknown) => this.logger.error(`Extending the index of record times failed: ${String(error)}`),
    );
    return this.extendingRecordTimes;
  }

  private async startProjector(): Promise<void> {
    const projector = new Projector(this.events, this.docs, PROJECTIONS, {
      logger: this.logger,
      onCheckpoint: (collection, position) => this.checkpointed(collection, position),
    });
    const stale = await projector.prepare();
    // Serve at once, and catch up behind: a read waits (bounded, then 503) until its projection has
    // applied the log as it stood at start, so a restart never shows older lists — and liveness, writes
    // and the relay do not wait for the read side.
    this.projector = projector;
    this.catchingUp = projector.catchUp().then(
      () => {
        projector.start();
        for (const projection of stale) {
          this.logger.warn(`Projection ${projection.name} changed (v${projection.version}): rebuilding while the old version serves`);
          this.rebuilds = this.rebuilds.then(() =>
            rebuildProjection(this.events, this.docs, projection, { logger: this.logger }).then(
              async (r) => {
                this.logger.log(`Rebuilt ${r.projection} into ${r.collection} from ${r.events} events in ${r.millis} ms`);
                await projector.refresh();
              },
              (error: unknown) => this.logger.error(`Rebuild of ${projection.name} failed: ${String(error)}`),
            ),
          );
        }
      },
      (error: unknown) => this.logger.error(`Catching up the read side failed: ${String(error)}`),
    );
  }

  private async stopProjector(): Promise<void> {
    await this.catchingUp;
    const projector = this.projector;
    this.projector = null;
    await projector?.stop();
    await this.rebuilds;
  }

  /** Resolves once the in-process projector has applied the log as it stood at start. */
  caughtUp(): Promise<void> {
    return this.catchingUp;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stopRecordTimes();
    await this.stopProjector();
  }

  /**
   * The read path's wait: before a projection's collection is read, until it has applied the position
   * the request must see (ReadConsistency.needed). Bounded; past the bound, 503 with Retry-After.
   */
  private async beforeRead(projection: string, collection: string): Promise<void> {
    const needed = this.consistency.needed();
    if (needed === 0n || this.consistency.isConfirmed(collection)) return;
    if (!(await this.reaches(collection, Number(needed), this.config.readWaitMs))) throw readModelBehind(projection);
    this.consistency.confirm(collection);
  }

  /**
   * Waits until the collection has applied `position`. The projector in this process tells what it has
   * applied as it goes (its documents are stored by then; a checkpoint that moved without a document
   * changing is stored a little later); otherwise the stored checkpoint is read, again on a timer.
   */
  private async reaches(collection: string, position: number, timeoutMs: number): Promise<boolean> {
    const reached = async () => (this.projector?.applied(collection) ?? 0) >= position || (await this.reader.registry.checkpoint(collection)) >= position;
    if (await reached()) return true;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const remaining = deadline - Date.now();
      if (this.projector) await this.projectorApplies(collection, position, remaining);
      else await sleep(Math.min(EXTERNAL_POLL_MS, remaining));
      if (await reached()) return true;
    }
    return false;
  }

  private projectorApplies(collection: string, position: number, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const waiter = { collection, position, resolve: () => done() };
      const timer = setTimeout(() => done(), timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve();
      };
      this.waiters.add(waiter);
    });
  }

  private checkpointed(collection: string, position: number): void {
    for (const waiter of this.waiters) if (waiter.collection === collection && waiter.position <= position) waiter.resolve();
  }

  /**
   * For decisions made from a projection (a list published from the approved applications): waits
   * until those projections have applied the whole log as it stands now; else 503.
   */
  async requireCurrent(projections: readonly string[], timeoutMs = 10_000): Promise<void> {
    const head = Number(await this.events.headPosition());
    for (const name of projections) {
      const entry = await this.reader.registry.active(name);
      if (!entry || !(await this.reaches(entry.collection, head, timeoutMs))) throw readModelBehind(name);
    }
  }

  /**
   * Runs a read on the read side now, or (with `when`) as it stood in that time slice — each projection
   * on its first read put into a scratch store from the index of dated record states (the records that
   * may exist in the slice, today's document of those wholly in it, the others folded from their own
   * events) — once `actor` may read the past.
   */
  async at<T>(when: TimeSlice | undefined, actor: Actor | undefined, read: (reader: ReadModelReader) => Promise<T>, rule: { openAsOf?: boolean } = {}): Promise<T> {
    requireTimeReader(actor, when, rule);
    if (!when) return read(this.reader);
    await this.catchUpRecordTimes();
    const reader = SliceReader.open(this.events, when, this.recordTimes);
    try {
      return await read(reader);
    } finally {
      await reader.close();
    }
  }

  /**
   * Builds again, from the events as they read now, every projection holding a document fed by this
   * record's stream (after an erasure: the erased fields then read 已删除 there too). Blue-green: the
   * current documents serve until the new ones take over.
   */
  async refold(streamId: string): Promise<string[]> {
    const events = await this.events.readStream(streamId);
    const holding = PROJECTIONS.filter((projection) => events.some((event) => documentIdOf(projection, event) !== undefined));
    for (const projection of holding) {
      await this.rebuilds;
      const result = await rebuildProjection(this.events, this.docs, projection, { logger: this.logger });
      this.logger.log(`Rebuilt ${result.projection} into ${result.collection} from ${result.events} events in ${result.millis} ms`);
      await this.projector?.refresh();
    }
    return holding.map((projection) => projection.name);
  }

  /** Each projection's lag, counting at most `cap` events behind (1 is enough to tell behind from caught up). */
  lag(cap = 10_000): Promise<ProjectionLag[]> {
    return projectionLag(this.events, this.reader.registry, PROJECTIONS, new Date(), cap, (collection) => this.projector?.applied(collection));
  }
}
