import { randomUUID } from 'node:crypto';
import { ELIGIBILITY_CRITERIA, policyKind, type Actor } from '@sme/domain';
import { actors, client, operator, uscc } from './support/station-lifecycle';
import { startTestApp, type TestApp } from './support/test-app';
import { startSpecApp, type Client, type Refuse } from './support/spec-app';
import { admin, daysAgo, HAIZHU, policyBody, registerEnterprise, self, TIANHE } from './support/policies-demands';

describe('Policies (基础信息库) and demands (服务需求库)', () => {
  let t: TestApp;
  let c: Client;
  let refused: Refuse;

  beforeAll(async () => ({ t, c, refused } = await startSpecApp({ env: { DEMAND_ESCALATION_INTERVAL_MS: '0' } })));
  afterAll(() => t.close());

  async function ok(send: Promise<{ status: number; body: any }>, status = 201) {
    const res = await send;
    if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  const enterprise = (seed: number, opts: Parameters<typeof registerEnterprise>[2] = {}) => registerEnterprise(c, seed, opts);

  describe('policy matching on the boundaries', () => {
    let policyId: string;
    const e: Record<string, { id: string; uscc: string }> = {};

    beforeAll(async () => {
      e.edges = await enterprise(501, { tag: ['2025-03-01', '2025-06-30'] }); // tag valid 03-01..06-30 inclusive
      e.lateTag = await enterprise(502, { size: 'MICRO', tag: ['2025-06-30', '2026-06-30'] }); // micro, tag from 06-30
      e.medium = await enterprise(503, { size: 'MEDIUM', tag: ['2025-01-01', '2025-12-31'] }); // wrong size class
      e.otherIndustry = await enterprise(504, { industry: 'OTHER', tag: ['2025-01-01', '2025-12-31'] }); // wrong industry
      e.haizhu = await enterprise(505, { region: HAIZHU, tag: ['2025-01-01', '2025-12-31'] }); // outside the region
      e.untagged = await enterprise(506); // no tag
      const sizes = await Promise.all(Object.values(e).map(async ({ id }) => (await c.get(actors.auditor, `/enterprises/${id}`)).body.sizeClass));
      expect(sizes).toEqual(['SMALL', 'MICRO', 'MEDIUM', expect.anything(), 'SMALL', 'SMALL']);
      policyId = (await ok(c.post(actors.city, '/policies', policyBody()))).id;
    });

    const eligibleOn = async (on: string, actor: Actor = actors.auditor) => {
      const res = await c.get(actor, `/policies/${policyId}/eligible-enterprises?on=${on}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(res.body.items.length);
      return (res.body.items as { id: string }[]).map((i) => i.id).sort();
    };

    it('returns exactly the eligible enterprises on each boundary date', async () => {
      expect(await eligibleOn('2024-12-31')).toEqual([]); // the day before it takes effect
      expect(await eligibleOn('2025-01-01')).toEqual([]); // in force, but no tag valid yet
      expect(await eligibleOn('2025-02-28')).toEqual([]);
      expect(await eligibleOn('2025-03-01')).toEqual([e.edges.id]); // first day of the tag
      expect(await eligibleOn('2025-06-29')).toEqual([e.edges.id]);
      expect(await eligibleOn('2025-06-30')).toEqual([e.edges.id, e.lateTag.id].sort()); // last day of one tag, first of the other
      expect(await eligibleOn('2025-07-01')).toEqual([e.lateTag.id]);
      expect(await eligibleOn('2025-12-31')).toEqual([e.lateTag.id]); // last day in force
      expect(await eligibleOn('2026-01-01')).toEqual([]); // expired
    });

    it('gives every criterion’s reason, narrows to the reader’s region, and refuses readers of no enterprise', async () => {
      const res = await c.get(actors.city, `/policies/${policyId}/eligible-enterprises?on=2025-06-30`);
      expect(res.body.items[0].reasons.map((r: { criterion: string }) => r.criterion)).toEqual([...ELIGIBILITY_CRITERIA]);
      expect(await eligibleOn('2025-06-30', actors.haizhu)).toEqual([]);
      await refused(() => c.get(self(e.edges.uscc), `/policies/${policyId}/eligible-enterprises?on=2025-06-30`), 403, 'ENTERPRISE_READ_FORBIDDEN');
      await refused(() => c.get(actors.auditor, `/policies/${policyId}/eligible-enterprises?on=2025-13-01`), 400);
    });

    it('pages the eligible enterprises with a cursor', async () => {
      const first = await c.get(actors.auditor, `/policies/${policyId}/eligible-enterprises?on=2025-06-30&limit=1`);
      expect(first.body).toMatchObject({ total: 2, items: [expect.anything()] });
      const second = await c.get(actors.auditor, `/policies/${policyId}/eligible-enterprises?on=2025-06-30&limit=1&cursor=${first.body.nextCursor}`);
      expect(second.body.nextCursor).toBeNull();
      expect([first.body.items[0].id, second.body.items[0].id].sort()).toEqual([e.edges.id, e.lateTag.id].sort());
    });

    it('for an enterprise, the policies it is eligible for on a date (its own record only)', async () => {
      const mine = await c.get(self(e.edges.uscc), `/enterprises/${e.edges.id}/eligible-policies?on=2025-03-01`);
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((p: { id: string }) => p.id)).toEqual([policyId]);
      expect(mine.body.items[0].reasons.every((r: { met: boolean }) => r.met)).toBe(true);
      expect((await c.get(self(e.edges.uscc), `/enterprises/${e.edges.id}/eligible-policies?on=2025-07-01`)).body.items).toEqual([]);
      expect((await c.get(actors.auditor, `/enterprises/${e.medium.id}/eligible-policies?on=2025-06-30`)).body.total).toBe(0);
      await refused(() => c.get(self(e.lateTag.uscc), `/enterprises/${e.edges.id}/eligible-policies`), 403, 'ENTERPRISE_READ_FORBIDDEN');
    });

    it('pushes one PolicyPushed per eligible enterprise; again only to those not yet pushed', async () => {
      const pushed = await ok(c.post(actors.city, `/policies/${policyId}/push`, { occurredAt: '2025-06-30T09:00:00+08:00' }));
      expect(pushed.events.map((ev: { type: string }) => ev.type)).toEqual(['PolicyPushed', 'PolicyPushed']);
      const stream = await c.get(actors.auditor, `/streams/${policyKind.streamId(policyId)}/events`);
      if (stream.status === 200) {
        const ids = (stream.body.items ?? stream.body.events ?? stream.body)
          .filter((ev: { type: string }) => ev.type === 'PolicyPushed')
          .map((ev: { data: { enterpriseId: string } }) => ev.data.enterpriseId)
          .sort();
        expect(ids).toEqual([e.edges.id, e.lateTag.id].sort());
      }
      // The enterprise's 画像 lists the policy pushed to it, at the version pushed.
      const portrait = await ok(c.get(self(e.edges.uscc), `/enterprises/${e.edges.id}/portrait`), 200);
      expect(portrait.pushedPolicies).toEqual([expect.objectContaining({ id: policyId, pushedVersion: 1 })]);
      await refused(() => c.post(actors.city, `/policies/${policyId}/push`, { occurredAt: '2025-06-30T10:00:00+08:00' }), 409, 'NOTHING_TO_PUSH');
      // A district authority pushes a city policy inside its own district only: nobody eligible in 海珠区.
      await refused(() => c.post(actors.haizhu, `/policies/${policyId}/push`, { occurredAt: '2025-06-30T10:00:00+08:00' }), 409, 'NOTHING_TO_PUSH');
      const futian: Actor = { id: 'sz-ft', role: 'DISTRICT_AUTHORITY', orgId: 'FUTIAN', regionCode: '440304' };
      await refused(() => c.post(futian, `/policies/${policyId}/push`, { occurredAt: '2025-06-30T10:00:00+08:00' }), 403, 'REGION_NOT_PERMITTED');
      await refused(() => c.post(self(e.edges.uscc), `/policies/${policyId}/push`, {}), 403);
      // After expiry (by the date of the act): refused.
      await refused(() => c.post(actors.city, `/policies/${policyId}/push`, { occurredAt: '2026-01-02T10:00:00+08:00' }), 409, 'POLICY_EXPIRED');
    });

    it('public list: filters by level, issuer, in force on a date and text, with counts and paging', async () => {
      await ok(
        c.post(
          admin,
          '/policies',
          policyBody({ level: 'NATIONAL', regionCode: undefined, title: '中小企业划型标准规定', issuer: '工业和信息化部', documentNumber: '工信部联企业〔2011〕300号', effectiveFrom: '2011-06-18', effectiveUntil: undefined, eligibility: {} }),
        ),
      );
      const all = await t.http.get('/policies').expect(200);
      expect(all.body.total).toBe(2);
      expect((await t.http.get('/policies?level=NATIONAL').expect(200)).body.items.map((p: { issuer: string }) => p.issuer)).toEqual(['工业和信息化部']);
      expect((await t.http.get('/policies?inForceOn=2026-01-01').expect(200)).body.total).toBe(1);
      expect((await t.http.get('/policies?inForceOn=2025-12-31').expect(200)).body.total).toBe(2);
      expect((await t.http.get(`/policies?issuer=${encodeURIComponent('广州市')}`).expect(200)).body.total).toBe(1);
      expect((await t.http.get(`/policies?q=${encodeURIComponent('划型')}`).expect(200)).body.total).toBe(1);
      const page = await t.http.get('/policies?limit=1&sort=effectiveFrom').expect(200);
      expect(page.body.items[0].documentNumber).toBe('工信部联企业〔2011〕300号');
      expect(page.body.items[0].pushedVersions).toBeUndefined();
      const next = await t.http.get(`/policies?limit=1&sort=effectiveFrom&cursor=${page.body.nextCursor}`).expect(200);
      expect(next.body.items[0].id).toBe(policyId);
    });

    it('repeal takes it out of force from that day; 403s and 400s write nothing', async () => {
      await ok(c.post(actors.city, `/policies/${policyId}/repeal`, { on: '2025-10-01', reason: '被新政策替代', occurredAt: '2025-09-20T10:00:00+08:00' }), 201);
      expect(await eligibleOn('2025-09-30')).toEqual([e.lateTag.id]);
      expect(await eligibleOn('2025-10-01')).toEqual([]);
      await refused(() => c.post(actors.tianhe, '/policies', policyBody()), 403, 'POLICY_LEVEL_NOT_PERMITTED');
      await refused(() => c.post(actors.hub, '/policies', policyBody()), 403);
      await refused(() => c.post(actors.city, '/policies', policyBody({ effectiveUntil: '2024-12-31' })), 400, 'EFFECTIVE_UNTIL_BEFORE_FROM');
      await refused(() => c.post(actors.city, '/policies', policyBody({ level: 'BOGUS' })), 400);
      // A GB/T 2260 code never starts with 0: refused as a request, before any rule reads it.
      await refused(() => c.post(actors.city, '/policies', policyBody({ regionCode: '040100' })), 400);
      await refused(() => c.post(actors.city, '/policies', policyBody({ eligibility: { regionCodes: ['440305'] } })), 400, 'ELIGIBILITY_REGION_OUTSIDE_ISSUER');
    });
  });

  describe('FAQs', () => {
    it('published by the hub, listed publicly while active', async () => {
      const faq = await ok(c.post(actors.hub, '/faqs', { question: '如何申请专精特新认定？', answer: '向所在区工信部门提交申请。', topics: ['专精特新'] }));
      await ok(c.post(actors.hub, `/faqs/${faq.id}/revisions`, { answer: '通过广东省中小企业服务平台提交申请。' }));
      const listed = await t.http.get(`/faqs?topic=${encodeURIComponent('专精特新')}&regionCode=${TIANHE}`).expect(200);
      expect(listed.body).toMatchObject({ total: 1, items: [{ id: faq.id, version: 2, answer: '通过广东省中小企业服务平台提交申请。' }] });
      await refused(() => c.post(self(uscc(600)), '/faqs', { question: 'q', answer: 'a', topics: ['x'] }), 403);
      await ok(c.post(actors.hub, `/faqs/${faq.id}/retirement`, { reason: '政策已调整' }));
      expect((await t.http.get('/faqs').expect(200)).body.total).toBe(0);
    });
  });

  describe('demands', () => {
    let ent: { id: string; uscc: string };
    const tianheOperator = operator(701);
    const haizhuOperator = operator(702, HAIZHU);
    const stationId = randomUUID();

    beforeAll(async () => {
      ent = await enterprise(700);
    });

    const raise = (actor: Actor, overrides: Record<string, unknown> = {}) =>
      c.post(actor, '/demands', { enterpriseId: ent.id, category: 'FINANCE', description: '需要一笔流动资金贷款', urgency: 'HIGH', ...overrides });

    it('lifecycle: raised, accepted, matched, resolved with a poor rating opens a follow-up', async () => {
      const raised = await ok(raise(self(ent.uscc)));
      expect(raised.events.map((ev: { type: string }) => ev.type)).toEqual(['DemandRaised']);
      await ok(c.post(tianheOperator, `/demands/${raised.id}/acceptance`, { stationId }), 200);
      await ok(c.post(tianheOperator, `/demands/${raised.id}/match`, { providerId: randomUUID() }), 200);
      const resolved = await ok(c.post(tianheOperator, `/demands/${raised.id}/resolution`, { outcome: '已对接银行', satisfaction: 2 }), 200);
      expect(resolved.events.map((ev: { type: string }) => ev.type)).toEqual(['DemandResolved', 'DemandFollowUpOpened']);
      const doc = await c.get(self(ent.uscc), `/demands/${raised.id}`);
      expect(doc.body).toMatchObject({ status: 'RESOLVED', stationId, followUp: { satisfaction: 2 }, resolution: { satisfaction: 2 } });

      const happy = await ok(raise(tianheOperator, { stationId, category: 'TECHNOLOGY' }));
      await ok(c.post(actors.hub, `/demands/${happy.id}/acceptance`, { stationId }), 200);
      const done = await ok(c.post(actors.hub, `/demands/${happy.id}/resolution`, { outcome: '完成上云', satisfaction: 5 }), 200);
      expect(done.events.map((ev: { type: string }) => ev.type)).toEqual(['DemandResolved']);
    });

    it('closing: the enterprise withdraws; UNRESOLVABLE is for the station side', async () => {
      const d = await ok(raise(self(ent.uscc), { urgency: 'LOW' }));
      await refused(() => c.post(self(ent.uscc), `/demands/${d.id}/closure`, { closeReason: 'UNRESOLVABLE', note: '无' }), 403, 'CLOSE_REASON_NOT_PERMITTED');
      await ok(c.post(self(ent.uscc), `/demands/${d.id}/closure`, { closeReason: 'WITHDRAWN', note: '已自行解决' }), 200);
    });

    it('403s and 400s write nothing', async () => {
      await refused(() => raise(self(uscc(799))), 403, 'NOT_OWNER');
      await refused(() => raise(actors.auditor), 403);
      await refused(() => raise(self(ent.uscc), { urgency: 'SOON' }), 400);
      await refused(() => raise(self(ent.uscc), { extra: 1 }), 400);
      const d = await ok(raise(self(ent.uscc)));
      await refused(() => c.post(haizhuOperator, `/demands/${d.id}/acceptance`, { stationId }), 403, 'REGION_NOT_PERMITTED');
      await refused(() => c.post(tianheOperator, `/demands/${d.id}/resolution`, { outcome: 'x', satisfaction: 6 }), 400);
      await refused(() => c.get(self(uscc(799)), `/demands/${d.id}`), 403, 'DEMAND_READ_FORBIDDEN');
    });

    it('escalates demands left unaccepted past the threshold, once, inside the caller’s region', async () => {
      const old = await ok(raise(self(ent.uscc), { description: '逾期未受理', occurredAt: daysAgo(4) }));
      const young = await ok(raise(self(ent.uscc), { description: '刚提交', occurredAt: daysAgo(2) }));
      const oldButAccepted = await ok(raise(self(ent.uscc), { description: '已受理', occurredAt: daysAgo(5) }));
      await ok(c.post(tianheOperator, `/demands/${oldButAccepted.id}/acceptance`, { stationId }), 200);

      const elsewhere = await ok(c.post(actors.haizhu, '/demands/escalations/run', {}), 200);
      expect(elsewhere.escalated).toEqual([]);
      await refused(() => c.post(self(ent.uscc), '/demands/escalations/run', {}), 403);

      const run = await ok(c.post(actors.tianhe, '/demands/escalations/run', {}), 200);
      expect(run).toMatchObject({ escalateAfterDays: 3, escalated: [old.id], failed: [] });
      const doc = await c.get(actors.tianhe, `/demands/${old.id}`);
      expect(doc.body).toMatchObject({ escalated: true, escalation: { to: TIANHE, daysUnaccepted: 4, escalateAfterDays: 3 } });
      expect((await c.get(actors.tianhe, `/demands/${young.id}`)).body.escalated).toBe(false);
      expect((await ok(c.post(actors.tianhe, '/demands/escalations/run', {}), 200)).escalated).toEqual([]);
      // The escalated demand can still be accepted.
      await ok(c.post(tianheOperator, `/demands/${old.id}/acceptance`, { stationId }), 200);
    });

    it('lists from the projection with filters, region scope, counts and paging', async () => {
      const mine = await c.get(self(ent.uscc), '/demands?limit=2');
      expect(mine.status).toBe(200);
      expect(mine.body.items).toHaveLength(2);
      expect(mine.body.total).toBeGreaterThan(2);
      const next = await c.get(self(ent.uscc), `/demands?limit=2&cursor=${mine.body.nextCursor}`);
      expect(next.body.items.map((d: { id: string }) => d.id)).not.toContain(mine.body.items[0].id);
      expect((await c.get(actors.hub, '/demands?status=RESOLVED')).body.total).toBe(2);
      expect((await c.get(actors.hub, '/demands?category=TECHNOLOGY')).body.total).toBe(1);
      expect((await c.get(actors.hub, '/demands?escalated=true')).body.total).toBe(1);
      expect((await c.get(actors.hub, `/demands?stationId=${stationId}&urgency=HIGH`)).body.total).toBeGreaterThan(0);
      expect((await c.get(actors.haizhu, '/demands')).body.total).toBe(0);
      await refused(() => c.get(actors.haizhu, `/demands?regionCode=${TIANHE}`), 403, 'REGION_NOT_PERMITTED');
      expect((await c.get(actors.auditor, `/demands?enterpriseId=${ent.id}`)).body.total).toBe(mine.body.total);
    });

    it('oversight reads the demands of its own region only: the province’s and the city’s read, Shenzhen’s do not; ADMIN reads all', async () => {
      const d = await ok(raise(self(ent.uscc), { description: '辖区监督查阅' }));
      const province: Actor = { id: 'gd-supervisor', role: 'SUPERVISOR', orgId: 'GD-SUPERVISION', regionCode: '440000' };
      const shenzhen: Actor[] = (['AUDITOR', 'SUPERVISOR', 'EVALUATOR'] as const).map((role) => ({ id: `sz-${role}`, role, orgId: `SZ-${role}`, regionCode: '440300' }));
      for (const reader of [actors.auditor, province, admin]) {
        expect((await c.get(reader, `/demands/${d.id}`)).status).toBe(200);
        expect((await c.get(reader, `/demands?regionCode=${TIANHE}`)).body.items.map((x: { id: string }) => x.id)).toContain(d.id);
      }
      for (const reader of shenzhen) {
        await refused(() => c.get(reader, `/demands/${d.id}`), 403, 'DEMAND_READ_FORBIDDEN');
        expect((await c.get(reader, '/demands')).body).toMatchObject({ total: 0, items: [] });
        await refused(() => c.get(reader, `/demands?regionCode=${TIANHE}`), 403, 'REGION_NOT_PERMITTED');
      }
    });

    it('an enterprise is its organisation however its USCC is typed: it reads its own demands', async () => {
      const typedLoosely = self(` ${ent.uscc.toLowerCase()}`);
      const d = await ok(raise(typedLoosely, { description: '小写统一社会信用代码' }));
      expect((await c.get(typedLoosely, `/demands/${d.id}`)).status).toBe(200);
      expect((await c.get(typedLoosely, '/demands?limit=200')).body.items.map((x: { id: string }) => x.id)).toContain(d.id);
    });
  });

  it('the scheduler escalates on its interval', async () => {
    const s = await startTestApp({ env: { DEMAND_ESCALATION_INTERVAL_MS: '100', DEMAND_ESCALATION_DAYS: '1' } });
    try {
      const sc = client(s);
      const registered = await registerEnterprise(sc, 900);
      const d = await sc.post(self(registered.uscc), '/demands', { enterpriseId: registered.id, category: 'FINANCE', description: '贷款', urgency: 'NORMAL', occurredAt: daysAgo(2) });
      expect(d.status).toBe(201);
      let escalated = false;
      for (let i = 0; i < 50 && !escalated; i++) {
        await new Promise((r) => setTimeout(r, 100));
        escalated = (await sc.get(actors.tianhe, `/demands/${d.body.id}`)).body.escalated === true;
      }
      expect(escalated).toBe(true);
    } finally {
      await s.close();
    }
  });
});
