import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

/** How deep a request body's objects and arrays may nest: no form of the API needs more than a few levels. */
export const MAX_JSON_DEPTH = 32;

/** An error body-parser passes on with its status, as http-errors shapes them. */
export class BodyRejected extends Error {
  readonly expose = true;
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly limit?: number,
  ) {
    super(message);
  }
}

/**
 * The nesting depth of a JSON text, read byte by byte without parsing it (strings and their escapes
 * skipped), stopping as soon as it passes `max`: so a body nested thousands of levels is refused before
 * JSON.parse and the validation pipe, whose recursion it would exhaust.
 */
export function jsonDepthExceeds(raw: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i += 1) {
    const byte = raw[i];
    if (inString) {
      if (byte === 0x5c) i += 1; // backslash: skip the escaped byte
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      depth += 1;
      if (depth > max) return true;
    } else if (byte === 0x7d || byte === 0x5d) depth -= 1;
  }
  return false;
}

/**
 * The JSON body parser with its limits: `limit` bytes (413 beyond, on every path, before routing and
 * authentication) and MAX_JSON_DEPTH levels (400 beyond). The errors reach ApiExceptionFilter, which
 * answers with the one error body.
 */
export function useJsonBody(app: INestApplication, limit: string): void {
  (app as NestExpressApplication).useBodyParser('json', {
    limit,
    verify: (_req: unknown, _res: unknown, raw: Buffer) => {
      if (jsonDepthExceeds(raw, MAX_JSON_DEPTH)) throw new BodyRejected(400, 'entity.too.deep', `JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
    },
  });
  // The parser's refusals keep their type on the way to the filter (the framework would turn a JSON syntax error into a bare 400).
  app.use((error: unknown, _req: unknown, _res: unknown, next: (error?: unknown) => void) => {
    const { status, type, message, limit } = (error ?? {}) as { status?: unknown; type?: unknown; message?: unknown; limit?: unknown };
    if (typeof status === 'number' && status >= 400 && status < 500 && typeof type === 'string') {
      next(new BodyRejected(status, type, String(message), typeof limit === 'number' ? limit : undefined));
    } else next(error);
  });
}
