import { Inject, Injectable, Optional } from '@nestjs/common';
import { authorize } from '@sme/domain/shared/access';
import type { DomainCommand, DomainEvent } from '@sme/domain/shared/decider';
import type { RecordKind } from '@sme/domain/shared/record-kind';
import { defaultUpcast, EVENT_STORE, foldRecorded, handleCommand, newEventId, SNAPSHOTS, type EventStore, type EventToAppend, type RecordedEvent, type SnapshotPolicy } from '@sme/event-store';
import { IdempotencyInterceptor } from '../http/idempotency.interceptor';
import { ReadConsistency } from '../read-side/read-consistency';
import type { RequestContext } from './request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** What every command endpoint answers. */
export interface CommandResult {
  id: string;
  streamId: string;
  /** Revision of the record after the command (also sent as ETag). */
  revision: number;
  /** Global position of the last event written, as a decimal string. */
  position: string | null;
  events: { id: string; type: string }[];
}

export interface ExecuteOptions<C extends DomainCommand, S, E extends DomainEvent> {
  /** The record kind: its stream, decider, access gate and schema versions. */
  kind: RecordKind<C, S, E>;
  id: string;
  command: Omit<C, 'metadata'>;
  ctx: RequestContext;
  legalBasis?: string;
  /** Set when the command follows from another event (e.g. stations created by a published list). */
  causationId?: string;
  /** Ignore the client's If-Match: used for follow-up writes to other records. */
  ignoreExpectedRevision?: boolean;
}

/** Builds the envelope around a domain command and runs it through the shared handler. */
@Injectable()
export class CommandExecutor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() private readonly consistency?: ReadConsistency,
    @Optional() @Inject(APP_CONFIG) private readonly config?: AppConfig,
    @Optional() @Inject(SNAPSHOTS) private readonly snapshots?: SnapshotPolicy,
  ) {}

  async execute<C extends DomainCommand, S, E extends DomainEvent>(
    options: ExecuteOptions<C, S, E>,
  ): Promise<CommandResult & { state: S; recorded: RecordedEvent[] }> {
    const { ctx, kind } = options;
    const streamId = kind.streamId(options.id);
    const schemaVersions: Record<string, number> = kind.schemaVersions;
    const command = { ...options.command, metadata: { now: ctx.occurredAt, actor: ctx.actor } } as C;
    const reason = ctx.reason ?? opinionOf(command.data);
    const run = () => handleCommand(this.store, {
      streamId,
      decider: kind.decider,
      authorize: (c, state) => authorize(kind.access, c, state),
      command,
      ...(this.snapshots ? { snapshots: this.snapshots } : {}),
      expectedRevision: options.ignoreExpectedRevision ? undefined : ctx.expectedRevision,
      // The first command on a record whose id this request drew has no stream to read; any later one reads.
      newStream: ctx.drawnIds?.delete(options.id) === true,
      businessTime: ctx.occurredAt,
      backdating: { windowMs: (this.config?.backdateWindowDays ?? 0) * 86_400_000, ...(ctx.backdatingReason ? { reason: ctx.backdatingReason } : {}) },
      ...(ctx.corrects ? { correction: { eventId: ctx.corrects, ...(reason ? { reason } : {}) } } : {}),
      toEventToAppend: (event: E, index: number, businessTime = ctx.occurredAt): EventToAppend => ({
        id: ctx.idempotencyKey
          ? IdempotencyInterceptor.eventIdFor(ctx.actor, ctx.idempotencyKey, streamId, index)
          : newEventId(),
        type: event.type,
        schemaVersion: schemaVersions[event.type] ?? 1,
        data: event.data as Record<string, unknown>,
        metadata: {
          occurredAt: businessTime.toISOString(),
          recordedAt: new Date().toISOString(),
          actor: ctx.actor,
          correlationId: ctx.correlationId,
          causationId: options.causationId ?? ctx.causationId,
          ...(reason ? { reason } : {}),
          ...(ctx.backdatingReason ? { backdatingReason: ctx.backdatingReason } : {}),
          ...(ctx.corrects ? { corrects: ctx.corrects } : {}),
          ...(options.legalBasis ? { legalBasis: options.legalBasis } : {}),
        },
      }),
    });
    let result: Awaited<ReturnType<typeof run>>;
    try {
      result = await run();
    } catch (error) {
      // A retry of a request whose first attempt wrote and then died before it could answer (a crash):
      // its events are there under the ids the key gives, so the answer is theirs, not the refusal.
      const written = ctx.idempotencyKey ? await this.writtenBefore(streamId, kind, ctx) : undefined;
      if (!written) throw error;
      result = written;
    }
    if (result.position !== null) this.consistency?.noteWrite(result.position);
    return {
      id: options.id,
      streamId,
      revision: Number(result.nextExpectedRevision),
      position: result.position === null ? null : result.position.toString(),
      events: result.events.map((e) => ({ id: e.id, type: e.type })),
      state: result.state,
      recorded: result.events,
    };
  }

  /** The events an earlier attempt of this request wrote to the stream (ids derived from its key), and the state after them; undefined when there are none. */
  private async writtenBefore<C extends DomainCommand, S, E extends DomainEvent>(streamId: string, kind: RecordKind<C, S, E>, ctx: RequestContext) {
    const history = await this.store.readStream(streamId);
    // A command writes a handful of events: the ids of its first sixteen are enough to recognise them.
    const ids = new Set(Array.from({ length: 16 }, (_, index) => IdempotencyInterceptor.eventIdFor(ctx.actor, ctx.idempotencyKey!, streamId, index)));
    const events = history.filter((event) => ids.has(event.id));
    if (events.length === 0) return undefined;
    const last = events[events.length - 1];
    const state = foldRecorded(kind.decider, kind.decider.initialState(), history.filter((event) => event.revision <= last.revision), defaultUpcast);
    return { state, events, nextExpectedRevision: last.revision, position: last.position };
  }
}

/** The opinion or reason a command carries is the natural "why" of its events. */
function opinionOf(data: object): string | undefined {
  const d = data as { opinion?: unknown; reason?: unknown };
  if (typeof d.opinion === 'string' && d.opinion) return d.opinion;
  if (typeof d.reason === 'string' && d.reason) return d.reason;
  return undefined;
}

/** Strips the internal fields before a command result goes over HTTP. */
export function toResponse({ id, streamId, revision, position, events }: CommandResult): CommandResult {
  return { id, streamId, revision, position, events };
}
