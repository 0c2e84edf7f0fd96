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
