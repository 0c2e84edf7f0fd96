import { checkpointStoreFor } from '@sme/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_LEDGER, type CheckpointStore, type EventStore } from '@sme/event-store';
import { relayLag, relayLagMetrics, type Relay, type RelayLag, type RelayStatusSnapshot } from '@sme/messaging/relay';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export type RelayReport =
  | { mode: 'off' }
  | ({ mode: 'in-process' | 'external'; topicPrefix: string } & RelayLag &
      Partial<Pick<RelayStatusSnapshot, 'state' | 'failures' | 'consecutiveFailures' | 'lastError' | 'lastAcknowledgedAt'>>);

/**
 * The relay as /health and /metrics see it: its lag, read from its stored checkpoint (so it is right
 * whether the relay runs in this process or as apps/relay on the same event store), and, when it runs
 * here, its state and last error.
 */
@Injectable()
export class RelayStatus {
  private relay: Relay | null = null;
  private checkpoints: Promise<CheckpointStore> | null = null;

  constructor(
    @Inject(EVENT_LEDGER) private readonly events: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The event store's checkpoint store, shared with the in-process relay. */
  checkpointStore(): Promise<CheckpointStore> {
    this.checkpoints ??= checkpointStoreFor(this.events);
    return this.checkpoints;
  }

  /** Called by the in-process relay when it starts (and with null when it stops). */
  attach(relay: Relay | null): void {
    this.relay = relay;
  }

  async report(): Promise<RelayReport> {
    const mode = this.config.relay;
    if (mode === 'off') return { mode };
    const lag = await relayLag(this.events, await this.checkpointStore(), this.config.relayCheckpoints);
    const report: RelayReport = { mode, topicPrefix: this.config.kafkaTopicPrefix, ...lag };
    if (this.relay) {
      const { state, failures, consecutiveFailures, lastError, lastAcknowledgedAt } = this.relay.status();
      Object.assign(report, { state, failures, consecutiveFailures, lastError, lastAcknowledgedAt });
    }
    return report;
  }

  /** sme_relay_* gauges in Prometheus text; empty when the relay is off. */
  async metrics(): Promise<string> {
    const report = await this.report();
    return report.mode === 'off' ? '' : relayLagMetrics(report);
  }
}
