/* Why this file is long: the relay’s loop, batching with one batch read ahead, acknowledgement and back-off belong together: the at-least-once argument is read across them. */
import type { Producer } from 'kafkajs';
import { BackgroundLoop, Pause, silentLogger, type CheckpointStore, type EventStore, type LoopLogger, type Subscription } from '@sme/event-store';
import { END, EventFeed, nextTurn, TURN } from './event-feed';
import { RelayBatch } from './relay-batch';
import { ownsStream, type RelayShard } from './relay-shard';

export type RelayLogger = LoopLogger;

/** What the relay needs of a kafkajs producer. */
export type RelayProducer = Pick<Producer, 'connect' | 'disconnect' | 'sendBatch'>;

/** Where the relay's producers and topics come from (Kafka in production, fakes in unit tests). */
export interface RelayTransport {
  /**
   * A new, unconnected producer. The relay asks for one at start and again after every failure, so a
   * retry never inherits a broken connection or the sequence numbers of an idempotent session whose
   * fate is unknown.
   */
  createProducer(): RelayProducer;
  /** Creates the topics that are missing. Called before the first batch, and again until it succeeded once. */
  ensureTopics?(): Promise<void>;
}

/** A batch the broker has acknowledged and whose checkpoint is about to be stored. */
export interface AcknowledgedBatch {
  /** Global position of the batch's first and last event. */
  first: bigint;
  last: bigint;
  events: number;
  /** Messages sent (events of streams outside the catalogue are not sent). */
  messages: number;
}

export interface RelayOptions {
  /** Put before each family's topic, e.g. `sme.` → `sme.applications.v1`. */
  topicPrefix: string;
  /** The relay's name in the checkpoint store (a shard's own: see `shardCheckpointName`). */
  checkpointName: string;
  /** This relay's share of the records, when several relays share the log; all records without it. */
  shard?: RelayShard | null;
  /** Most events per batch (one sendBatch, one checkpoint). Default 500. */
  batchSize?: number;
  /**
   * A batch ends early once its messages reach this many bytes (keys, values and headers), so that one
   * partition's share stays under the broker's message.max.bytes (1 MiB by default). Default 512 KiB.
   */
  maxBatchBytes?: number;
  /** Pause after the first failure; doubled after each further one, up to retryMaxMs. Default 500 ms. */
  retryInitialMs?: number;
  /** Longest pause between attempts. Default 30 s. */
  retryMaxMs?: number;
  /** How long the broker may take to replicate a batch to all in-sync replicas. Default 30 s. */
  sendTimeoutMs?: number;
  /** How long stop() lets a send in flight finish before abandoning it (it is then re-sent at the next start). Default 5 s. */
  stopGraceMs?: number;
  logger?: RelayLogger;
  /**
   * Called after the broker acknowledged a batch and before its checkpoint is stored. For
   * observation; the crash test kills the process from here.
   */
  onAcknowledged?: (batch: AcknowledgedBatch) => void | Promise<void>;
}

export type RelayState = 'idle' | 'starting' | 'running' | 'retrying' | 'stopped';

export interface RelayStatusSnapshot {
  state: RelayState;
  topicPrefix: string;
  checkpointName: string;
  /** `<shard>/<shards>` when several relays share the log; null when this one publishes every record. */
  shard: string | null;
  /** Last checkpoint this relay stored or started from (as a decimal string); null before the first load. */
  checkpoint: string | null;
  batches: number;
  messages: number;
  /**
   * Events read and not sent, because their stream is outside the catalogue or another shard's (still
   * checkpointed). A store that reads a shard only its own streams (the embedded one) does not hand it
   * the others' events at all, so they are not counted.
   */
  skipped: number;
  /** Failed attempts since start, and since the last acknowledged batch. */
  failures: number;
  consecutiveFailures: number;
  /** The error of the failure still in progress: null once a batch has gone through since (`failures` keeps the count). */
  lastError: { message: string; at: string } | null;
  lastAcknowledgedAt: string | null;
}

const noop = () => undefined;

/**
 * Publishes the event log to Kafka, at least once and in order per record:
 *
 * 1. a catch-up subscription on $all from the relay's stored checkpoint;
 * 2. events are taken in batches: as many as are available without waiting, up to `batchSize`, and,
 *    while the previous batch is in flight, whatever arrives until it is acknowledged;
 * 3. each event becomes a CloudEvents message keyed by its stream id (events of streams outside the
 *    catalogue, or of another relay's shard, are skipped), the batch's messages are grouped per topic
 *    and sent in one `sendBatch` with acks=-1 (all in-sync replicas);
 * 4. only after the broker acknowledged the batch is its last position stored as the checkpoint, and
 *    only then is the next batch (read and mapped meanwhile, at most one ahead) sent.
 *
 * On any failure (broker down, timeout, checkpoint store error) the subscription and the producer are
 * dropped, and after a pause (exponential backoff) everything starts again from the *stored*
 * checkpoint with a new producer: the failed batch is sent again whole, and nothing after it is sent
 * before it has been acknowledged (the batch read ahead is dropped and read again). A crash between acknowledgement and checkpoint is the same case:
 * the batch is sent again after the restart. So a record's events may arrive twice, never not at all,
 * and never out of order for a consumer that skips what it has already seen.
 */
