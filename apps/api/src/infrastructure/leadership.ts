import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { hostname } from 'node:os';
import { DOCUMENT_STORE, Lease, type DocumentStore } from '@sme/read-models';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** Work that runs in one process at a time: started when this process takes the lease, stopped when it loses it. */
export interface LeadWork {
  start(): void | Promise<void>;
  stop(): Promise<void>;
}

/**
 * Which of the API processes sharing the stores runs the background work — the projector, the
 * reactions, the scheduled sweeps, the in-process relay: the one holding the `background-work` lease in the document
 * store. Every process tries to take it on start and every third of its time to live; the holder renews
 * it. A holder that cannot reach the store stops its work once its lease has run out, so two never run
 * it at once; one that stops cleanly gives the lease up for the next. A process holds it as its instance
 * (INSTANCE_ID, else host and port): restarted after a crash, the same instance takes its lease back at
 * once instead of waiting for it to expire.
 */
@Injectable()
export class Leadership implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Leadership');
  private readonly lease: Lease;
  private readonly work: LeadWork[] = [];
  private heldUntil = 0;
  private leading = false;
  private timer: NodeJS.Timeout | undefined;
  private turn: Promise<void> = Promise.resolve();

  constructor(@Inject(DOCUMENT_STORE) docs: DocumentStore, @Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.lease = new Lease(docs, 'background-work', instanceOf(config), config.backgroundLeaseMs);
  }

  /** True while this process holds the lease. */
  get isLeader(): boolean {
    return this.leading;
  }

  async onModuleInit(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), Math.max(50, Math.floor(this.config.backgroundLeaseMs / 3)));
    this.timer.unref();
  }

  /** Runs `work` whenever this process holds the lease: at once if it does now (resolved once started). */
  follow(work: LeadWork): Promise<void> {
    this.work.push(work);
    if (this.leading) this.turn = this.turn.then(() => work.start());
    return this.turn;
  }

  /** Takes or renews the lease, and starts or stops the work when that changed. */
  check(): Promise<void> {
    this.turn = this.turn.then(async () => {
      const now = Date.now();
      try {
        if (await this.lease.acquire(now)) this.heldUntil = now + this.config.backgroundLeaseMs;
        else this.heldUntil = 0;
      } catch (error) {
        this.logger.warn(`The lease could not be renewed: ${String(error)}`);
      }
      const holds = Date.now() < this.heldUntil;
      if (holds && !this.leading) {
        this.leading = true;
        this.logger.log('This process runs the background work (projector, reactions, sweeps, relay)');
        for (const work of this.work) await work.start();
      } else if (!holds && this.leading) {
        this.leading = false;
        this.logger.warn('Another process runs the background work now');
        for (const work of this.work) await work.stop();
      }
    });
    return this.turn;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.turn;
    if (!this.leading) return;
    this.leading = false;
    for (const work of this.work) await work.stop();
    await this.lease.release().catch(() => undefined);
  }
}

/** Who holds the lease: the same after a restart of the same instance, different for every other. */
function instanceOf(config: AppConfig): string {
  return config.instanceId ?? `${hostname()}:${config.port}`;
}
