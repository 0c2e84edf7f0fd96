import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { bindWithoutDeprecatedAccessor } from './async-resource-bind';

describe('AsyncResource.bind without the deprecated accessor', () => {
  // What was there before (Node's, or this one put in place by an app another suite of this worker started).
  const before = AsyncResource.bind;
  beforeAll(() => bindWithoutDeprecatedAccessor());
  afterAll(() => {
    AsyncResource.bind = before;
  });

  it('installing it again changes nothing', () => {
    const installed = AsyncResource.bind;
    bindWithoutDeprecatedAccessor();
    expect(AsyncResource.bind).toBe(installed);
  });

  it('runs the function in the async context of the call to bind, wherever it is called from', async () => {
    const storage = new AsyncLocalStorage<string>();
    const bound = storage.run('the request', () => AsyncResource.bind(() => storage.getStore()));
    expect(storage.getStore()).toBeUndefined();
    expect(bound()).toBe('the request');
    expect(storage.run('another', () => bound())).toBe('the request');
    expect(await new Promise((resolve) => setImmediate(() => resolve(bound())))).toBe('the request');
  });

  it('passes the arguments and the caller’s this, or thisArg when given, and returns what the function returns', () => {
    function add(this: unknown, a: number, b: number): number {
      return ((this as { base?: number } | undefined)?.base ?? 0) + a + b;
    }
    const bound = AsyncResource.bind(add);
    expect(bound.call({ base: 10 }, 1, 2)).toBe(13);
    expect(AsyncResource.bind(add, 'adder', { base: 100 }).call({ base: 10 }, 1, 2)).toBe(103);
    expect(bound).toHaveLength(2);
  });

  it('carries no accessor of its own, where Node’s carries `asyncResource`', () => {
    // Node's static bind is this method on a new resource.
    expect(Object.getOwnPropertyNames(new AsyncResource('node').bind(() => 1))).toContain('asyncResource');
    expect(Object.getOwnPropertyNames(AsyncResource.bind(() => 1))).not.toContain('asyncResource');
  });

  it('refuses what is not a function, as Node does', () => {
    expect(() => AsyncResource.bind(42 as never)).toThrow(/"fn" argument must be of type function/);
  });
});
