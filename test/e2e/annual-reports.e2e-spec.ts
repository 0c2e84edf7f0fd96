import type { Actor } from '@sme/domain';
import { activityBody, holdingBody } from './support/activity-bodies';
import { cityReportBody, planBody, reportBody } from './support/annual-report-bodies';
import { deliveryBody, entryApplication, handoverBody, providerUser } from './support/library-bodies';
import { admin, registerEnterprise, self } from './support/policies-demands';
import { okBody } from './support/refusals';
import { useSpecApp } from './support/spec-app';
import { actors, designatedStations, operator } from './support/station-lifecycle';

const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;
const YEAR = '?from=2025-01-01&until=2025-12-31';

/**
 * 年度服务总结 over HTTP: two Tianhe stations and a provider of the 库 report 2025 — the figures prefilled as
 * the figures routes give them — returned, resubmitted, accepted, one late; who is late or missing; the
 * hub's city report and the city authority's acknowledgement; and the refusals, which write nothing.
 */
describe('annual reports (年度服务总结)', () => {
  const { app, c, refused } = useSpecApp();
  const { hub, city } = actors;
  const evaluator: Actor = { id: 'evaluator-1', role: 'EVALUATOR', orgId: 'GZ-EVAL', regionCode: '440100' };
  let stationA: { id: string; operator: Actor };
  let stationB: { id: string; operator: Actor };
  let provider: { id: string; user: Actor };
  const ids: Record<string, string> = {};

  const post = (actor: Actor, path: string, body: object, date: string, time?: string) => c.post(actor, path, { ...body, occurredAt: at(date, time) });

  beforeAll(async () => {
    [stationA, stationB] = await designatedStations(app(), [721, 722]);
    const [e1, e2] = [await registerEnterprise(c, 731), await registerEnterprise(c, 732)];
    const user = providerUser(733);
    const { id } = okBody(await post(user, '/providers/entry-applications', entryApplication(733), '2025-01-05'));
    okBody(await post(hub, `/providers/${id}/entry-decision`, { admitted: true, opinion: '同意入库' }, '2025-01-06'));
    provider = { id, user };

    // 2025: the station's salon in the 融资 theme month, and the provider's delivery.
    const planId = okBody(await post(hub, '/themeplans', { cityCode: '440100', year: 2025, months: [{ month: 3, theme: 'FINANCING' }] }, '2024-12-20')).id;
    const { id: activityId } = okBody(await post(stationA.operator, '/activities', activityBody(stationA.id, '2025-03-18', { themeMonth: { themePlanId: planId, month: 3 } }), '2025-03-02'));
    for (const e of [e1, e2]) okBody(await post(self(e.uscc), `/activities/${activityId}/registrations`, { enterpriseId: e.id }, '2025-03-05'));
    okBody(await post(stationA.operator, `/activities/${activityId}/holding`, holdingBody([e1.id, e2.id], 3), '2025-03-18', '18:00'));
    okBody(await post(self(e1.uscc), `/activities/${activityId}/feedback`, { rating: 4, comment: '内容实用' }, '2025-03-20'));
    const { id: deliveryId } = okBody(await post(user, '/deliveries', deliveryBody(id, e1.id, '2025-05-04', { fee: { kind: 'FREE', amountFen: 0 } }), '2025-05-04'));
    okBody(await post(user, `/deliveries/${deliveryId}/start`, { startedOn: '2025-05-04' }, '2025-05-04'));
    okBody(await post(user, `/deliveries/${deliveryId}/handover`, handoverBody('2025-05-06'), '2025-05-06'));
    okBody(await post(self(e1.uscc), `/deliveries/${deliveryId}/feedback`, { rating: 5, comment: '很专业' }, '2025-05-08'));
  });

  it('prefills each report with the figures the ledger gives, and marks it on time against the deadline', async () => {
    const report = okBody(await post(stationA.operator, '/annual-reports', reportBody('STATION', stationA.id, 2025), '2026-01-20'));
    ids.a = report.id;
    const view = okBody(await c.get(hub, `/annual-reports/${ids.a}`));
    const services = okBody(await c.get(hub, `/activities/figures${YEAR}&stationId=${stationA.id}`)).total;
    const deliveries = okBody(await c.get(hub, `/deliveries/figures${YEAR}&stationId=${stationA.id}`)).figures;
    expect(view).toMatchObject({ status: 'SUBMITTED', year: 2025, subjectKind: 'STATION', subject: { id: stationA.id }, steward: { role: 'HUB', regionCode: '440100' }, deadline: '2026-01-31', submittedOn: '2026-01-20', onTime: true, late: false, plan: planBody });
    expect(view.figures).toEqual({ from: '2025-01-01', until: '2025-12-31', services, deliveries, demandsHandled: 0, themeMonths: { activitiesHeld: 1, months: [3] } });
    expect(services).toMatchObject({ activitiesHeld: 1, activityVisits: 2, distinctEnterprises: 2 });

    ids.p = okBody(await post(provider.user, '/annual-reports', reportBody('PROVIDER', provider.id, 2025), '2026-01-21')).id;
    const providerView = okBody(await c.get(city, `/annual-reports/${ids.p}`));
    expect(providerView.figures.deliveries).toEqual(okBody(await c.get(city, `/deliveries/figures${YEAR}&providerId=${provider.id}`)).figures);
    expect(providerView.figures.services).toEqual(okBody(await c.get(city, `/activities/figures${YEAR}&providerId=${provider.id}`)).total);
    expect(providerView.figures.deliveries).toMatchObject({ deliveries: 1, averageRating: 5, freeShare: 1 });
    expect(providerView.steward).toEqual({ role: 'CITY_AUTHORITY', regionCode: '440100' });
  });

  it('refuses another organisation’s report, a second report for the year, the wrong steward and bad input, writing nothing', async () => {
    await refused(() => post(stationB.operator, '/annual-reports', reportBody('STATION', stationA.id, 2025), '2026-01-21'), 403, 'NOT_OWNER');
    await refused(() => post(stationA.operator, '/annual-reports', reportBody('STATION', stationA.id, 2025), '2026-01-21'), 409, 'ANNUAL_REPORT_ALREADY_SUBMITTED');
    await refused(() => post(stationA.operator, '/annual-reports', reportBody('STATION', stationA.id, 2026), '2026-11-20'), 409, 'REPORT_YEAR_NOT_DUE');
    await refused(() => post(city, `/annual-reports/${ids.a}/acceptance`, { opinion: '同意' }, '2026-01-22'), 403, 'ROLE_NOT_PERMITTED');
    await refused(() => post(hub, `/annual-reports/${ids.p}/acceptance`, { opinion: '同意' }, '2026-01-22'), 403, 'ROLE_NOT_PERMITTED');
    const bad = await refused(() => post(stationB.operator, '/annual-reports', reportBody('STATION', stationB.id, 2025, { plan: { summary: '计划', targets: [{ indicator: 'FREE_SHARE', value: 2 }] } }), '2026-01-21'), 400);
    expect(JSON.stringify(bad)).toContain('plan.targets.0.value');
    await refused(() => post(stationA.operator, '/annual-reports', reportBody('HUB', stationA.id, 2025), '2026-01-21'), 400);
  });

  it('the hub returns with comments, the station resubmits, the hub accepts; accepting a returned report is refused', async () => {
    await refused(() => post(hub, `/annual-reports/${ids.a}/return`, { comments: ' ' }, '2026-01-22'), 400, 'FIELD_REQUIRED');
    okBody(await post(hub, `/annual-reports/${ids.a}/return`, { comments: '请补充主题月活动成效' }, '2026-01-22'));
    await refused(() => post(hub, `/annual-reports/${ids.a}/acceptance`, { opinion: '同意' }, '2026-01-23'), 409, 'ANNUAL_REPORT_NOT_UNDER_REVIEW');
    await refused(() => post(stationB.operator, `/annual-reports/${ids.a}/resubmission`, { summary: '改', plan: planBody }, '2026-01-24'), 403, 'NOT_OWNER');
    okBody(await post(stationA.operator, `/annual-reports/${ids.a}/resubmission`, { summary: '补充：融资服务月对接成效显著', plan: planBody }, '2026-02-03'));
    okBody(await post(hub, `/annual-reports/${ids.a}/acceptance`, { opinion: '同意' }, '2026-02-04'));
    okBody(await post(city, `/annual-reports/${ids.p}/acceptance`, { opinion: '同意' }, '2026-02-04'));
    const view = okBody(await c.get(stationA.operator, `/annual-reports/${ids.a}`));
    // Resubmitted after the deadline, it stays on time: timeliness is the first submission's.
    expect(view).toMatchObject({ status: 'ACCEPTED', onTime: true, summary: '补充：融资服务月对接成效显著', returns: [{ comments: '请补充主题月活动成效' }], resubmissions: [{ resubmittedOn: '2026-02-03' }], acceptance: { opinion: '同意' } });
    expect(okBody(await c.get(actors.auditor, `/annual-reports/${ids.a}?asOf=${encodeURIComponent(at('2026-01-22', '12:00'))}`))).toMatchObject({ status: 'RETURNED' });
    await refused(() => c.get(hub, `/annual-reports/${ids.a}?asOf=${encodeURIComponent(at('2026-01-22', '12:00'))}`), 403, 'AS_OF_AUDITOR_ONLY');
    await refused(() => c.get(stationB.operator, `/annual-reports/${ids.a}`), 403, 'ANNUAL_REPORT_READ_FORBIDDEN');
  });

  it('marks a late report, and shows who is late or missing', async () => {
    ids.b = okBody(await post(stationB.operator, '/annual-reports', reportBody('STATION', stationB.id, 2025), '2026-02-05')).id;
    expect(okBody(await c.get(hub, `/annual-reports/${ids.b}`))).toMatchObject({ onTime: false, late: true, submittedOn: '2026-02-05', deadline: '2026-01-31' });
    expect(okBody(await c.get(evaluator, '/annual-reports?year=2025&late=true')).items.map((r: { id: string }) => r.id)).toEqual([ids.b]);
    expect(okBody(await c.get(stationA.operator, '/annual-reports')).items.map((r: { id: string }) => r.id)).toEqual([ids.a]);

    const missing = okBody(await c.get(hub, '/annual-reports/missing?year=2025&regionCode=440100'));
    expect(missing).toMatchObject({ year: 2025, due: 3, items: [expect.objectContaining({ kind: 'STATION', id: stationB.id, standing: 'LATE', reportId: ids.b })] });
    expect(missing.items).toHaveLength(1);
    const next = okBody(await c.get(evaluator, '/annual-reports/missing?year=2026'));
    expect(next.items.map((r: { standing: string }) => r.standing)).toEqual(['MISSING', 'MISSING', 'MISSING']);
    await refused(() => c.get(stationA.operator, '/annual-reports/missing?year=2025'), 403);
    await refused(() => c.get(hub, '/annual-reports/missing?year=2025&regionCode=440300'), 403, 'REGION_NOT_PERMITTED');
  });

  it('the hub consolidates the accepted reports for the city authority, which acknowledges', async () => {
    await refused(() => post(city, '/annual-reports/city', cityReportBody('440100', 2025), '2026-02-10'), 403, 'ROLE_NOT_PERMITTED');
    const szHub: Actor = { id: 'sz-hub', role: 'HUB', orgId: 'SZ-HUB', regionCode: '440300' };
    await refused(() => post(szHub, '/annual-reports/city', cityReportBody('440100', 2025), '2026-02-10'), 403, 'REGION_NOT_PERMITTED');
    ids.city = okBody(await post(hub, '/annual-reports/city', cityReportBody('440100', 2025), '2026-02-10')).id;
    const report = okBody(await c.get(city, `/annual-reports/${ids.city}`));
    const a = okBody(await c.get(hub, `/annual-reports/${ids.a}`)).figures;
    const p = okBody(await c.get(hub, `/annual-reports/${ids.p}`)).figures;
    expect(report).toMatchObject({
      status: 'SUBMITTED',
      subjectKind: 'CITY',
      hub: { orgId: hub.orgId },
      deadline: '2026-02-28',
      onTime: true,
      outstanding: { notAccepted: 1, missing: 0 },
      totals: {
        reports: 2,
        stations: 1,
        providers: 1,
        onTime: 2,
        activitiesHeld: a.services.activitiesHeld + p.services.activitiesHeld,
        enterpriseVisits: a.services.enterpriseVisits + p.services.enterpriseVisits,
        deliveries: a.deliveries.deliveries + p.deliveries.deliveries,
        averageRating: 5,
        themeMonthActivities: 1,
      },
    });
    expect(report.reports.map((r: { reportId: string }) => r.reportId).sort()).toEqual([ids.a, ids.p].sort());
    await refused(() => post(hub, '/annual-reports/city', cityReportBody('440100', 2025), '2026-02-11'), 409, 'CITY_REPORT_ALREADY_SUBMITTED');
    await refused(() => post(hub, `/annual-reports/${ids.city}/acknowledgement`, { opinion: '已阅' }, '2026-02-11'), 403, 'ROLE_NOT_PERMITTED');
    await refused(() => post(city, `/annual-reports/${ids.city}/acceptance`, { opinion: '同意' }, '2026-02-11'), 409, 'NOT_AN_ORGANISATION_REPORT');
    okBody(await post(city, `/annual-reports/${ids.city}/acknowledgement`, { opinion: '已阅，同意' }, '2026-02-12'));
    await refused(() => post(city, `/annual-reports/${ids.city}/acknowledgement`, { opinion: '已阅' }, '2026-02-13'), 409, 'CITY_REPORT_ALREADY_ACKNOWLEDGED');
    expect(okBody(await c.get(admin, `/annual-reports/${ids.city}`))).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgement: { opinion: '已阅，同意' } });
    expect(okBody(await c.get(evaluator, '/annual-reports?subjectKind=CITY')).items).toHaveLength(1);
  });
});
