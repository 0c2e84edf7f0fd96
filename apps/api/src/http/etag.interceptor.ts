import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, tap } from 'rxjs';

/**
 * A command's answer names what it wrote in its headers: the ETag of the record's revision (sent back
 * as If-Match) and, for a 201, the Location of what was created — the `location` the answer gives for a
 * sub-record (a revocation proposal, a voucher order), else the record itself, `/<collection>/<id>`.
 */
@Injectable()
export class ETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    return next.handle().pipe(
      tap((body) => {
        if (response.headersSent || body === null || typeof body !== 'object') return;
        const { revision, id, location } = body as { revision?: unknown; id?: unknown; location?: unknown };
        if (typeof revision === 'number' && revision >= 0) response.setHeader('ETag', `"${revision}"`);
        if (response.statusCode !== 201) return;
        if (typeof location === 'string') response.setHeader('Location', location);
        else if (typeof id === 'string') response.setHeader('Location', `/${request.path.split('/')[1]}/${encodeURIComponent(id)}`);
      }),
    );
  }
}
