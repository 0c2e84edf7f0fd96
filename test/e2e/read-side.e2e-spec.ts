import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@sme/domain';
import { PROJECTIONS } from '@sme/read-models';
import { loadDemoData } from '../../apps/api/src/demo/demo-loader';
import { DEMO_CALL } from '../../apps/api/src/demo/demo-data';
import { actors, client } from './support/station-lifecycle';
import { startTestApp, type TestApp } from './support/test-app';

const mongodbUrl = process.env.MONGODB_URL;

/** A database of its own on the configured MongoDB-wire server. */
function freshDatabase(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/e2e_${randomUUID().slice(0, 8)}`;
  return parsed.toString();
}

const modes: [string, () => NodeJS.ProcessEnv][] = [['embedded document store', () => ({})]];
if (mongodbUrl) modes.push([`MongoDB wire (MONGODB_URL)`, () => ({ MONGODB_URL: freshDatabase(mongodbUrl) })]);

/** Lists, dashboards and the as-of registry, read from the projections (demo data: the 2019 call). */
describe.each(modes)('Read side over HTTP — %s', (_mode, env) => {
  let t: TestApp;
  let c: ReturnType<typeof client>;
  const supervisor: Actor = { id: 'sup-1', role: 'SUPERVISOR', orgId: 'GD-MIIT', regionCode: '440000' };

  beforeAll(async () => {
    t = await startTestApp({ env: env() });
    c = client(t);
    await loadDemoData(t.app as INestApplication);
  }, 120_000);
  afterAll(() => t.close());

  it('pages a list with a cursor: every item once, in order, with the total', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await c.get(actors.city, `/applications?callId=${DEMO_CALL.callId}&limit=7&sort=-stationName${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(20);
      seen.push(...res.body.items.map((a: { stationName: string }) => a.stationName));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(20);
    expect(seen).toEqual([...seen].sort().reverse());
  });

  it('refuses a cursor it did not issue and a sort it does not offer', async () => {
    expect((await c.get(actors.city, '/applications?cursor=bogus')).body.code).toBe('CURSOR_INVALID');
    const sort = await c.get(actors.city, '/applications?sort=ownerOrgId');
    expect(sort.status).toBe(400);
    expect(sort.body.errors[0].field).toBe('sort');
  });

  it('lists calls with their applications per stage', async () => {
    const res = await c.get(actors.city, '/calls?cityCode=440100');
    expect(res.body).toMatchObject({ total: 1, nextCursor: null });
    expect(res.body.items[0]).toMatchObject({ id: DEMO_CALL.callId, applicationsByStage: { DESIGNATED: 11, DRAFT: 1 } });
  });

  it('filters applications by operator', async () => {
    const all = (await c.get(actors.city, `/applications?callId=${DEMO_CALL.callId}&limit=1`)).body;
    const owner = (await c.get(actors.city, `/applications/${all.items[0].id}`)).body.ownerOrgId;
    const mine = (await c.get(actors.city, `/applications?operatorOrgId=${owner}`)).body;
    expect(mine.total).toBe(1);
    expect(mine.items[0].ownerOrgId).toBe(owner);
  });

  it('searches names, case-insensitively', async () => {
    const res = await c.get(actors.city, `/applications?q=${encodeURIComponent('天河')}`);
    expect(res.body.total).toBeGreaterThan(0);
    for (const a of res.body.items) expect(`${a.operatorName}${a.stationName}`).toContain('天河');
  });

  it('lists the registry by district and status, with plaque, covenant and revocation history', async () => {
    const revoked = (await c.get(actors.city, '/stations?status=REVOKED')).body;
    expect(revoked.total).toBe(1);
    expect(revoked.items[0]).toMatchObject({ plaqueNumber: expect.stringMatching(/^440100-2019-\d{3}$/), covenants: [{ covenantVersion: '穗2019版' }] });
    expect(revoked.items[0].revocations[0]).toMatchObject({ outcome: 'APPROVED', grounds: ['LOW_SATISFACTION', 'COVENANT_SERIOUSLY_VIOLATED'] });
    const tianhe = (await c.get(actors.city, '/stations?districtCode=440106')).body;
    expect(tianhe.items.every((s: { districtCode: string }) => s.districtCode === '440106')).toBe(true);
  });

  it('gives the registry as it stood at a past date, from the events', async () => {
    const then = (await c.get(actors.city, '/stations?asOf=2019-12-31')).body;
    expect(then.total).toBe(11);
    expect(then.items.every((s: { status: string }) => s.status === 'ACTIVE')).toBe(true);
    const before = (await c.get(actors.city, '/stations?asOf=2019-09-01')).body;
    expect(before.total).toBe(0);
    const now = (await c.get(actors.city, '/stations?status=ACTIVE')).body;
    expect(now.total).toBe(9);
  });

  it('shows a supervisor the city’s pipeline per district, coverage and progress', async () => {
    const res = await c.get(supervisor, '/dashboard?cityCode=440100');
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.city.applications).toBe(20);
    expect(d.city.applicationsByStage).toMatchObject({ DESIGNATED: 11, DRAFT: 1, SUBMITTED: 1, DISTRICT_REJECTED: 1 });
    expect(d.city.stationsByStatus).toEqual({ ACTIVE: 9, REVOKED: 1, WITHDRAWN: 1 });
    expect(d.city.approved).toBe(11);
    expect(d.city.refused).toEqual({ byDistrict: 1, notRecommended: 1, byCity: 1 });
    expect(d.city.refusalReasons.map((r: { opinion: string }) => r.opinion)).toContain('服务场所证明与申请表地址不一致，初审不通过');
    expect(d.city.medianDaysInStage.PANEL_FORMED).toBeGreaterThan(0);
    expect(d.districts).toHaveLength(11);
    expect(d.coverage).toMatchObject({ total: 11, covered: 9 });
    expect(d.calls).toEqual([expect.objectContaining({ documentNumber: '穗工信函〔2019〕1100号', target: 100, designated: 11, active: 9, progress: 0.09 })]);
  });

  it('narrows the dashboard to a district authority’s district and refuses another city', async () => {
    const tianhe = (await c.get(actors.tianhe, '/dashboard?cityCode=440100')).body;
    expect(tianhe.districts.map((d: { districtCode: string }) => d.districtCode)).toEqual(['440106']);
    const shenzhen: Actor = { id: 'sz', role: 'SUPERVISOR', orgId: 'SZ', regionCode: '440300' };
    expect((await c.get(shenzhen, '/dashboard?cityCode=440100')).status).toBe(403);
    expect((await c.get(actors.experts[0], '/dashboard?cityCode=440100')).status).toBe(403);
  });

  it('exposes projection lag on /health and /metrics', async () => {
    // Every projection catches up with the log (those no test read may still be applying it, on a slower store).
    const caughtUp = (body: { projections: { eventsBehind: number }[] }) => body.projections.every((p) => p.eventsBehind === 0);
    let health = (await t.operatorGet('/health')).body;
    for (let waited = 0; !caughtUp(health) && waited < 30_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      health = (await t.operatorGet('/health')).body;
    }
    // Named when it fails: which projection stayed behind, from which checkpoint, against which head.
    expect(health.projections.filter((p: { eventsBehind: number }) => p.eventsBehind !== 0)).toEqual([]);
    expect(health.readModels).toBe(env().MONGODB_URL ? 'mongodb' : 'embedded');
    expect(health.projections.map((p: { projection: string }) => p.projection).sort()).toEqual(PROJECTIONS.map((p) => p.name).sort());
    for (const p of health.projections) expect(p).toMatchObject({ eventsBehind: 0, secondsBehind: 0 });
    const metrics = await t.http.get('/metrics').expect(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.text).toContain('sme_projection_events_behind{projection="applications"} 0');
  }, 60_000);
});
