import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_LEDGER, type EventStore } from '@sme/event-store';
import { createKafkaRelay, type Relay } from '@sme/messaging/relay';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Leadership } from '../infrastructure/leadership';
import { RelayStatus } from './relay-status';

/**
 * The relay inside the API process: on when KAFKA_BROKERS is set, unless RELAY=external (then
 * apps/relay runs it). It starts in the background: the API serves even while Kafka is unreachable,
 * and the relay catches up once the broker answers. Of several API processes on the same stores, the
 * one holding the background lease relays.
 */
@Injectable()
export class InProcessRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Relay');
  private relay: Relay | null = null;

  constructor(
    @Inject(EVENT_LEDGER) private readonly events: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly status: RelayStatus,
    private readonly leadership: Leadership,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const settings = this.config.relaySettings;
    if (this.config.relay !== 'in-process' || !settings) return;
    const checkpoints = await this.status.checkpointStore();
    this.leadership.follow({
      start: () => {
        const relay = createKafkaRelay(this.events, checkpoints, settings, {
          logger: { log: (m) => this.logger.log(m), warn: (m) => this.logger.warn(m), error: (m) => this.logger.error(m) },
        });
        relay.start();
        this.relay = relay;
        this.status.attach(relay);
        this.logger.log(`Relaying events to Kafka (${settings.brokers.join(', ')}), topics ${settings.topics.prefix}*.v1`);
      },
      stop: () => this.stopRelay(),
    });
  }

  onApplicationShutdown(): Promise<void> {
    return this.stopRelay();
  }

  private async stopRelay(): Promise<void> {
    const relay = this.relay;
    this.relay = null;
    await relay?.stop();
    this.status.attach(null);
  }
}
