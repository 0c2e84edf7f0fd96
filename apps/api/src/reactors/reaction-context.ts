import type { Actor } from '@sme/domain';
import type { RecordedEvent } from '@sme/event-store';
import type { RequestContext } from '../commands/request-context';

/**
 * How a reaction's follow-up is written: at the business time of the event it follows, caused by that
 * event, in its correlation, with an event id that follows from the reaction and the event (so seeing
 * the event again writes nothing new).
 */
export const reactionContext = (reaction: string, event: RecordedEvent, actor: Actor): RequestContext => ({
  actor,
  occurredAt: new Date(event.metadata.occurredAt),
  correlationId: event.metadata.correlationId,
  causationId: event.id,
  idempotencyKey: `reaction:${reaction}:${event.id}`,
});

/** The ledger acting by itself in a role (a reaction, a scheduled sweep): `SME-LEDGER`, in the record's region. */
export const ledgerActor = (id: string, role: Actor['role'], regionCode: string): Actor => ({ id, role, orgId: 'SME-LEDGER', regionCode });
