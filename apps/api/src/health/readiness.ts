import { Inject, Injectable } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@sme/event-store';
import { ReadSide } from '../read-side/read-side.service';
import { RelayStatus } from '../relay';

/** A projection this far behind (the age of its oldest unapplied event) makes the API not ready: reads would wait. */
export const READY_SECONDS_BEHIND = 30;
/** The relay, failing this many times in a row, is reported down. */
const RELAY_FAILURES_DOWN = 3;

/**
 * Readiness as @nestjs/terminus checks it: the event store answers, the read side is built and within
 * 30 s of the log (so reads do not wait), and the relay — when this process runs one — is not failing
 * over and over. Every indicator is this ledger's own: terminus runs them and gathers the verdict.
 */
@Injectable()
export class Readiness {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readSide: ReadSide,
    private readonly relay: RelayStatus,
  ) {}

  /** Terminus's result, whether up or down (a down check is not thrown). */
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.eventStore(), () => this.projections(), () => this.relayUp()]);
    } catch (error) {
      const result = (error as { getResponse?: () => unknown }).getResponse?.();
      if (result && typeof result === 'object' && 'status' in result) return result as HealthCheckResult;
      throw error;
    }
  }

  private async eventStore() {
    const session = this.indicator.check('eventStore');
    try {
      return session.up({ headPosition: (await this.store.headPosition()).toString() });
    } catch (error) {
      return session.down({ message: (error as Error).message });
    }
  }

  private async projections() {
    const session = this.indicator.check('projections');
    // One event read per projection: enough to tell caught up from behind, and its age.
    const lags = await this.readSide.lag(1);
    const behind = lags.filter((p) => p.collection === null || p.secondsBehind > READY_SECONDS_BEHIND).map((p) => p.projection);
    return behind.length === 0 ? session.up() : session.down({ behind });
  }

  private async relayUp() {
    const session = this.indicator.check('relay');
    const report = (await this.relay.report()) as { mode: string; consecutiveFailures?: number };
    if (report.mode !== 'in-process' || (report.consecutiveFailures ?? 0) < RELAY_FAILURES_DOWN) return session.up({ mode: report.mode });
    return session.down({ mode: report.mode, consecutiveFailures: report.consecutiveFailures });
  }
}
