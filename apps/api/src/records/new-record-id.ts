import { randomUUID } from 'node:crypto';
import { IdempotencyInterceptor } from '../http/idempotency.interceptor';
import type { RequestContext } from '../commands/request-context';

/** A new record's id; derived from the Idempotency-Key when there is one, so a retry names the same record. */
export function newRecordId(ctx: RequestContext, kind: string): string {
  return ctx.idempotencyKey
    ? IdempotencyInterceptor.eventIdFor(ctx.actor, ctx.idempotencyKey, `new-${kind}`, 0)
    : randomUUID();
}
