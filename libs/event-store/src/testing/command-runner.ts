import { randomUUID } from 'node:crypto';
import { authorize } from '@sme/domain/shared/access';
import type { Actor, DomainCommand, DomainEvent } from '@sme/domain/shared/decider';
import type { RecordKind } from '@sme/domain/shared/record-kind';
import type { EventStore, EventToAppend } from '../event-store.port';
import { newEventId } from '../event-id';
import { handleCommand, type HandleCommandResult } from '../handle-command';
import type { SnapshotPolicy } from '../snapshots/snapshot-store';

export type ExtraMetadata = Partial<Pick<EventToAppend['metadata'], 'causationId' | 'legalBasis'>>;

export interface CommandRunner {
  /** How many events the runner has written so far. */
  events: number;
  /** One act on the record `id` of `kind`, by `actor` at business time `at`: access gate, decider, append. */
  run<C extends DomainCommand, S, E extends DomainEvent>(
    kind: RecordKind<C, S, E>,
    id: string,
    actor: Actor,
    at: string,
    type: C['type'],
    data: object,
    extra?: ExtraMetadata,
  ): Promise<HandleCommandResult<S>>;
}

/**
 * Runs commands through a kind's access gate and decider into a store, as a request handler would,
 * for test and benchmark histories; counts the events written. With `snapshots`, each command folds
 * its record from the state kept, as the API's commands do.
 */
export function commandRunner(store: EventStore, options: { snapshots?: SnapshotPolicy } = {}): CommandRunner {
  const runner: CommandRunner = {
    events: 0,
    async run(kind, id, actor, at, type, data, extra = {}) {
      const now = new Date(at);
      const command = { type, data, metadata: { now, actor } } as unknown as Parameters<typeof kind.decider.decide>[0];
      const result = await handleCommand(store, {
        streamId: kind.streamId(id),
        decider: kind.decider,
        command,
        authorize: (cmd, state) => authorize(kind.access, cmd, state),
        businessTime: now,
        ...(options.snapshots ? { snapshots: options.snapshots } : {}),
        toEventToAppend: (event) => ({
          id: newEventId(),
          type: event.type,
          schemaVersion: (kind.schemaVersions as Record<string, number>)[event.type] ?? 1,
          data: event.data as Record<string, unknown>,
          metadata: {
            occurredAt: now.toISOString(),
            recordedAt: new Date().toISOString(),
            actor,
            correlationId: randomUUID(),
            causationId: extra.causationId ?? null,
            ...(extra.legalBasis === undefined ? {} : { legalBasis: extra.legalBasis }),
          },
        }),
      });
      runner.events += result.events.length;
      return result;
    },
  };
  return runner;
}
