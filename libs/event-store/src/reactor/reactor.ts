import type { CheckpointStore, EventStore, RecordedEvent, Subscription } from '../event-store.port';
import { BackgroundLoop } from '../background-loop';
import { consumeInBatches } from '../batch-reader';
import { Pause } from '../pause';
import { silentLogger, type LoopLogger } from '../process-lifecycle';

/**
 * A "when X then Y" rule: it reacts to some events of the log by writing follow-up events to other
 * records. A reaction must be idempotent: after a crash it sees again every event since its stored
 * checkpoint, so it writes with deterministic event ids and skips work already done.
 */
export interface Reaction {
  /** Also the checkpoint's name (`reaction-<name>`). */
  name: string;
  reactsTo(event: RecordedEvent): boolean;
  /** Writes the follow-ups of one event; a throw is retried, from the stored checkpoint, after a pause. */
  react(event: RecordedEvent): Promise<void>;
}

export type ReactorLogger = LoopLogger;

export interface ReactorOptions {
  /** Events read before the checkpoint is stored when none of them needs a reaction. Default 500. */
  batchSize?: number;
  /** Events passed over (nothing to react to) before their checkpoint is stored anyway. Default 1000. */
  storeCheckpointEvery?: number;
  /** Pause after a failure, doubled after each further one up to 30 s. Default 200 ms. */
  retryInitialMs?: number;
  logger?: ReactorLogger;
}

const noop = () => undefined;

export const reactionCheckpointName = (reaction: Pick<Reaction, 'name'>) => `reaction-${reaction.name}`;

/**
 * Runs one reaction as a checkpointed catch-up subscription on the whole log, like the projector and
 * the relay: events in batches, each reacted to in log order, then the batch's last position stored.
 * A crash between a follow-up write and the checkpoint makes the reaction see the event again; its
 * deterministic ids and its own checks make the second pass write nothing new.
 */
export class ReactionRunner {
  private readonly batchSize: number;
  private readonly retryInitialMs: number;
  private readonly logger: ReactorLogger;
  private readonly background = new BackgroundLoop(() => this.run());
  private subscription: Subscription | null = null;
  private checkpoint = 0n;
  private storedCheckpoint = 0n;
  private readonly storeEvery: bigint;
  private failures = 0;
  private waiters: { position: bigint; resolve: () => void }[] = [];
  private readonly pause = new Pause();

  constructor(
    private readonly events: EventStore,
    private readonly checkpoints: CheckpointStore,
    readonly reaction: Reaction,
    options: ReactorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.retryInitialMs = options.retryInitialMs ?? 200;
    this.storeEvery = BigInt(options.storeCheckpointEvery ?? 1000);
    this.logger = options.logger ?? silentLogger;
  }

  /** The last position whose follow-ups are written (the stored checkpoint). */
  get processedUpTo(): bigint {
    return this.checkpoint;
  }

  start(): void {
    this.background.start();
  }

  async stop(): Promise<void> {
    await this.background.stop(async () => {
      this.pause.wake();
      await this.subscription?.stop().catch(noop);
    });
    await this.flush().catch(noop);
  }

  /** Stores the checkpoint reached in memory, if the store is behind it. */
  private async flush(): Promise<void> {
    if (this.checkpoint <= this.storedCheckpoint) return;
    await this.checkpoints.store(reactionCheckpointName(this.reaction), this.checkpoint);
    this.storedCheckpoint = this.checkpoint;
  }

  /** Resolves true once every event up to `position` has been reacted to, false after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.checkpoint >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = { position, resolve: () => resolve(true) };
      this.waiters.push(waiter);
      setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(this.checkpoint >= position);
      }, timeoutMs).unref();
    });
  }

  /** Reacts to everything up to the current head, then returns (for tools and tests). */
  async catchUp(): Promise<void> {
    const head = await this.events.headPosition();
    this.checkpoint = (await this.checkpoints.load(reactionCheckpointName(this.reaction))) ?? 0n;
    this.storedCheckpoint = this.checkpoint;
    while (this.checkpoint < head) {
      const batch = await this.events.readAll({ after: this.checkpoint, maxCount: this.batchSize });
      if (batch.length === 0) break;
      await this.handle(batch);
    }
    await this.flush();
  }

  private async run(): Promise<void> {
    while (this.background.running) {
      try {
        const stored = await this.checkpoints.load(reactionCheckpointName(this.reaction));
        this.checkpoint = stored ?? 0n;
        this.storedCheckpoint = this.checkpoint;
        this.release();
        const subscription = this.events.subscribeToAll(stored === undefined ? {} : { after: stored });
        this.subscription = subscription;
        await consumeInBatches(subscription, this.batchSize, () => this.background.running, (batch) => this.handle(batch));
        if (this.background.running) throw new Error('the event store ended the subscription');
      } catch (error) {
        if (!this.background.running) break;
        this.failures += 1;
        const pause = Math.min(30_000, this.retryInitialMs * 2 ** Math.min(20, this.failures - 1));
        this.logger.error(`reaction ${this.reaction.name} failed (${this.failures} in a row): ${String(error)}; again from ${this.checkpoint} in ${pause} ms`);
        await this.subscription?.stop().catch(noop);
        await this.pause.for(pause);
      } finally {
        await this.subscription?.stop().catch(noop);
        this.subscription = null;
      }
    }
  }

  private async handle(batch: readonly RecordedEvent[]): Promise<void> {
    let reacted = false;
    for (const event of batch) {
      if (!this.reaction.reactsTo(event)) continue;
      await this.reaction.react(event);
      reacted = true;
    }
    const last = batch[batch.length - 1].position;
    // A batch with nothing to react to moves the checkpoint in memory only, and to the store now and
    // then: seeing such events again after a restart costs a read, not a write per command.
    if (reacted || last - this.storedCheckpoint >= this.storeEvery) {
      await this.checkpoints.store(reactionCheckpointName(this.reaction), last);
      this.storedCheckpoint = last;
    }
    this.checkpoint = last;
    this.failures = 0;
    this.release();
  }

  private release(): void {
    const ready = this.waiters.filter((w) => w.position <= this.checkpoint);
    this.waiters = this.waiters.filter((w) => w.position > this.checkpoint);
    for (const w of ready) w.resolve();
  }
}
