import type { TestApp } from './test-app';

type Response = { status: number; body: any };

/**
 * A refusal as every e2e suite expects it: the status, the stable code, a message in Chinese and in
 * English — and nothing written (the log's head position is the same before and after).
 */
export async function expectRefused(t: TestApp, send: () => Promise<Response>, status: number, code?: string) {
  const before = await t.head();
  const res = await send();
  expect({ status: res.status, code: res.body.code }).toEqual({ status, code: code ?? res.body.code });
  expect(res.body.message.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(res.body.message.en).toMatch(/[a-z]/);
  expect(await t.head()).toBe(before);
  return res.body;
}

/** The body of a successful answer, or an error naming what came back instead. */
export function okBody<T = any>(res: Response): T {
  if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}
