import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@sme/event-store';
import {
  DOCUMENT_STORE,
  EmbeddedDocumentStore,
  ProjectionRegistry,
  documentsAsOf,
  stationsProjection,
  type PageRequest,
  type StationListFilter,
  type StationView,
  PROJECTIONS,
  Projector,
  ReadModelReader,
  projectionLag,
  rebuildProjection,
  type DocumentStore,
  type ProjectionLag,
} from '@sme/read-models';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ApiError } from '../http/api-error';

const POLL_MS = 10;
type StationDocument = StationView;

/**
 * The read side as the API sees it: the reader over the projections' documents and, unless an
 * external projector runs, the projector itself.
 */
@Injectable()
export class ReadSide implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly reader: ReadModelReader;
  private readonly logger = new Logger('ReadSide');
  private projector: Projector | null = null;
  private rebuilds: Promise<void> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.reader = new ReadModelReader(docs);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.projector === 'external') return;
    const projector = new Projector(this.events, this.docs, PROJECTIONS, { logger: this.logger });
    const stale = await projector.prepare();
    // Bring the read side up to date before serving, so a restart never shows older lists.
    await projector.catchUp();
    projector.start();
    this.projector = projector;
    for (const projection of stale) {
      this.logger.warn(`Projection ${projection.name} changed (v${projection.version}): rebuilding while the old version serves`);
      this.rebuilds = this.rebuilds.then(() =>
        rebuildProjection(this.events, this.docs, projection, { logger: this.logger }).then(
          (r) => this.logger.log(`Rebuilt ${r.projection} into ${r.collection} in ${r.millis} ms`),
          (error: unknown) => this.logger.error(`Rebuild of ${projection.name} failed: ${String(error)}`),
        ),
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projector?.stop();
    await this.rebuilds;
  }

  /** Waits (up to `timeoutMs`) until every projection has applied the log up to its current head. */
  async caughtUp(timeoutMs = 2000): Promise<boolean> {
    const head = Number(await this.events.headPosition());
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const checkpoints = await Promise.all(
        PROJECTIONS.map(async (p) => {
          const entry = await this.reader.registry.active(p.name);
          return entry ? this.reader.registry.checkpoint(entry.collection) : 0;
        }),
      );
      if (checkpoints.every((c) => c >= head)) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Like caughtUp, but a read side still behind after the wait is an error (for decisions that need it). */
  async requireCaughtUp(timeoutMs = 10_000): Promise<void> {
    if (!(await this.caughtUp(timeoutMs))) {
      throw ApiError.of(
        503,
        'READ_MODEL_BEHIND',
        '读模型尚未同步到最新事件，请稍后重试',
        'The read models have not caught up with the latest events yet; retry shortly',
      );
    }
  }

  /** The station registry as it stood at `asOf`, replayed from the events and queried like the live one. */
  async stationsAsOf(asOf: Date, filter: StationListFilter, sort: string | undefined, page: PageRequest) {
    const documents = await documentsAsOf(this.events, stationsProjection, asOf);
    const scratch = new EmbeddedDocumentStore(':memory:');
    try {
      const registry = new ProjectionRegistry(scratch);
      await registry.switchTo(stationsProjection, 1, 'stations', asOf);
      await scratch.collection<StationDocument>('stations').putManyIfNewer(documents);
      return await new ReadModelReader(scratch).listStations(filter, sort, page);
    } finally {
      await scratch.close();
    }
  }

  lag(): Promise<ProjectionLag[]> {
    return projectionLag(this.events, this.reader.registry, PROJECTIONS);
  }
}
