import { Injectable, type INestApplication } from '@nestjs/common';
import type { Request, Response } from 'express';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { EventStore } from '@sme/event-store';
import type { ProjectionLag } from '@sme/read-models';

const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The API's Prometheus metrics (prom-client), one registry per application: HTTP latency per route,
 * append latency, the projections' lag read at scrape time, and the process's own (CPU, memory, event
 * loop, prefixed sme_api_).
 */
@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'sme_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status, in seconds.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly appendDuration = new Histogram({
    name: 'sme_event_append_duration_seconds',
    help: 'Appends to the event store, in seconds.',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'sme_api_' });
  }

  /** The projections' lag as gauges, read when Prometheus scrapes. */
  watchProjections(lag: () => Promise<ProjectionLag[]>): void {
    let latest: Promise<ProjectionLag[]> | undefined;
    // One read of the lag per scrape, shared by the four gauges.
    const current = () => (latest ??= lag().finally(() => setTimeout(() => (latest = undefined), 0)));
    const gauge = (name: string, help: string, value: (l: ProjectionLag) => number, labelled = true) =>
      new Gauge({
        name,
        help,
        labelNames: labelled ? ['projection'] : [],
        registers: [this.registry],
        async collect() {
          const lags = await current();
          this.reset();
          if (labelled) for (const l of lags) this.set({ projection: l.projection }, value(l));
          else this.set(lags[0] ? value(lags[0]) : 0);
        },
      });
    gauge('sme_projection_events_behind', 'Events in the log not yet applied to the projection.', (l) => l.eventsBehind);
    gauge('sme_projection_seconds_behind', 'Age in seconds of the oldest event not yet applied.', (l) => Number(l.secondsBehind.toFixed(3)));
    gauge('sme_projection_checkpoint', 'Global position of the last event applied.', (l) => l.checkpoint);
    gauge('sme_event_store_head_position', 'Global position of the newest event.', (l) => l.head, false);
  }

  /** Every request's latency, by the route pattern that served it ('unmatched' for none). */
  measureRequests(app: INestApplication): void {
    app.use((request: Request, response: Response, next: () => void) => {
      const started = process.hrtime.bigint();
      response.on('finish', () => {
        const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        this.httpDuration.observe({ method: request.method, route, status: String(response.statusCode) }, seconds);
      });
      next();
    });
  }

  /** The event store, its appends timed. */
  measureAppends(store: EventStore): EventStore {
    const observe = (seconds: number) => this.appendDuration.observe(seconds);
    // One wrapper per method, made on its first use: every command calls several.
    const wrappers = new Map<PropertyKey, { method: unknown; wrapper: unknown }>();
    const wrap = (target: EventStore, property: PropertyKey, method: (...a: unknown[]) => Promise<unknown>) => {
      if (property !== 'append' && property !== 'appendRecorded') return method.bind(target);
      return async (...args: unknown[]) => {
        const started = process.hrtime.bigint();
        try {
          return await method.apply(target, args);
        } finally {
          observe(Number(process.hrtime.bigint() - started) / 1e9);
        }
      };
    };
    return new Proxy(store, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        const known = wrappers.get(property);
        if (known !== undefined && known.method === value) return known.wrapper;
        const wrapper = wrap(target, property, value as (...a: unknown[]) => Promise<unknown>);
        wrappers.set(property, { method: value, wrapper });
        return wrapper;
      },
    });
  }
}