export class Relay {
  private readonly batchSize: number;
  private readonly maxBatchBytes: number;
  private readonly retryInitialMs: number;
  private readonly retryMaxMs: number;
  private readonly logger: RelayLogger;
  private readonly owns: ((streamId: string) => boolean) | undefined;

  private readonly background = new BackgroundLoop(() => this.run());
  private subscription: Subscription | null = null;
  private producer: RelayProducer | null = null;
  private topicsReady = false;
  private readonly pause = new Pause();

  private state: RelayState = 'idle';
  private checkpoint: bigint | null = null;
  private batches = 0;
  private messages = 0;
  private skipped = 0;
  private failures = 0;
  private consecutiveFailures = 0;
  private lastError: { message: string; at: string } | null = null;
  private lastAcknowledgedAt: string | null = null;

  constructor(
    private readonly events: EventStore,
    private readonly checkpoints: CheckpointStore,
    private readonly transport: RelayTransport,
    private readonly options: RelayOptions,
  ) {
    this.batchSize = positive(options.batchSize, 500);
    this.maxBatchBytes = positive(options.maxBatchBytes, 512 * 1024);
    this.retryInitialMs = positive(options.retryInitialMs, 500);
    this.retryMaxMs = Math.max(this.retryInitialMs, positive(options.retryMaxMs, 30_000));
    this.logger = options.logger ?? silentLogger;
    this.owns = ownsStream(options.shard);
  }

  /** Starts relaying in the background; failures are retried, never thrown. */
  start(): void {
    if (this.background.running) return;
    this.state = 'starting';
    this.background.start();
  }

  /**
   * Stops after the batch in flight, or abandons it after `stopGraceMs` (its checkpoint is not
   * stored, so it is sent again at the next start).
   */
  async stop(): Promise<void> {
    if (!this.background.started) return;
    const grace = this.options.stopGraceMs ?? 5000;
    const interrupt = async () => {
      this.pause.wake();
      await this.subscription?.stop();
    };
    await this.background.stop(interrupt, async (loop) => {
      if (!(await settlesWithin(loop, grace))) {
        this.logger.warn(`a send was still in flight after ${grace} ms; abandoning it (it is sent again at the next start)`);
        await this.dropProducer();
        await settlesWithin(loop, grace);
      }
    });
    this.state = 'stopped';
  }

  status(): RelayStatusSnapshot {
    return {
      state: this.state,
      topicPrefix: this.options.topicPrefix,
      checkpointName: this.options.checkpointName,
      shard: this.options.shard && this.options.shard.count > 1 ? `${this.options.shard.index}/${this.options.shard.count}` : null,
      checkpoint: this.checkpoint === null ? null : this.checkpoint.toString(),
      batches: this.batches,
      messages: this.messages,
      skipped: this.skipped,
      failures: this.failures,
      consecutiveFailures: this.consecutiveFailures,
      lastError: this.lastError,
      lastAcknowledgedAt: this.lastAcknowledgedAt,
    };
  }

  private async run(): Promise<void> {
    while (this.background.running) {
      let subscription: Subscription | null = null;
      try {
        if (!this.topicsReady && this.transport.ensureTopics) {
          await this.transport.ensureTopics();
          this.topicsReady = true;
        }
        if (!this.producer) {
          const producer = this.transport.createProducer();
          this.producer = producer;
          await producer.connect();
        }
        const stored = await this.checkpoints.load(this.options.checkpointName);
        this.checkpoint = stored ?? 0n;
        if (!this.background.running) break;
        // A shard asks only for its streams: a store that honours it skips reading the others' data.
        subscription = this.events.subscribeToAll({ ...(stored === undefined ? {} : { after: stored }), ...(this.owns ? { streams: this.owns } : {}) });
        this.subscription = subscription;
        // Still 'retrying' after a failure until a batch goes through.
        if (this.consecutiveFailures === 0) this.state = 'running';
        await this.consume(subscription);
        // A catch-up subscription does not end while we read it, unless its store stopped it.
        if (this.background.running) throw new Error('the event store ended the subscription');
      } catch (error) {
        if (!this.background.running) break;
        this.failures += 1;
        this.consecutiveFailures += 1;
        const message = error instanceof Error ? error.message : String(error);
        this.lastError = { message, at: new Date().toISOString() };
        this.state = 'retrying';
        const pause = this.backoff();
        this.logger.error(
          `relaying failed (${this.consecutiveFailures} in a row): ${message}; starting again from checkpoint ${this.checkpoint ?? 0n} in ${pause} ms`,
        );
        await subscription?.stop().catch(noop);
        subscription = null;
        await this.dropProducer();
        await this.pause.for(pause);
      } finally {
        await subscription?.stop().catch(noop);
        this.subscription = null;
      }
    }
    await this.dropProducer();
  }

