import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';

const ID = /^[\x21-\x7e]{1,128}$/;

/** The request's correlation id: the caller's X-Correlation-Id when it is one, else a new one; sent back on the answer. */
function correlationIdOf(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-correlation-id'];
  const id = typeof given === 'string' && ID.test(given) ? given : randomUUID();
  response.setHeader('X-Correlation-Id', id);
  return id;
}

/**
 * Structured logs (pino, JSON lines): one line per request with its correlation id — the id the
 * events it writes carry — its route, status and time, and the caller once the token is read; the
 * Authorization header never appears. The framework's own logs go through the same logger.
 */
export const structuredLogs = (config: AppConfig) =>
  LoggerModule.forRoot({
    pinoHttp: {
      level: config.logLevel,
      genReqId: correlationIdOf,
      customProps: (request) => {
        const actor = (request as { actor?: { id: string; role: string; orgId: string } }).actor;
        return { correlationId: request.id, ...(actor ? { actor: { id: actor.id, role: actor.role, orgId: actor.orgId } } : {}) };
      },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], remove: true },
      serializers: {
        req: (req: { method?: string; url?: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
    },
  });
