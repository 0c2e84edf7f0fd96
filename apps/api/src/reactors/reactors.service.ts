import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DATA_KEYS, EVENT_STORE, ReactionRunner, SNAPSHOTS, checkpointStoreFor, reactionCheckpointName, type CheckpointStore, type RecordedEvent, type DataKeys, type EventStore, type Reaction, type SnapshotPolicy } from '@sme/event-store';
import { ErasureExecutionReaction } from '../erasures/erasure.reaction';
import { ReadSide } from '../read-side/read-side.service';
import { CommandExecutor } from '../commands/command-executor';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FlagActionReaction } from '../evaluations/flag-action.reaction';
import { RecordLoader } from '../records/record-loader';
import { Leadership } from '../infrastructure/leadership';
import { DemandResolutionReaction } from './demand-resolution.reaction';
import { FollowUpOpeningReaction } from './follow-up-opening.reaction';
import { StationDesignationReaction } from './station-designation.reaction';

/**
 * The ledger's "when X then Y" rules, each a checkpointed subscription on the log that writes its
 * follow-ups as commands (see reactions in docs/architecture.md). They run in the API process and
 * resume from their checkpoints after a restart.
 */
@Injectable()
export class Reactors implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Reactors');
  private runners: ReactionRunner[] = [];

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly executor: CommandExecutor,
    private readonly records: RecordLoader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bus: CommandBus,
    @Inject(DATA_KEYS) private readonly keys: DataKeys,
    private readonly readSide: ReadSide,
    @Inject(SNAPSHOTS) private readonly snapshots: SnapshotPolicy,
    private readonly leadership: Leadership,
  ) {}

  private checkpoints: CheckpointStore | undefined;

  /** Every reaction the ledger runs. */
  reactions(): Reaction[] {
    return [
      new StationDesignationReaction(this.events, this.executor),
      new FollowUpOpeningReaction(this.events, this.executor, this.records, this.config),
      new DemandResolutionReaction(this.executor, this.records),
      new FlagActionReaction(this.bus, this.records),
      new ErasureExecutionReaction(this.keys, { events: this.events, store: this.snapshots.store }, this.executor, this.records, this.readSide),
    ];
  }

  /** The reactions run in the process holding the background lease; their checkpoints are shared. */
  async onApplicationBootstrap(): Promise<void> {
    const checkpoints = (this.checkpoints = await checkpointStoreFor(this.events));
    const logger = { log: (m: string) => this.logger.log(m), warn: (m: string) => this.logger.warn(m), error: (m: string) => this.logger.error(m) };
    this.leadership.follow({
      start: () => {
        this.runners = this.reactions().map((reaction) => new ReactionRunner(this.events, checkpoints, reaction, { logger }));
        for (const runner of this.runners) runner.start();
      },
      stop: () => this.stopRunners(),
    });
  }

  onApplicationShutdown(): Promise<void> {
    return this.stopRunners();
  }

  private async stopRunners(): Promise<void> {
    const runners = this.runners;
    this.runners = [];
    await Promise.all(runners.map((runner) => runner.stop()));
  }

  /**
   * Waits (bounded) until every reaction has handled the log up to `position`, so that a request whose
   * event has follow-ups can answer once they are written. False when the wait timed out: the
   * follow-ups are then still to come, the write itself stands. `written`, the events the request wrote,
   * narrows the wait to the reactions to them where another process runs the reactions.
   */
  async settled(position: bigint, timeoutMs = 10_000, written?: readonly RecordedEvent[]): Promise<boolean> {
    if (this.runners.length > 0) {
      const results = await Promise.all(this.runners.map((runner) => runner.waitFor(position, timeoutMs)));
      return results.every(Boolean);
    }
    // Another process runs the reactions: the checkpoints they store say how far they are. A reaction
    // stores its checkpoint when it has reacted (and only now and then when it passes events over), so
    // with the events written known, only the reactions to them are waited for.
    const waitedFor = this.reactions().filter((reaction) => written === undefined || written.some((event) => reaction.reactsTo(event)));
    const names = waitedFor.map((reaction) => reactionCheckpointName(reaction));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const positions = await Promise.all(names.map((name) => this.checkpoints?.load(name)));
      if (positions.every((at) => at !== undefined && at >= position)) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