  /**
   * Fills batches from the subscription and publishes them one at a time. While a batch is in flight
   * the next one is read and mapped (at most one batch ahead); it is sent only once the one in flight
   * has been acknowledged and checkpointed. A failure of either ends the loop, and the batch read
   * ahead is dropped with the subscription: the next attempt reads it again from the stored checkpoint.
   */
  private async consume(subscription: Subscription): Promise<void> {
    const feed = new EventFeed(subscription);
    // How far a shard's filtered subscription has read past other shards' events (undefined otherwise).
    const readUpTo = this.owns && subscription.readUpTo ? subscription.readUpTo.bind(subscription) : undefined;
    let queued = this.checkpoint ?? 0n;
    let sending: InFlight | null = null;
    try {
      while (this.background.running) {
        const batch = new RelayBatch(this.options.topicPrefix, this.owns);
        let turn: ReturnType<typeof nextTurn> | null = null;
        let atTurn = 0;
        let ended = false;
        for (;;) {
          const next = feed.take();
          if (next === END) {
            ended = true;
            break;
          }
          if (next) {
            batch.add(next);
            if (batch.events.length >= this.batchSize || batch.bytes >= this.maxBatchBytes) break;
            continue;
          }
          if (sending?.settled) {
            await sending.done; // throws the send's or the checkpoint's failure at once
            sending = null;
            turn = null;
          }
          if (!sending && batch.events.length === 0) {
            // Nothing of this shard's at hand, so every one up to readUpTo has been taken (the subscription
            // passes an event only once the one after it is asked for) and sent or queued: a batch of no
            // events moves the checkpoint past the others' events.
            const read = readUpTo?.();
            if (read !== undefined && read > queued) {
              batch.cover(read);
              break;
            }
            await (readUpTo ? Promise.race([feed.arrival(), delay(COVER_EVERY_MS)]) : feed.arrival());
            continue;
          }
          // Nothing at hand: take what arrives within this turn of the event loop (a backlog's next page
          // is read at once, so a batch in flight overlaps the reading and mapping of the next one).
          if (!turn) {
            turn = nextTurn();
            atTurn = batch.events.length;
          }
          const woke = await Promise.race(sending ? [feed.arrival(), turn, sending.done] : [feed.arrival(), turn]);
          if (woke !== TURN) continue;
          turn = null;
          if (batch.events.length > atTurn) continue;
          if (!sending) break; // a turn without a new event ends the batch
          // Caught up while a batch is in flight: wait for its acknowledgement, not for single new
          // events; what is appended meanwhile is then read in one page.
          await sending.done;
          sending = null;
        }
        if (sending) await sending.done;
        sending = null;
        // The subscription ended (stop, or the store ended it): a batch not yet sent is read again next time.
        if (ended) return;
        queued = batch.through;
        sending = inFlight(this.publish(batch));
      }
      if (sending) await sending.done;
    } finally {
      sending?.done.catch(noop);
    }
  }

  private async publish(batch: RelayBatch): Promise<void> {
    const producer = this.producer;
    if (!producer) throw new Error('no producer');
    if (batch.messages > 0) {
      await producer.sendBatch({ topicMessages: batch.topicMessages(), acks: -1, timeout: this.options.sendTimeoutMs ?? 30_000 });
    }
    const last = batch.through;
    const first = batch.events.length > 0 ? batch.events[0].position : last;
    await this.options.onAcknowledged?.({ first, last, events: batch.events.length, messages: batch.messages });
    await this.checkpoints.store(this.options.checkpointName, last);
    this.checkpoint = last;
    this.batches += 1;
    this.messages += batch.messages;
    this.skipped += batch.events.length - batch.messages;
    this.consecutiveFailures = 0;
    this.lastError = null;
    this.lastAcknowledgedAt = new Date().toISOString();
    if (this.state !== 'running') this.state = 'running';
  }

  private backoff(): number {
    const exponential = Math.min(this.retryMaxMs, this.retryInitialMs * 2 ** Math.min(30, this.consecutiveFailures - 1));
    // ±20 % so that several relays restarting together do not hit the broker in step.
    return Math.round(exponential * (0.8 + Math.random() * 0.4));
  }

  private async dropProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = null;
    if (producer) await producer.disconnect().catch(noop);
  }
}

/** A publish in flight, and whether it has settled (so that a failure is seen without waiting for the next event). */
interface InFlight {
  readonly done: Promise<void>;
  settled: boolean;
}

function inFlight(done: Promise<void>): InFlight {
  const flight: InFlight = { done, settled: false };
  done.then(
    () => (flight.settled = true),
    () => (flight.settled = true),
  );
  return flight;
}

/** How often an idle shard looks whether its subscription has read past other shards' events. */
const COVER_EVERY_MS = 500;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
