import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { Observable, tap } from 'rxjs';

/** A body carrying a record revision sets the ETag, which clients send back as If-Match. */
@Injectable()
export class ETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      tap((body) => {
        const revision = (body as { revision?: unknown } | null)?.revision;
        if (typeof revision === 'number' && revision >= 0 && !response.headersSent) {
          response.setHeader('ETag', `"${revision}"`);
        }
      }),
    );
  }
}
