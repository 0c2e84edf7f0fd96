import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { Observable, catchError, from, of, switchMap, throwError } from 'rxjs';
import type { Actor } from '@sme/domain/shared/decider';
import { ApiError } from './api-error';
import { ApiExceptionFilter } from './domain-exception.filter';
import { IdempotencyStore, type Reservation } from './idempotency.store';

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');

/** Who a token speaks for, whole: subject, role, organisation and region. */
export const principalOf = (actor: Actor): string => [actor.id, actor.role, actor.orgId, actor.regionCode].join('\u0000');
const HEADER = 'idempotency-key';
const REPLAYED = 'Idempotent-Replayed';
const KEPT_HEADERS = ['etag', 'location'];

/**
 * `Idempotency-Key` on a POST: the first answer (success or refusal) is stored and returned
 * again to every retry, which writes nothing. Server faults (5xx) are not stored, so they can
 * be retried for real.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly errors = new ApiExceptionFilter();

  constructor(@Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { actor?: Actor }>();
    const response = http.getResponse<Response>();
    const key = request.header(HEADER);
    if (request.method !== 'POST' || key === undefined) return next.handle();
    if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
      throw ApiError.badRequest(
        'IDEMPOTENCY_KEY_INVALID',
        'Idempotency-Key 须为 1–200 个可见 ASCII 字符',
        'Idempotency-Key must be 1–200 visible ASCII characters',
      );
    }

    // The whole principal: another token with the same subject but another role, organisation or region is another caller.
    const scope = `${request.actor ? principalOf(request.actor) : 'anonymous'}\u0000${key}`;
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.originalUrl}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    return from(this.store.reserve(scope, fingerprint, new Date())).pipe(switchMap((reservation) => this.answer(reservation, scope, next, response)));
  }

  private answer(reservation: Reservation, scope: string, next: CallHandler, response: Response): Observable<unknown> {
    switch (reservation.state) {
      case 'mismatch':
        throw ApiError.of(
          422,
          'IDEMPOTENCY_KEY_REUSED',
          '该 Idempotency-Key 已用于另一个请求',
          'This Idempotency-Key was already used for a different request',
        );
      case 'in-progress':
        throw ApiError.conflict(
          'IDEMPOTENCY_KEY_IN_PROGRESS',
          '使用该 Idempotency-Key 的请求仍在处理中',
          'A request with this Idempotency-Key is still being processed',
        );
      case 'completed': {
        const { status, body, headers } = reservation.response;
        for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
        response.setHeader(REPLAYED, 'true');
        response.status(status);
        if (status >= 400) return throwError(() => new ApiError(body as never));
        return of(body);
      }
      case 'reserved':
        // The answer is kept before it is sent: a retry after it gets the same.
        return next.handle().pipe(
          switchMap((body) => from(this.store.complete(reservation.held, response.statusCode, body, this.keptHeaders(response)).then(() => body))),
          catchError((error: unknown) => {
            const body = this.errors.toBody(error);
            const kept = body.statusCode < 500 ? this.store.complete(reservation.held, body.statusCode, body, {}) : this.store.release(scope);
            return from(kept.then(() => Promise.reject(error)));
          }),
        );
    }
  }

  private keptHeaders(response: Response): Record<string, string> {
    const kept: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = response.getHeader(name);
      if (value !== undefined) kept[name] = String(value);
    }
    return kept;
  }

  /** Event ids derived from the principal and the key, so a retry that races past the store still cannot write twice. */
  static eventIdFor(actor: Actor, key: string, streamId: string, index: number): string {
    const hex = createHash('sha256').update(`${principalOf(actor)}\u0000${key}\u0000${streamId}\u0000${index}`).digest('hex');
    // RFC 9562 UUIDv8 layout: version nibble 8, variant bits 10.
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}
