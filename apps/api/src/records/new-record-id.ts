import { randomUUID } from 'node:crypto';
import { IdempotencyInterceptor } from '../http/idempotency.interceptor';
import type { RequestContext } from '../commands/request-context';

/**
 * A new record's id; derived from the Idempotency-Key when there is one, so a retry names the same
 * record. Otherwise drawn at random and noted in the context (`drawnIds`): a command on that record
 * then has no stream to read.
 */
export function newRecordId(ctx: RequestContext, kind: string): string {
  if (ctx.idempotencyKey) return IdempotencyInterceptor.eventIdFor(ctx.actor, ctx.idempotencyKey, `new-${kind}`, 0);
  const id = randomUUID();
  (ctx.drawnIds ??= new Set()).add(id);
  return id;
}
