import { randomUUID } from 'node:crypto';
import { policyBody } from './support/policies-demands';
import { actors, client } from './support/station-lifecycle';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * "What did we know on day X about day Y": a record read as of a business time (`asOf`) as the ledger
 * knew it at a record time (`knownAt`), around an act recorded late with its business time back-dated.
 */
const refused = async (call: () => Promise<{ status: number; body: { code?: string } }>, status: number, code: string) => {
  const res = await call();
  expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
};

describe('Bitemporal reads around a back-dated act (补录)', () => {
  let t: TestApp;
  let policyId: string;
  let knownBefore: string;
  beforeAll(async () => {
    t = await startTestApp();
    const c = client(t);
    const published = await c.post(actors.city, '/policies', policyBody({ level: 'MUNICIPAL', regionCode: '440100', occurredAt: '2024-12-20T10:00:00+08:00' }));
    expect(published.status).toBe(201);
    policyId = published.body.id;
    expect((await c.post(actors.city, `/policies/${policyId}/amendments`, { title: '第二版标题', occurredAt: '2025-03-01T10:00:00+08:00' })).status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 20));
    knownBefore = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
  afterAll(() => t.close());

  it('refuses an act dated before the previous one without a reason, or beyond the window', async () => {
    const c = client(t);
    const noReason = await c.post(actors.city, `/policies/${policyId}/amendments`, { title: '补录标题', occurredAt: '2025-02-15T10:00:00+08:00' });
    expect(noReason.status).toBe(409);
    expect(noReason.body).toMatchObject({ code: 'BACKDATING_REASON_REQUIRED' });
    const tooEarly = await c.post(actors.city, `/policies/${policyId}/amendments`, { title: '补录标题', occurredAt: '2025-01-10T10:00:00+08:00', backdatingReason: '纸质文件补录' });
    expect(tooEarly.body).toMatchObject({ code: 'BACKDATING_BEYOND_WINDOW' });
  });

  it('takes it with a reason inside the window, and keeps the reason on the event', async () => {
    const c = client(t);
    const late = await c.post(actors.city, `/policies/${policyId}/amendments`, { title: '补录标题', occurredAt: '2025-02-15T10:00:00+08:00', backdatingReason: '纸质文件补录' });
    expect(late.status).toBe(201);
    const events = (await c.get(actors.auditor, `/streams/policy-${policyId}/events`)).body.events as { metadata: { backdatingReason?: string } }[];
    expect(events[events.length - 1].metadata.backdatingReason).toBe('纸质文件补录');
  });

  it('answers what was known then about a day, and what is known now about it', async () => {
    const c = client(t);
    const day = '2025-02-20T23:59:59+08:00';
    const now = (await c.get(actors.auditor, `/policies/${policyId}?asOf=${encodeURIComponent(day)}`)).body;
    expect(now.title).toBe('补录标题');
    const then = (await c.get(actors.auditor, `/policies/${policyId}?asOf=${encodeURIComponent(day)}&knownAt=${encodeURIComponent(knownBefore)}`)).body;
    expect(then.title).toBe(policyBody().title);
    // The record as known then, with no business-time limit: the March amendment.
    expect((await c.get(actors.auditor, `/policies/${policyId}?knownAt=${encodeURIComponent(knownBefore)}`)).body.title).toBe('第二版标题');
    // Not yet known at all before it was published.
    expect((await c.get(actors.auditor, `/policies/${policyId}?knownAt=2020-01-01T00:00:00Z`)).status).toBe(404);
  });

  it('answers the same of a list: the policy library as of the day, as known then and now', async () => {
    const c = client(t);
    const day = encodeURIComponent('2025-02-20T23:59:59+08:00');
    const titleIn = (body: { items: { id: string; title: string }[] }) => body.items.find((p) => p.id === policyId)?.title;
    expect(titleIn((await c.get(actors.auditor, `/policies?asOf=${day}`)).body)).toBe('补录标题');
    expect(titleIn((await c.get(actors.auditor, `/policies?asOf=${day}&knownAt=${encodeURIComponent(knownBefore)}`)).body)).toBe(policyBody().title);
    expect(titleIn((await c.get(actors.auditor, `/policies?asOf=2024-12-01`)).body)).toBeUndefined();
  });

  it('diffs the record between two record times', async () => {
    const c = client(t);
    const day = '2025-02-20T23:59:59+08:00';
    const diff = (await c.get(actors.auditor, `/audit/records/policy/${policyId}/changes?from=${encodeURIComponent(knownBefore)}&asOf=${encodeURIComponent(day)}`)).body;
    expect(diff.changes).toEqual(expect.arrayContaining([{ path: 'title', before: policyBody().title, after: '补录标题' }]));
    const none = (await c.get(actors.auditor, `/audit/records/policy/${policyId}/changes?from=${encodeURIComponent(knownBefore)}&to=${encodeURIComponent(knownBefore)}`)).body;
    expect(none.changes).toEqual([]);
    expect((await c.get(actors.auditor, `/audit/records/policy/${policyId}/changes?from=2020-01-01T00:00:00Z`)).body.before).toBeNull();
    expect((await c.get(actors.auditor, `/audit/records/call/${policyId}/changes?from=2020-01-01T00:00:00Z`)).status).toBe(400);
  });

  it('records a correction (更正) of an earlier fact at that fact’s business time, beyond the window, with its reason', async () => {
    const c = client(t);
    const events = (await c.get(actors.auditor, `/streams/policy-${policyId}/events`)).body.events as { id: string; metadata: Record<string, string> }[];
    const published = events[0];
    const beforeCorrection = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await refused(() => c.post(actors.city, `/policies/${policyId}/amendments`, { title: '更正标题', corrects: published.id }), 409, 'CORRECTION_REASON_REQUIRED');
    await refused(() => c.post(actors.city, `/policies/${policyId}/amendments`, { title: '更正标题', corrects: randomUUID(), reason: '文号录入有误' }), 409, 'CORRECTED_EVENT_NOT_IN_RECORD');
    await refused(() => c.post(actors.city, `/policies/${policyId}/amendments`, { title: '更正标题', corrects: published.id, reason: '录入有误', occurredAt: '2025-01-01T10:00:00+08:00' }), 400, 'CORRECTION_TIME_FIXED');
    const corrected = await c.post(actors.city, `/policies/${policyId}/amendments`, { title: '更正标题', corrects: published.id, reason: '标题录入有误' });
    expect(corrected.status).toBe(201);
    const last = ((await c.get(actors.auditor, `/streams/policy-${policyId}/events`)).body.events as { metadata: Record<string, string> }[]).pop()!;
    expect(last.metadata).toMatchObject({ corrects: published.id, reason: '标题录入有误', occurredAt: published.metadata.occurredAt });
    // What the ledger says now of January 2025, and what it said before the correction.
    const january = encodeURIComponent('2025-01-31T23:59:59+08:00');
    expect((await c.get(actors.auditor, `/policies/${policyId}?asOf=${january}`)).body.title).toBe('更正标题');
    expect((await c.get(actors.auditor, `/policies/${policyId}?asOf=${january}&knownAt=${encodeURIComponent(beforeCorrection)}`)).body.title).toBe(policyBody().title);
    const diff = (await c.get(actors.auditor, `/audit/records/policy/${policyId}/changes?from=${encodeURIComponent(beforeCorrection)}&asOf=${january}`)).body;
    expect(diff.changes).toEqual(expect.arrayContaining([{ path: 'title', before: policyBody().title, after: '更正标题' }]));
  });

  it('is an auditor’s: others asking for a past state are refused', async () => {
    const res = await client(t).get(actors.city, `/policies/${policyId}?knownAt=${encodeURIComponent(knownBefore)}`);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('AS_OF_AUDITOR_ONLY');
  });
});
