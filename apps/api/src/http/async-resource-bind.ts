import { AsyncResource } from 'node:async_hooks';

/**
 * `AsyncResource.bind(fn)` as Node defines it, less the deprecated `asyncResource` accessor (DEP0172)
 * that Node 20 puts on every function it returns.
 *
 * The framework binds two or three functions this way on every request (one per interceptor, and the
 * handler), so that they run in the request's async context. Each accessor is a new pair of closures
 * defined on a new function, and the closures hold the request. Measured, that was enough for every
 * request to survive the young generation's collections and wait for a full one; a plain
 * `AsyncResource` with `runInAsyncScope` is not (docs/adr/0016-per-request-garbage.md has the figures).
 * The likely reason: V8 records each such property in a new hidden class, which lives in the old
 * generation and holds the closures until a full collection.
 *
 * The function returned here runs `fn` in the context of the call to `bind`, with the caller's `this`
 * (or `thisArg`) and arguments, and has `fn`'s length, as Node's does.
 */
function bindInItsContext(fn: (...args: unknown[]) => unknown, type?: string, thisArg?: unknown): (...args: unknown[]) => unknown {
  // Node's own check and error for what is not a function.
  if (typeof fn !== 'function') return new AsyncResource('bound-anonymous-fn').bind(fn);
  const resource = new AsyncResource(type || fn.name || 'bound-anonymous-fn');
  const bound = function (this: unknown, ...args: unknown[]) {
    return resource.runInAsyncScope(fn, thisArg === undefined ? this : thisArg, ...args);
  };
  Object.defineProperty(bound, 'length', { value: fn.length, configurable: true });
  return bound;
}

/** Puts `bindInItsContext` in place of `AsyncResource.bind` for the whole process; calling it again changes nothing. */
export function bindWithoutDeprecatedAccessor(): void {
  AsyncResource.bind = bindInItsContext as unknown as typeof AsyncResource.bind;
}
