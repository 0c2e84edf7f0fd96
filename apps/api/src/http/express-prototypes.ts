import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Express } from 'express';

/**
 * The Express adapter, with one difference: the HTTP server builds every request and answer with
 * Express's own prototypes (`app.request`, `app.response`) from the start.
 *
 * Express otherwise gives each of them those prototypes on arrival (`Object.setPrototypeOf` in
 * `app.handle`). In V8 that is costly beyond the call itself: the objects of every request, and all
 * they hold, survive the young generation's collections and are copied into the old generation,
 * which only a full collection frees (docs/adr/0016-per-request-garbage.md has the figures). With the
 * prototypes already in place, Express's call finds nothing to change.
 *
 * An HTTPS server, or one that tracks its connections to close them by force, is left to the adapter.
 */
export class ExpressWithItsPrototypes extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    if (options.httpsOptions || options.forceCloseConnections) return super.initHttpServer(options);
    const app = this.getInstance<Express>();
    this.setHttpServer(
      createServer({ IncomingMessage: constructing(IncomingMessage, app.request), ServerResponse: constructing(ServerResponse, app.response) }, app),
    );
  }
}

/** A constructor that runs `base`'s and gives the object `prototype` (which must inherit from `base.prototype`). */
function constructing<T extends Function>(base: T, prototype: object): T {
  function Constructed(...args: unknown[]): object {
    return Reflect.construct(base, args, Constructed) as object;
  }
  Constructed.prototype = prototype;
  return Constructed as unknown as T;
}
