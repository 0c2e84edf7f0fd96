import type { Actor } from '@sme/domain';
import { actors, applicationUpTo, client, openCall, operator } from './support/station-lifecycle';
import { startTestApp, type TestApp } from './support/test-app';

describe('Who reads which applications', () => {
  let t: TestApp;
  let c: ReturnType<typeof client>;
  let callId: string;
  let tianheApp: string;
  let haizhuApp: string;

  beforeAll(async () => {
    t = await startTestApp();
    c = client(t);
    callId = await openCall(t);
    tianheApp = await applicationUpTo(t, callId, 1, 'PANEL_FORMED', '440106');
    haizhuApp = await applicationUpTo(t, callId, 2, 'SUBMITTED', '440105');
  });
  afterAll(() => t.close());

  const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((a) => a.id).sort();

  it('an operator reads its own application only', async () => {
    expect((await c.get(operator(1), `/applications/${tianheApp}`)).status).toBe(200);
    const other = await c.get(operator(1), `/applications/${haizhuApp}`);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('APPLICATION_READ_FORBIDDEN');
    expect(ids(await c.get(operator(1), `/applications?callId=${callId}`))).toEqual([tianheApp]);
  });

  it('a district authority reads its district only', async () => {
    expect(ids(await c.get(actors.tianhe, `/applications?callId=${callId}`))).toEqual([tianheApp]);
    expect((await c.get(actors.tianhe, `/applications/${haizhuApp}`)).status).toBe(403);
    expect((await c.get(actors.tianhe, '/applications?districtCode=440105')).status).toBe(403);
  });

  it('an expert reads the applications on whose panel it sits', async () => {
    expect(ids(await c.get(actors.experts[0], '/applications'))).toEqual([tianheApp]);
    const outsider: Actor = { id: 'expert-9', role: 'EXPERT', orgId: 'X', regionCode: '440100' };
    expect((await c.get(outsider, `/applications/${tianheApp}`)).status).toBe(403);
  });

  it('the city, the hub and auditors read all; an enterprise reads none', async () => {
    for (const reader of [actors.city, actors.hub, actors.auditor]) {
      expect(ids(await c.get(reader, `/applications?callId=${callId}`))).toEqual([tianheApp, haizhuApp].sort());
    }
    const enterprise: Actor = { id: 'ent-1', role: 'ENTERPRISE', orgId: 'E', regionCode: '440106' };
    expect((await c.get(enterprise, '/applications')).status).toBe(403);
  });
});
