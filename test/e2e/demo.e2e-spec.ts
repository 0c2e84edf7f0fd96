import { INestApplication } from '@nestjs/common';
import type { Actor } from '@sme/domain';
import { loadDemoData } from '../../apps/api/src/demo/demo-loader';
import { DEMO_CALL } from '../../apps/api/src/demo/demo-data';
import { actors, client } from './support/station-lifecycle';
import { startTestApp } from './support/test-app';

describe('Demo data (npm run demo)', () => {
  it('loads the 2019 Guangzhou call with applications at every stage, once', async () => {
    const t = await startTestApp();
    try {
      await loadDemoData(t.app as INestApplication);
      const head = await t.head();
      await loadDemoData(t.app as INestApplication);
      expect(await t.head()).toBe(head);

      const c = client(t);
      const call = (await c.get(actors.city, `/calls/${DEMO_CALL.callId}`)).body;
      expect(call).toMatchObject({ documentNumber: '穗工信函〔2019〕1100号', status: 'PUBLISHED', targetStationCount: 100 });
      expect(Object.keys(call.applicationsByStage).sort()).toEqual(
        ['DESIGNATED', 'DISTRICT_PASSED', 'DISTRICT_REJECTED', 'DRAFT', 'NOT_RECOMMENDED', 'PANEL_FORMED', 'RECOMMENDED', 'REJECTED', 'SCORED', 'SUBMITTED'].sort(),
      );
      const stations = (await c.get(actors.city, '/stations')).body;
      expect(stations.items.map((s: { status: string }) => s.status).sort()).toEqual(
        expect.arrayContaining(['ACTIVE', 'REVOKED', 'WITHDRAWN']),
      );
      const districts = new Set(stations.items.map((s: { districtCode: string }) => s.districtCode));
      expect(districts.size).toBe(11);

      // 个人信息删除: a rejected applicant's contact and station head, erased on a second administrator's approval.
      const [erasure] = (await c.get(actors.auditor, '/erasures')).body.items as { status: string; streamId: string; subjects: string[] }[];
      expect(erasure).toMatchObject({ status: 'ERASED', subjects: [expect.stringMatching(/#form\.operator\.contact$/), expect.stringMatching(/#form\.station\.head$/)] });
      const erased = (await c.get(actors.auditor, `/applications/${erasure.streamId.replace('application-', '')}`)).body;
      expect(erased.form.operator.contact).toEqual({ name: '已删除', phone: '已删除', email: '已删除' });
      expect(erased.form.station.head).toMatchObject({ name: '已删除', phone: '已删除', email: '已删除' });
      expect(erased.form.operator.name).not.toBe('已删除');

      // A year of services: deliveries at every stage, follow-ups open and closed, and the year's figures.
      const admin: Actor = { id: 'admin-1', role: 'ADMIN', orgId: 'PLATFORM', regionCode: '440100' };
      const deliveries = (await c.get(admin, '/deliveries?limit=200')).body.items as { status: string; server: { kind: string } }[];
      expect(deliveries.length).toBeGreaterThanOrEqual(40);
      expect(new Set(deliveries.map((d) => d.status))).toEqual(new Set(['REGISTERED', 'IN_PROGRESS', 'DELIVERED', 'CONFIRMED', 'CANCELLED', 'ARCHIVED']));
      expect(new Set(deliveries.map((d) => d.server.kind))).toEqual(new Set(['PROVIDER', 'STATION']));
      expect((await c.get(actors.city, '/deliveries?limit=200')).body.items.length).toBe(deliveries.length);
      type FollowUp = { deliveryId: string | null; activityId: string | null; status: string; cause: string; escalated: boolean; closure: { by: string; onTime: boolean } | null };
      const allFollowUps = (await c.get(admin, '/follow-ups?limit=200')).body.items as FollowUp[];
      // The activities' 差评 are followed up too; the delivery figures count the deliveries' own.
      expect(allFollowUps.some((f) => f.activityId !== null)).toBe(true);
      const followUps = allFollowUps.filter((f) => f.deliveryId !== null);
      expect(followUps.filter((f) => f.status === 'OPEN').length).toBeGreaterThan(0);
      expect(followUps.filter((f) => f.status === 'CLOSED').length).toBeGreaterThan(0);
      expect(new Set(followUps.map((f) => f.cause))).toEqual(new Set(['POOR_RATING', 'DISPUTE', 'COMPLAINT']));
      expect(followUps.some((f) => f.status === 'OPEN' && f.escalated)).toBe(true);
      expect(followUps.some((f) => f.closure?.by === 'STEWARD')).toBe(true);
      expect(followUps.some((f) => f.closure?.onTime === false)).toBe(true);
      const { figures } = (await c.get(actors.city, '/deliveries/figures?from=2026-01-01&until=2026-12-31')).body;
      expect(figures.deliveries).toBeGreaterThanOrEqual(40);
      expect(figures.averageRating).toBeGreaterThan(3.5);
      expect(figures.averageRating).toBeLessThan(5);
      expect(figures).toMatchObject({ poorRatings: expect.any(Number), followUps: followUps.length });
      expect(figures.poorRatings).toBeGreaterThan(0);
      expect(figures.returnVisitRate).toBeGreaterThan(0);
      expect(figures.freeShare).toBeGreaterThan(0);
      expect(figures.freeShare).toBeLessThan(1);

      // A year of activities: Guangzhou's theme months, activities in all 11 districts, feedback, a postponement and a cancellation.
      const activities = (await c.get(admin, '/activities?limit=200')).body.items as { status: string; regionCode: string; organiser: { kind: string }; feedback: unknown[]; postponements: unknown[] }[];
      expect(activities.length).toBeGreaterThanOrEqual(40);
      expect(new Set(activities.map((a) => a.regionCode)).size).toBe(11);
      expect(new Set(activities.map((a) => a.organiser.kind))).toEqual(new Set(['STATION', 'HUB', 'PROVIDER']));
      expect(new Set(activities.map((a) => a.status))).toEqual(new Set(['HELD', 'CANCELLED']));
      expect(activities.some((a) => a.postponements.length > 0)).toBe(true);
      expect(activities.some((a) => a.feedback.length > 0)).toBe(true);
      const [plan] = (await c.get(actors.city, '/themeplans?cityCode=440100&year=2026')).body.items;
      expect(plan.months).toHaveLength(12);
      const activityFigures = (await c.get(actors.city, '/activities/figures?from=2026-01-01&until=2026-12-31&by=city')).body.total;
      expect(activityFigures.activitiesHeld).toBe(activities.filter((a) => a.status === 'HELD').length);
      expect(activityFigures.enterpriseVisits).toBe(activityFigures.activityVisits + activityFigures.deliveryVisits);
      expect(activityFigures.deliveryVisits).toBe(figures.enterpriseVisits);
      expect(activityFigures.distinctEnterprises).toBeLessThanOrEqual(12);
      const participation = (await c.get(actors.city, `/themeplans/${plan.id}/participation`)).body;
      expect(participation.stations.length).toBe(9);
      // The service centres: the province's, all 21 cities', Guangzhou's districts and the towns of 东莞 and 中山.
      const centres = (await c.get(admin, '/centres?limit=200')).body.items as { level: string; regionCode: string; status: string; providerCount: number }[];
      expect(new Set(centres.filter((x) => x.level === 'CITY').map((x) => x.regionCode)).size).toBe(21);
      expect(centres.filter((x) => x.level === 'PROVINCE')).toHaveLength(1);
      expect(new Set(centres.filter((x) => x.level === 'TOWN').map((x) => x.regionCode))).toEqual(new Set(['441900', '442000']));
      expect(centres.filter((x) => x.level === 'COUNTY').every((x) => x.regionCode.startsWith('4401'))).toBe(true);
      expect(centres.filter((x) => x.status === 'BELOW_STANDARD').length).toBeGreaterThanOrEqual(2);
      expect(centres.find((x) => x.level === 'CITY' && x.regionCode === '441500')).toMatchObject({ status: 'RECOGNISED' });
      expect(centres.find((x) => x.level === 'CITY' && x.regionCode === '440100')).toMatchObject({ providerCount: 3 });
      expect((await c.get(actors.city, '/centres?limit=200')).body.items.every((x: { regionCode: string }) => x.regionCode.startsWith('4401'))).toBe(true);
      expect((await c.get(admin, '/centres?remediationOverdue=true')).body.items.length).toBeGreaterThan(0);

      // The annual cycles: 2019 (set-up: covenant, report, review) and 2026 (a year of services), each ranked and published.
      const evaluator: Actor = { id: 'gz-evaluator', role: 'EVALUATOR', orgId: 'GZ-EVALUATION-OFFICE', regionCode: '440100' };
      const evaluations = (await c.get(evaluator, '/evaluations?subject=STATION')).body.items as { id: string; year: number; status: string }[];
      expect(evaluations.map((e) => [e.year, e.status])).toEqual([
        [2026, 'PUBLISHED'],
        [2019, 'PUBLISHED'],
      ]);
      type Result = { organisationId: string; total: number; grade: string; flags: string[]; rankInCity: number; figures: { reportOnTime: boolean; activitiesHeld: number; serviceVisits: number } };
      for (const e of evaluations) {
        const { results } = (await c.get(evaluator, `/evaluations/${e.id}/results`)).body as { results: Result[] };
        expect(results.length).toBeGreaterThanOrEqual(8);
        expect(results.map((r) => r.rankInCity)).toEqual([...results.map((r) => r.rankInCity)].sort((a, b) => a - b));
        expect(new Set(results.map((r) => r.total)).size).toBeGreaterThan(3);
        expect(results.some((r) => r.flags.includes('NO_REPORT'))).toBe(true);
        expect(JSON.stringify((await c.get(actors.auditor, `/evaluations/${e.id}/rerun`)).body)).toBe(JSON.stringify((await c.get(actors.auditor, `/evaluations/${e.id}/results`)).body));
      }
      const [y2026, y2019] = evaluations;
      const served = ((await c.get(evaluator, `/evaluations/${y2026.id}/results`)).body as { results: Result[] }).results;
      expect(served.some((r) => r.figures.activitiesHeld > 0 && r.figures.serviceVisits > 0)).toBe(true);
      const first = (await c.get(evaluator, `/evaluations/${y2019.id}`)).body;
      expect(first.commended).toHaveLength(1);
      expect(first.actedOn).toEqual([expect.objectContaining({ action: 'REVOCATION_PROPOSED' })]);
      const kept = (await c.get(actors.city, `/stations/${first.actedOn[0].organisationId}`)).body;
      expect(kept.status).toBe('ACTIVE');
      expect((await c.get(actors.city, '/annual-reports?year=2019&limit=50')).body.items.length).toBeGreaterThanOrEqual(9);

      // A 服务券 programme: the small and micro enterprises applied, all but one granted, the budget raised; orders in every state.
      type Budget = Record<'grantedFen' | 'fundedFen' | 'unallocatedFen' | 'quotaUnusedFen' | 'reservedFen' | 'claimableFen' | 'paidFen', number>;
      const programmes = (await c.get(actors.city, '/voucher-programmes')).body.items as { holders: { status: string }[]; orders: { status: string }[]; version: number; budget: Budget }[];
      expect(programmes).toHaveLength(1);
      expect(programmes[0].version).toBe(2);
      expect(programmes[0].holders.filter((h) => h.status === 'REFUSED')).toHaveLength(1);
      expect(programmes[0].holders.filter((h) => h.status === 'GRANTED').length).toBeGreaterThanOrEqual(2);
      expect(programmes[0].budget.grantedFen).toBe(programmes[0].holders.filter((h) => h.status === 'GRANTED').length * 2_000_000);
      expect(new Set(programmes[0].orders.map((o) => o.status))).toEqual(new Set(['PLACED', 'CONFIRMED', 'CANCELLED', 'CLAIMED', 'APPROVED', 'REJECTED', 'PAID', 'VOIDED']));
      const b = programmes[0].budget;
      expect(b.unallocatedFen + b.quotaUnusedFen + b.reservedFen + b.claimableFen + b.paidFen).toBe(b.fundedFen);

      // The 基础信息库 and 服务需求库: two policies (one pushed to the enterprises it fits), an FAQ, a case, demands at every stage.
      const policies = (await c.get(actors.city, '/policies')).body.items as { id: string; level: string }[];
      expect(policies.map((p) => p.level).sort()).toEqual(['DISTRICT', 'MUNICIPAL']);
      const municipal = policies.find((p) => p.level === 'MUNICIPAL')!;
      const eligible = (await c.get(actors.city, `/policies/${municipal.id}/eligible-enterprises?on=2026-06-30`)).body.items as unknown[];
      expect(eligible.length).toBeGreaterThan(0);
      const portrait = (await c.get(admin, '/enterprises?limit=50')).body.items as { id: string }[];
      const pushed = await Promise.all(portrait.map(async (e) => (await c.get(admin, `/enterprises/${e.id}/portrait`)).body.pushedPolicies as unknown[]));
      expect(pushed.filter((list) => list.length > 0)).toHaveLength(eligible.length);
      expect((await c.get(actors.city, '/faqs')).body.items).toHaveLength(1);
      expect((await c.get(actors.city, '/cases')).body.items).toHaveLength(1);
      const demands = (await c.get(admin, '/demands?limit=50')).body.items as { status: string }[];
      expect(new Set(demands.map((d) => d.status))).toEqual(new Set(['RAISED', 'ACCEPTED', 'MATCHED', 'RESOLVED', 'CLOSED']));
      expect((await c.get(actors.auditor, '/audit/verify')).body.ok).toBe(true);
    } finally {
      await t.close();
    }
  });
});
