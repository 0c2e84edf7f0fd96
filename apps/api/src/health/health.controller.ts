import { Controller, Get, Header, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@sme/domain';
import { EVENT_STORE, type EventStore } from '@sme/event-store';
import { CurrentActor, Public, Roles } from '../auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ReadSide } from '../read-side/read-side.service';
import { RelayStatus } from '../relay';
import { ApiMetrics } from './api-metrics';
import { Readiness } from './readiness';

/**
 * Liveness (the process answers), readiness (the read side has caught up, so reads do not wait) and
 * metrics. Anyone may ask whether the API is up or ready; the internals — the log's head, each
 * projection's lag, the relay — are for an ADMIN token only.
 */
@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly readSide: ReadSide,
    private readonly relay: RelayStatus,
    private readonly prometheus: ApiMetrics,
    private readonly readiness: Readiness,
  ) {
    prometheus.watchProjections(() => this.readSide.lag());
  }

  @Public()
  @Get('health')
  @ApiOperation({ summary: 'Liveness: the process answers. With an ADMIN token also the mode, the event store’s head, each projection’s lag and the relay' })
  async health(@CurrentActor() actor: Actor | undefined) {
    return { status: 'ok', ...(actor?.role === 'ADMIN' ? await this.internals(10_000) : {}) };
  }

  @Public()
  @Get('health/live')
  @ApiOperation({ summary: 'Liveness only: 200 while the process answers, whatever the read side’s state' })
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get('health/ready')
  @ApiOperation({ summary: 'Readiness: 200 when every projection is built and within 30 s of the log; else 503 “catching-up” with Retry-After. With an ADMIN token also the internals' })
  async ready(@CurrentActor() actor: Actor | undefined, @Res({ passthrough: true }) response: Response) {
    const result = await this.readiness.check();
    const down = Object.keys(result.error ?? {});
    if (result.status !== 'ok') {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      response.setHeader('Retry-After', '5');
    }
    // Only the read side behind: the API is catching up; anything else down: it is unavailable.
    const status = result.status === 'ok' ? 'ready' : down.every((name) => name === 'projections') ? 'catching-up' : 'unavailable';
    return { status, ...(actor?.role === 'ADMIN' ? { checks: result.details, ...(await this.internals(1)) } : {}) };
  }

  @Public((config) => config.metrics === 'public')
  @Roles('ADMIN')
  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'Prometheus metrics: projection lag and the relay (public outside production; an ADMIN token in production unless METRICS=public)' })
  async metrics(): Promise<string> {
    return (await this.prometheus.registry.metrics()) + (await this.relay.metrics());
  }

  private async internals(cap: number) {
    const head = await this.store.headPosition();
    return {
      mode: this.config.mode,
      readModels: this.config.mongodbUrl ? 'mongodb' : 'embedded',
      projector: this.config.projector,
      eventStore: { headPosition: head.toString() },
      projections: await this.readSide.lag(cap),
      relay: await this.relay.report(),
    };
  }
}
