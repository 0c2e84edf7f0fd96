import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { Actor } from '@sme/domain/shared/decider';
import { ApiError } from '../http/api-error';

/** Everything about a command that is not its data: who, when, under which ids. */
export interface RequestContext {
  actor: Actor;
  /** Business time of the act (the body's occurredAt, default now). */
  occurredAt: Date;
  correlationId: string;
  causationId: string | null;
  idempotencyKey?: string;
  /** From If-Match: the revision the client last saw. */
  expectedRevision?: bigint;
  reason?: string;
  /** 补录: why the act is dated before the record's previous event. */
  backdatingReason?: string;
  /** 更正: the id of the earlier event of the record whose fact this act corrects. */
  corrects?: string;
  /** New records' ids this request drew at random (`newRecordId`) and no command has used yet: no stream can have them. */
  drawnIds?: Set<string>;
}

const ID_PATTERN = /^[\x21-\x7e]{1,128}$/;

export function parseIfMatch(header: string | undefined): bigint | undefined {
  if (header === undefined) return undefined;
  // A quoted revision ("3", or weak W/"3"), or a bare one (3); quotes come in pairs.
  const match = /^(?:W\/)?(?:"(\d{1,18})"|(\d{1,18}))$/.exec(header.trim());
  if (!match) {
    throw ApiError.badRequest(
      'IF_MATCH_INVALID',
      'If-Match 须为记录版本号，例如 "3"',
      'If-Match must be a record revision, e.g. "3"',
      [{ field: 'If-Match', rule: 'revision', message: { zh: 'If-Match 格式不正确', en: 'If-Match is malformed' } }],
    );
  }
  return BigInt(match[1] ?? match[2]);
}

function optionalId(request: Request, header: string): string | undefined {
  const value = request.header(header);
  if (value === undefined) return undefined;
  if (!ID_PATTERN.test(value)) {
    throw ApiError.badRequest(
      'HEADER_INVALID',
      `${header} 须为 1–128 个可见 ASCII 字符`,
      `${header} must be 1–128 visible ASCII characters`,
    );
  }
  return value;
}

export function buildRequestContext(request: Request & { actor: Actor }, now = new Date()): RequestContext {
  const body = (request.body ?? {}) as { occurredAt?: unknown; reason?: unknown; backdatingReason?: unknown; corrects?: unknown };
  // The DTO validates occurredAt (format, not in the future); here it is only read.
  if (body.corrects !== undefined && body.occurredAt !== undefined) {
    throw ApiError.badRequest('CORRECTION_TIME_FIXED', '更正沿用所更正事件的发生时间，不能另给 occurredAt', 'A correction takes the business time of the event it corrects: occurredAt may not be sent with corrects', [
      { field: 'occurredAt', rule: 'correctionTime', message: { zh: '与 corrects 同时给出', en: 'sent together with corrects' } },
    ]);
  }
  const occurredAt =
    typeof body.occurredAt === 'string' && !Number.isNaN(Date.parse(body.occurredAt)) ? new Date(body.occurredAt) : now;
  return {
    actor: request.actor,
    occurredAt,
    // The caller's, checked; else the one the request log line carries (set by the logger), else a new one.
    correlationId: optionalId(request, 'x-correlation-id') ?? (typeof (request as { id?: unknown }).id === 'string' ? (request as { id: string }).id : randomUUID()),
    causationId: optionalId(request, 'x-causation-id') ?? null,
    idempotencyKey: request.header('idempotency-key'),
    expectedRevision: parseIfMatch(request.header('if-match')),
    reason: typeof body.reason === 'string' ? body.reason : undefined,
    backdatingReason: typeof body.backdatingReason === 'string' && body.backdatingReason.trim() ? body.backdatingReason : undefined,
    corrects: typeof body.corrects === 'string' ? body.corrects : undefined,
  };
}

/** `@Ctx() ctx: RequestContext` in a controller. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext =>
  buildRequestContext(context.switchToHttp().getRequest()),
);
