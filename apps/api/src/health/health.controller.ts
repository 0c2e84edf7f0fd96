import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '@sme/event-store';
import { lagMetrics } from '@sme/read-models';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ReadSide } from '../read-side/read-side.service';
import { RelayStatus } from '../relay';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly readSide: ReadSide,
    private readonly relay: RelayStatus,
  ) {}

  @Public()
  @Get('health')
  @ApiOperation({ summary: 'Liveness, the event store’s head and each projection’s lag (events and seconds behind)' })
  async health() {
    const head = await this.store.headPosition();
    const projections = await this.readSide.lag();
    return {
      status: 'ok',
      mode: this.config.mode,
      readModels: this.config.mongodbUrl ? 'mongodb' : 'embedded',
      projector: this.config.projector,
      eventStore: { headPosition: head.toString() },
      projections,
      relay: await this.relay.report(),
    };
  }

  @Public()
  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'Prometheus metrics: projection lag' })
  async metrics(): Promise<string> {
    return lagMetrics(await this.readSide.lag()) + (await this.relay.metrics());
  }
}
