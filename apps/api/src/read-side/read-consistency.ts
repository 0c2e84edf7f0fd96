import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ApiError } from '../http/api-error';

/** What a read must see: written by the reader's own request chain. */
interface ReadRequest {
  /** From `X-Min-Position`: the position of a write the client saw acknowledged (by any instance). */
  minPosition: bigint;
  /** Collections already confirmed fresh enough during this request. */
  confirmed: Set<string>;
}

const requests = new AsyncLocalStorage<ReadRequest>();

export const MIN_POSITION_HEADER = 'x-min-position';

function parseMinPosition(header: string | undefined): bigint {
  if (header === undefined) return 0n;
  if (!/^\d{1,19}$/.test(header.trim())) {
    throw ApiError.badRequest('MIN_POSITION_INVALID', 'X-Min-Position 须为事件日志位置（非负整数）', 'X-Min-Position must be a log position (a non-negative integer)', [
      { field: 'X-Min-Position', rule: 'position', message: { zh: 'X-Min-Position 格式不正确', en: 'X-Min-Position is malformed' } },
    ]);
  }
  return BigInt(header.trim());
}

/**
 * Read-your-writes by log position. A command answers with the position of its last event; a list
 * read then waits, bounded, until the projection it reads has applied that position — the client's
 * `X-Min-Position`, or the last write this API instance acknowledged, whichever is later. Nothing
 * else is waited for: no other projection, no head of the log.
 */
@Injectable()
export class ReadConsistency implements NestMiddleware {
  private lastWrite = 0n;

  /** Middleware of every route: opens the request's read context (a malformed header is a 400). */
  use(request: Request, _response: Response, next: NextFunction): void {
    const minPosition = parseMinPosition(request.header(MIN_POSITION_HEADER));
    requests.run({ minPosition, confirmed: new Set() }, next);
  }

  /** Called by the executor after every append. */
  noteWrite(position: bigint): void {
    if (position > this.lastWrite) this.lastWrite = position;
  }

  /** The position a read in the current request must see (0 when none). */
  needed(): bigint {
    const request = requests.getStore();
    const fromClient = request?.minPosition ?? 0n;
    return fromClient > this.lastWrite ? fromClient : this.lastWrite;
  }

  isConfirmed(collection: string): boolean {
    return requests.getStore()?.confirmed.has(collection) ?? false;
  }

  confirm(collection: string): void {
    requests.getStore()?.confirmed.add(collection);
  }
}
