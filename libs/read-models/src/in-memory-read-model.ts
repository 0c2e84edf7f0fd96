import type { EventStore, RecordedEvent } from '@sme/event-store';
import { APPLICATION_STREAM_PREFIX, projectApplication } from './application.projection';
import { CALL_STREAM_PREFIX, projectCall } from './call.projection';
import { STATION_STREAM_PREFIX, projectStation } from './station.projection';
import { idOfStream } from './view-version';
import type { ApplicationView, CallView, StationView } from './views';

type Projector<V> = (view: V | undefined, event: RecordedEvent) => V | undefined;

const PAGE = 1000;

/**
 * Views of calls, applications and stations held in memory, brought up to the head of the log
 * before every read, so a client reads its own writes. Built from the log at start-up.
 */
export class InMemoryReadModel {
  readonly calls = new Map<string, CallView>();
  readonly applications = new Map<string, ApplicationView>();
  readonly stations = new Map<string, StationView>();
  private position = 0n;
  private pending: Promise<void> | null = null;

  constructor(private readonly store: EventStore) {}

  get checkpoint(): bigint {
    return this.position;
  }

  /** Applies every event after the checkpoint; concurrent callers share one pass. */
  catchUp(): Promise<void> {
    if (!this.pending) {
      this.pending = this.readToHead().finally(() => {
        this.pending = null;
      });
    }
    return this.pending;
  }

  apply(event: RecordedEvent): void {
    if (event.position <= this.position) return;
    const id = idOfStream(event.streamId);
    if (event.streamId.startsWith(CALL_STREAM_PREFIX)) update(this.calls, id, projectCall, event);
    else if (event.streamId.startsWith(APPLICATION_STREAM_PREFIX)) update(this.applications, id, projectApplication, event);
    else if (event.streamId.startsWith(STATION_STREAM_PREFIX)) update(this.stations, id, projectStation, event);
    this.position = event.position;
  }

  private async readToHead(): Promise<void> {
    for (;;) {
      const page = await this.store.readAll({ after: this.position, maxCount: PAGE });
      for (const event of page) this.apply(event);
      if (page.length < PAGE) return;
    }
  }
}

function update<V>(views: Map<string, V>, id: string, project: Projector<V>, event: RecordedEvent): void {
  const next = project(views.get(id), event);
  if (next) views.set(id, next);
}

/** Folds one stream's events into its view (used for single-record reads and as-of replays). */
export function foldView<V>(project: Projector<V>, events: readonly RecordedEvent[]): V | undefined {
  return events.reduce<V | undefined>(project, undefined);
}
