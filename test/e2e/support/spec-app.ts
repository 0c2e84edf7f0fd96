import { expectRefused } from './refusals';
import { client } from './station-lifecycle';
import { startTestApp, type TestApp } from './test-app';

export type Client = ReturnType<typeof client>;
export type Refuse = (send: () => Promise<{ status: number; body: any }>, status: number, code?: string) => Promise<any>;

/** What an HTTP spec starts from: the app, a client of it, and the refusal check bound to it. */
export interface SpecApp {
  t: TestApp;
  c: Client;
  refused: Refuse;
}

export async function startSpecApp(options: { env?: NodeJS.ProcessEnv } = {}): Promise<SpecApp> {
  const t = await startTestApp(options);
  return { t, c: client(t), refused: (send, status, code) => expectRefused(t, send, status, code) };
}

/**
 * For a describe block: starts the app before its tests and closes it after them. The client and the
 * refusal check can be taken at once, outside any hook: they reach the app when called.
 *
 *   const { app, c, refused } = useSpecApp();
 *   beforeAll(async () => (callId = await openCall(app())));
 */
export function useSpecApp(options: { env?: NodeJS.ProcessEnv } = {}): { app: () => TestApp; c: Client; refused: Refuse } {
  let started: SpecApp | undefined;
  const spec = (): SpecApp => {
    if (!started) throw new Error('The app starts in beforeAll: reach it from hooks and tests only');
    return started;
  };
  beforeAll(async () => {
    started = await startSpecApp(options);
  });
  afterAll(() => started?.t.close());
  return {
    app: () => spec().t,
    c: { post: (...args) => spec().c.post(...args), get: (...args) => spec().c.get(...args), download: (...args) => spec().c.download(...args) },
    refused: (...args) => spec().refused(...args),
  };
}
