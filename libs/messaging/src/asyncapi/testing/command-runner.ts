import { randomUUID } from 'node:crypto';
import type { Actor, Decider, DomainCommand, DomainEvent } from '@sme/domain';
import { handleCommand, type EventStore, type EventToAppend } from '@sme/event-store';

export type ExtraMetadata = Partial<Pick<EventToAppend['metadata'], 'causationId' | 'legalBasis'>>;

/**
 * Runs commands through the real deciders into a store, as a handler would, for the test histories;
 * counts the events written.
 */
export function commandRunner(store: EventStore) {
  const runner = {
    events: 0,
    async run<C extends DomainCommand, S, E extends DomainEvent>(
      decider: Decider<C, S, E>,
      streamId: string,
      versions: Record<string, number>,
      actor: Actor,
      at: string,
      type: C['type'],
      data: object,
      extra: ExtraMetadata = {},
    ) {
      const now = new Date(at);
      const command = { type, data, metadata: { now, actor } } as unknown as C;
      const result = await handleCommand(store, {
        streamId,
        decider,
        command,
        businessTime: now,
        toEventToAppend: (event) => ({
          id: randomUUID(),
          type: event.type,
          schemaVersion: versions[event.type] ?? 1,
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
