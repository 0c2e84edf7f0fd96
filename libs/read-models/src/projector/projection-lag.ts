import type { EventStore } from '@sme/event-store';
import type { Projection } from './projection';
import type { ProjectionRegistry } from './projection-registry';

export interface ProjectionLag {
  projection: string;
  version: number;
  /** Collection serving queries, or null when the projection has none yet. */
  collection: string | null;
  /** True when the active collection was built by another code version (a rebuild is due). */
  rebuildPending: boolean;
  checkpoint: number;
  head: number;
  /** Events after the checkpoint (counted up to `cap`, reported as the cap beyond it). */
  eventsBehind: number;
  /** Age of the oldest event not yet applied, by its recordedAt; 0 when caught up. */
  secondsBehind: number;
}

/**
 * How far each projection is behind the log, for /health and /metrics: from its stored checkpoint, or
 * from what a projector in this process reports it has applied (`applied`), whichever is further (a
 * checkpoint that moved without a document changing is stored a little later, ProjectorOptions.quietCheckpointMs).
 */
export async function projectionLag(
  events: EventStore,
  registry: ProjectionRegistry,
  projections: readonly Projection[],
  now = new Date(),
  cap = 10_000,
  applied: (collection: string) => number | undefined = () => undefined,
): Promise<ProjectionLag[]> {
  const head = Number(await events.headPosition());
  const result: ProjectionLag[] = [];
  for (const projection of projections) {
    const entry = await registry.active(projection.name);
    const checkpoint = entry ? Math.max(await registry.checkpoint(entry.collection), applied(entry.collection) ?? 0) : 0;
    let eventsBehind = 0;
    let secondsBehind = 0;
    if (checkpoint < head) {
      const behind = await events.readAll({ after: BigInt(checkpoint), maxCount: cap });
      eventsBehind = behind.length;
      if (behind.length > 0) {
        secondsBehind = Math.max(0, (now.getTime() - Date.parse(behind[0].metadata.recordedAt)) / 1000);
      }
    }
    result.push({
      projection: projection.name,
      version: projection.version,
      collection: entry?.collection ?? null,
      rebuildPending: entry !== null && entry.version !== projection.version,
      checkpoint,
      head,
      eventsBehind,
      secondsBehind,
    });
  }
  return result;
}

/** Prometheus text exposition of the lag. */
export function lagMetrics(lags: readonly ProjectionLag[]): string {
  const lines = [
    '# HELP sme_projection_events_behind Events in the log not yet applied to the projection.',
    '# TYPE sme_projection_events_behind gauge',
    ...lags.map((l) => `sme_projection_events_behind{projection="${l.projection}"} ${l.eventsBehind}`),
    '# HELP sme_projection_seconds_behind Age in seconds of the oldest event not yet applied.',
    '# TYPE sme_projection_seconds_behind gauge',
    ...lags.map((l) => `sme_projection_seconds_behind{projection="${l.projection}"} ${l.secondsBehind.toFixed(3)}`),
    '# HELP sme_projection_checkpoint Global position of the last event applied.',
    '# TYPE sme_projection_checkpoint gauge',
    ...lags.map((l) => `sme_projection_checkpoint{projection="${l.projection}"} ${l.checkpoint}`),
    '# HELP sme_event_store_head_position Global position of the newest event.',
    '# TYPE sme_event_store_head_position gauge',
    `sme_event_store_head_position ${lags[0]?.head ?? 0}`,
  ];
  return `${lines.join('\n')}\n`;
}
