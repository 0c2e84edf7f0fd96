import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Leadership } from '../infrastructure/leadership';
import { IDEMPOTENCY_STORE } from './idempotency.interceptor';
import type { IdempotencyStore } from './idempotency.store';

/** How often the keys past their time to live are deleted: a quarter of it, at most hourly. */
export const sweepIntervalMs = (ttlMs: number): number => Math.min(3600_000, Math.max(60_000, Math.floor(ttlMs / 4)));

/**
 * Deletes the Idempotency-Keys past IDEMPOTENCY_TTL_HOURS, so that a key is kept that long and a
 * little more (one interval), not for ever. Of several API processes on the same stores, the one
 * holding the background lease does it: once when it takes the lease, then on its interval.
 */
@Injectable()
export class IdempotencyKeySweep implements OnApplicationBootstrap {
  private readonly logger = new Logger('IdempotencyKeySweep');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly leadership: Leadership,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.leadership.follow({
      start: () => {
        void this.sweepNow();
        this.timer = setInterval(() => void this.sweepNow(), sweepIntervalMs(this.config.idempotencyTtlHours * 3600_000));
        this.timer.unref();
      },
      stop: async () => {
        clearInterval(this.timer);
        this.timer = undefined;
        await this.running;
      },
    });
  }

  /** One sweep now, after the one still running if any; how many keys it deleted (0 when it failed: that is logged). */
  sweepNow(): Promise<number> {
    const run = this.running.then(() =>
      this.store.sweep(new Date()).then(
        (deleted) => {
          if (deleted > 0) this.logger.log(`Deleted ${deleted} Idempotency-Keys past their ${this.config.idempotencyTtlHours} h`);
          return deleted;
        },
        (error: unknown) => {
          this.logger.warn(`The sweep of expired Idempotency-Keys failed: ${String(error)}`);
          return 0;
        },
      ),
    );
    this.running = run;
    return run;
  }
}
