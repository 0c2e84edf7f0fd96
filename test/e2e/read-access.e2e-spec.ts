import { applicationKind, callKind, type Actor } from '@sme/domain';
import { actors, applicationUpTo, openCall, operator } from './support/station-lifecycle';
import { useSpecApp } from './support/spec-app';

describe('Who reads which applications', () => {
  const { app, c, refused } = useSpecApp();
  let callId: string;
  let tianheApp: string;
  let haizhuApp: string;

  beforeAll(async () => {
    callId = await openCall(app());
    tianheApp = await applicationUpTo(app(), callId, 1, 'PANEL_FORMED', '440106');
    haizhuApp = await applicationUpTo(app(), callId, 2, 'SUBMITTED', '440105');
  });

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

  it('the city, the hub and auditors of the city read all its applications; an enterprise reads none', async () => {
    for (const reader of [actors.city, actors.hub, actors.auditor]) {
      expect(ids(await c.get(reader, `/applications?callId=${callId}`))).toEqual([tianheApp, haizhuApp].sort());
    }
    const enterprise: Actor = { id: 'ent-1', role: 'ENTERPRISE', orgId: 'E', regionCode: '440106' };
    expect((await c.get(enterprise, '/applications')).status).toBe(403);
  });

  const shenzhen = {
    city: { id: 'sz-city', role: 'CITY_AUTHORITY', orgId: 'SZ-MIIT', regionCode: '440300' } as Actor,
    auditor: { id: 'sz-auditor', role: 'AUDITOR', orgId: 'SZ-AUDIT', regionCode: '440300' } as Actor,
  };

  it('readers of all read their own region only: Shenzhen’s city authority and auditor read no Guangzhou application', async () => {
    for (const reader of [shenzhen.city, shenzhen.auditor]) {
      await refused(() => c.get(reader, `/applications/${tianheApp}`), 403, 'APPLICATION_READ_FORBIDDEN');
      expect(ids(await c.get(reader, `/applications?callId=${callId}`))).toEqual([]);
      expect(ids(await c.get(reader, '/applications'))).toEqual([]);
      await refused(() => c.get(reader, '/applications?districtCode=440106'), 403, 'REGION_NOT_PERMITTED');
    }
    expect((await c.get(actors.auditor, `/applications/${tianheApp}`)).status).toBe(200);
    expect(ids(await c.get(actors.auditor, '/applications?districtCode=440106'))).toEqual([tianheApp]);
  });

  it('a province-level reader reads its province; another province’s none; an admin all', async () => {
    const guangdong: Actor = { id: 'gd-sup', role: 'SUPERVISOR', orgId: 'GD-MIIT', regionCode: '440000' };
    const hunan: Actor = { id: 'hn-sup', role: 'SUPERVISOR', orgId: 'HN-MIIT', regionCode: '430000' };
    const admin: Actor = { id: 'admin-1', role: 'ADMIN', orgId: 'OPS', regionCode: '110000' };
    for (const reader of [guangdong, admin]) {
      expect(ids(await c.get(reader, `/applications?callId=${callId}`))).toEqual([tianheApp, haizhuApp].sort());
      expect((await c.get(reader, `/applications/${haizhuApp}`)).status).toBe(200);
    }
    expect(ids(await c.get(hunan, `/applications?callId=${callId}`))).toEqual([]);
    expect(ids(await c.get(hunan, '/applications'))).toEqual([]);
    expect((await c.get(hunan, `/applications/${haizhuApp}`)).status).toBe(403);
  });

  it('an auditor reads the whole envelopes of its own region’s records only', async () => {
    for (const stream of [applicationKind.streamId(tianheApp), callKind.streamId(callId)]) {
      await refused(() => c.get(shenzhen.auditor, `/streams/${stream}/events`), 403, 'REGION_NOT_PERMITTED');
      await refused(() => c.get(shenzhen.auditor, `/streams/${stream}/events?fromRevision=1`), 403, 'REGION_NOT_PERMITTED');
      expect((await c.get(actors.auditor, `/streams/${stream}/events`)).status).toBe(200);
      const guangdong: Actor = { id: 'gd-auditor', role: 'AUDITOR', orgId: 'GD-AUDIT', regionCode: '440000' };
      expect((await c.get(guangdong, `/streams/${stream}/events`)).status).toBe(200);
    }
    const tianheAuditor: Actor = { id: 'th-auditor', role: 'AUDITOR', orgId: 'TH-AUDIT', regionCode: '440106' };
    expect((await c.get(tianheAuditor, `/streams/${callKind.streamId(callId)}/events`)).status).toBe(403);
  });
});
