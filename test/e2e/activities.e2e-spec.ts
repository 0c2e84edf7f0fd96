import type { Actor } from '@sme/domain';
import { centreBody, centreUscc } from './support/centre-bodies';
import { activityBody, holdingBody } from './support/activity-bodies';
import { deliveryBody, entryApplication, handoverBody, providerUser } from './support/library-bodies';
import { admin, registerEnterprise, self } from './support/policies-demands';
import { okBody } from './support/refusals';
import { useSpecApp } from './support/spec-app';
import { actors, designatedStations, operator } from './support/station-lifecycle';

const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;

/**
 * 服务活动 over HTTP: Guangzhou's 2026 theme months, a Tianhe station's salon in the 融资 month — planned,
 * registered for, postponed, held, rated — and the refusals that write nothing; then 家次 and 户数
 * against a hand count.
 */
describe('service activities (服务活动)', () => {
  const { app, c, refused } = useSpecApp();
  const hub = actors.hub;
  let station: { id: string; operator: Actor };
  let withdrawn: { id: string; operator: Actor };
  let provider: { id: string; user: Actor };
  const enterprises: { id: string; uscc: string; self: Actor }[] = [];
  let planId: string;

  const post = (actor: Actor, path: string, body: object, date: string, time?: string) => c.post(actor, path, { ...body, occurredAt: at(date, time) });

  beforeAll(async () => {
    [station, withdrawn] = await designatedStations(app(), [701, 702]);
    okBody(await c.post(withdrawn.operator, `/stations/${withdrawn.id}/withdrawal`, { reason: '经营调整', occurredAt: at('2025-12-01') }));
    for (const seed of [711, 712, 713]) {
      const e = await registerEnterprise(c, seed);
      enterprises.push({ ...e, self: self(e.uscc) });
    }
    const user = providerUser(714);
    const { id } = okBody(await c.post(user, '/providers/entry-applications', { ...entryApplication(714), occurredAt: at('2026-01-05') }));
    okBody(await c.post(hub, `/providers/${id}/entry-decision`, { admitted: true, opinion: '同意入库', occurredAt: at('2026-01-06') }));
    provider = { id, user };
  });

  it('the hub sets the year’s theme months, once per city and year, and revises them', async () => {
    const months = [{ month: 3, theme: 'FINANCING', title: '融资服务月' }, { month: 4, theme: 'IP' }];
    planId = okBody(await post(hub, '/themeplans', { cityCode: '440100', year: 2026, months }, '2025-12-20')).id;
    await refused(() => post(hub, '/themeplans', { cityCode: '440100', year: 2026, months }, '2025-12-21'), 409, 'THEME_PLAN_ALREADY_EXISTS');
    await refused(() => post(actors.city, '/themeplans', { cityCode: '440100', year: 2027, months }, '2025-12-21'), 403);
    await refused(() => post(hub, `/themeplans/${planId}/revision`, { months: [{ month: 3, theme: 'FINANCING' }, { month: 3, theme: 'IP' }], reason: '调整' }, '2026-01-10'), 400, 'FIELD_INVALID');
    okBody(await post(hub, `/themeplans/${planId}/revision`, { months: [...months, { month: 5, theme: 'DIGITAL' }], reason: '增加数字化转型月' }, '2026-01-10'));
    expect(okBody(await c.get(enterprises[0].self, `/themeplans/${planId}`))).toMatchObject({ cityCode: '440100', year: 2026, months: [{ month: 3 }, { month: 4 }, { month: 5, theme: 'DIGITAL' }] });
    expect(okBody(await c.get(hub, '/themeplans?cityCode=440100&year=2026')).items).toHaveLength(1);
  });

  it('runs an activity from plan to feedback, with a postponement, in the theme month', async () => {
    const [a, b, d] = enterprises;
    const body = activityBody(station.id, '2026-03-18', { themeMonth: { themePlanId: planId, month: 3 }, capacity: 2 });
    const { id } = okBody(await post(station.operator, '/activities', body, '2026-03-02'));
    okBody(await post(a.self, `/activities/${id}/registrations`, { enterpriseId: a.id }, '2026-03-05'));
    okBody(await post(station.operator, `/activities/${id}/registrations`, { enterpriseId: b.id }, '2026-03-06'));
    await refused(() => post(d.self, `/activities/${id}/registrations`, { enterpriseId: d.id }, '2026-03-07'), 409, 'ACTIVITY_FULL');
    await refused(() => post(d.self, `/activities/${id}/registrations`, { enterpriseId: a.id }, '2026-03-07'), 403, 'NOT_OWNER');

    okBody(await post(station.operator, `/activities/${id}/postponement`, { time: { date: '2026-03-25', startTime: '14:30', endTime: '17:00' }, reason: '嘉宾行程调整' }, '2026-03-10'));
    // An enterprise that did not register is named in the refusal.
    const unregistered = await refused(() => post(station.operator, `/activities/${id}/holding`, holdingBody([a.id, d.id], 4), '2026-03-25', '18:00'), 409, 'ENTERPRISE_NOT_REGISTERED');
    expect(unregistered.message.zh).toContain(d.id);
    await refused(() => post(station.operator, `/activities/${id}/holding`, holdingBody([a.id], 4), '2026-03-24', '18:00'), 409, 'ACTIVITY_NOT_YET_DUE');
    okBody(await post(station.operator, `/activities/${id}/holding`, holdingBody([a.id, b.id], 5), '2026-03-25', '18:00'));

    // Feedback: an enterprise present, once, amended once, inside the window.
    await refused(() => post(d.self, `/activities/${id}/feedback`, { rating: 5, comment: '很好' }, '2026-03-26'), 403, 'NOT_OWNER');
    okBody(await post(a.self, `/activities/${id}/feedback`, { rating: 2, comment: '内容偏泛', aspects: { professionalism: 2 } }, '2026-03-26'));
    await refused(() => post(a.self, `/activities/${id}/feedback`, { rating: 3, comment: '再评一次' }, '2026-03-27'), 409, 'FEEDBACK_ALREADY_GIVEN');
    okBody(await post(a.self, `/activities/${id}/feedback/amendment`, { rating: 4, comment: '会后对接有成效' }, '2026-03-27'));
    await refused(() => post(b.self, `/activities/${id}/feedback`, { rating: 5, comment: '很好' }, '2026-04-25'), 409, 'FEEDBACK_WINDOW_CLOSED');

    const view = okBody(await c.get(hub, `/activities/${id}`));
    expect(view).toMatchObject({
      status: 'HELD',
      date: '2026-03-25',
      themeMonth: { themePlanId: planId, month: 3, theme: 'FINANCING' },
      organiser: { kind: 'STATION', id: station.id },
      steward: { role: 'HUB', regionCode: '440100' },
      personsPresent: 5,
      feedbackClosesOn: '2026-04-24',
      feedback: [{ rating: 4, poor: true }],
    });
    expect(view.enterprisesPresent.map((e: { enterpriseId: string }) => e.enterpriseId)).toEqual([a.id, b.id]);
    expect(view.materials).toHaveLength(2);
    // The 差评 opened a follow-up for the station's hub, as a delivery's does.
    const followUps = okBody(await c.get(hub, `/follow-ups?activityId=${id}`)).items;
    expect(followUps).toEqual([
      expect.objectContaining({ activityId: id, deliveryId: null, cause: 'POOR_RATING', rating: 2, openedOn: '2026-03-26', steward: { role: 'HUB', regionCode: '440100' }, enterprise: expect.objectContaining({ enterpriseId: a.id }) }),
    ]);
    // An auditor replays it as it stood before the postponement.
    expect(okBody(await c.get(actors.auditor, `/activities/${id}?asOf=${encodeURIComponent(at('2026-03-08'))}`))).toMatchObject({ status: 'PLANNED', date: '2026-03-18' });
    await refused(() => c.get(hub, `/activities/${id}?asOf=${encodeURIComponent(at('2026-03-08'))}`), 403, 'AS_OF_AUDITOR_ONLY');
    expect(okBody(await c.get(hub, `/activities?themePlanId=${planId}&themeMonth=3`)).items.map((x: { id: string }) => x.id)).toEqual([id]);
  });

  it('refuses holding a cancelled activity, a station that is not ACTIVE, a centre unknown or below its standard, and a theme month the plan lacks', async () => {
    const { id } = okBody(await post(station.operator, '/activities', activityBody(station.id, '2026-04-08'), '2026-04-01'));
    okBody(await post(enterprises[0].self, `/activities/${id}/registrations`, { enterpriseId: enterprises[0].id }, '2026-04-02'));
    await refused(() => post(station.operator, `/activities/${id}/cancellation`, {}, '2026-04-03'), 400, 'FIELD_REQUIRED');
    okBody(await post(hub, `/activities/${id}/cancellation`, { reason: '场地临时停用' }, '2026-04-03'));
    await refused(() => post(station.operator, `/activities/${id}/holding`, holdingBody([enterprises[0].id], 1), '2026-04-08', '18:00'), 409, 'ACTIVITY_CANCELLED');

    await refused(() => post(withdrawn.operator, '/activities', activityBody(withdrawn.id, '2026-04-10'), '2026-04-01'), 409, 'STATION_NOT_ACTIVE');
    await refused(() => post(station.operator, '/activities', { ...activityBody(station.id, '2026-04-10'), organiser: { kind: 'CENTRE' } }, '2026-04-01'), 404, 'CENTRE_NOT_FOUND');
    // A recognised centre organises as itself (CENTRE_OPERATOR); one below its standard may not.
    const recognised = centreUscc(71);
    const { id: centreId } = okBody(await post(actors.city, '/centres', centreBody(recognised), '2026-01-05'));
    const centreStaff: Actor = { id: 'centre-staff-71', role: 'CENTRE_OPERATOR', orgId: recognised, regionCode: '440100' };
    const centreActivity = { ...activityBody(station.id, '2026-04-20'), organiser: { kind: 'CENTRE', id: centreId } };
    await refused(() => post(station.operator, '/activities', centreActivity, '2026-04-01'), 403, 'NOT_OWNER');
    expect(okBody(await post(centreStaff, '/activities', centreActivity, '2026-04-01'))).toMatchObject({ id: expect.any(String) });
    const belowUscc = centreUscc(72);
    const below = centreBody(belowUscc, { facts: { name: '广州市某区中小企业服务中心', level: 'COUNTY', regionCode: '440105', venue: { areaSqm: 0, address: '海珠区示例路2号' } }, remediation: { plan: '年内落实固定服务场地', deadline: '2026-12-31' } });
    const { id: belowId } = okBody(await post(actors.city, '/centres', below, '2026-01-05'));
    const belowStaff: Actor = { id: 'centre-staff-72', role: 'CENTRE_OPERATOR', orgId: belowUscc, regionCode: '440105' };
    await refused(() => post(belowStaff, '/activities', { ...activityBody(station.id, '2026-04-21'), organiser: { kind: 'CENTRE', id: belowId }, regionCode: '440105' }, '2026-04-01'), 409, 'CENTRE_NOT_RECOGNISED');
    await refused(() => post(station.operator, '/activities', activityBody(station.id, '2026-06-10', { themeMonth: { themePlanId: planId, month: 6 } }), '2026-04-01'), 409, 'THEME_MONTH_NOT_IN_PLAN');
    await refused(() => post(station.operator, '/activities', activityBody(station.id, '2026-05-10', { themeMonth: { themePlanId: planId, month: 4 } }), '2026-04-01'), 400, 'NOT_IN_THEME_MONTH');
    // A theme month of another city's plan.
    const szHub: Actor = { id: 'sz-hub-1', role: 'HUB', orgId: 'SZ-HUB', regionCode: '440300' };
    const szPlan = okBody(await post(szHub, '/themeplans', { cityCode: '440300', year: 2026, months: [{ month: 4, theme: 'IP' }] }, '2026-01-02')).id;
    await refused(() => post(station.operator, '/activities', activityBody(station.id, '2026-04-10', { themeMonth: { themePlanId: szPlan, month: 4 } }), '2026-04-01'), 400, 'THEME_PLAN_OF_ANOTHER_CITY');
    // Reads: an enterprise of another city reads neither the activity nor the list beyond its city.
    const szEnterprise = self(enterprises[0].uscc.replace(/^91440106/, '91440305'), '440305');
    await refused(() => c.get(szEnterprise, `/activities/${id}`), 403, 'ACTIVITY_READ_FORBIDDEN');
    expect(okBody(await c.get(szEnterprise, '/activities')).items).toEqual([]);
    expect(okBody(await c.get(enterprises[2].self, `/activities/${id}`))).toMatchObject({ status: 'CANCELLED', cancellation: { reason: '场地临时停用' } });
    // Another station's operator cannot plan for this station.
    await refused(() => post(withdrawn.operator, '/activities', activityBody(station.id, '2026-04-10'), '2026-04-01'), 403, 'NOT_OWNER');
  });

  it('refuses bad input with 400 naming the field in both languages', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ fee: { kind: 'FREE', amountFen: 100 } }, 'fee.amountFen'],
      [{ time: { date: '2026-04-10', startTime: '17:00', endTime: '09:00' } }, 'time.endTime'],
      [{ kind: 'PARTY' }, 'kind'],
      [{ capacity: 0 }, 'capacity'],
      [{ coOrganisers: [{ name: '' }] }, 'coOrganisers.0.name'],
    ];
    for (const [change, field] of cases) {
      const bad = await refused(() => post(station.operator, '/activities', activityBody(station.id, '2026-04-10', change), '2026-04-01'), 400);
      expect(JSON.stringify(bad)).toContain(field);
      expect(bad.message.zh).toBeTruthy();
      expect(bad.message.en).toBeTruthy();
    }
  });

  it('counts 家次 and 户数 as docs/counting.md says, against a hand count', async () => {
    const [a, b, d] = enterprises;
    // The hub's lecture in May: a and d present (a for the second time this year).
    const { id } = okBody(await post(hub, '/activities', { ...activityBody(station.id, '2026-05-12', { kind: 'LECTURE', regionCode: '440105' }), organiser: { kind: 'HUB' } }, '2026-05-01'));
    okBody(await post(a.self, `/activities/${id}/registrations`, { enterpriseId: a.id }, '2026-05-02'));
    okBody(await post(hub, `/activities/${id}/registrations`, { enterpriseId: d.id }, '2026-05-02'));
    okBody(await post(hub, `/activities/${id}/holding`, holdingBody([a.id, d.id], 3), '2026-05-12', '18:00'));
    // A provider's delivery to b in May.
    const { id: deliveryId } = okBody(await post(provider.user, '/deliveries', deliveryBody(provider.id, b.id, '2026-05-04'), '2026-05-04'));
    okBody(await post(provider.user, `/deliveries/${deliveryId}/start`, { startedOn: '2026-05-04' }, '2026-05-04'));
    okBody(await post(provider.user, `/deliveries/${deliveryId}/handover`, handoverBody('2026-05-06'), '2026-05-06'));

    // By hand, 2026: the salon (a, b) 2 + the lecture (a, d) 2 = 4 activity 家次; 1 delivery 家次; 5 in all; a, b, d = 3 户数.
    const figures = okBody(await c.get(actors.city, '/activities/figures?from=2026-01-01&until=2026-12-31&by=city'));
    expect(figures.total).toEqual({ activitiesHeld: 2, personsPresent: 8, deliveries: 1, activityVisits: 4, deliveryVisits: 1, enterpriseVisits: 5, distinctEnterprises: 3 });
    const byOrganiser = okBody(await c.get(actors.city, '/activities/figures?from=2026-01-01&until=2026-12-31')).rows;
    expect(byOrganiser).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: expect.objectContaining({ kind: 'STATION', id: station.id }), activitiesHeld: 1, activityVisits: 2, enterpriseVisits: 2, distinctEnterprises: 2 }),
        expect.objectContaining({ key: expect.objectContaining({ kind: 'HUB' }), activitiesHeld: 1, activityVisits: 2, distinctEnterprises: 2 }),
        expect.objectContaining({ key: expect.objectContaining({ kind: 'PROVIDER', id: provider.id }), deliveryVisits: 1, enterpriseVisits: 1 }),
      ]),
    );
    const byDistrict = okBody(await c.get(actors.city, '/activities/figures?from=2026-01-01&until=2026-12-31&by=district')).rows;
    expect(byDistrict).toEqual([
      expect.objectContaining({ key: { regionCode: '440105' }, activityVisits: 2, deliveryVisits: 0 }),
      expect.objectContaining({ key: { regionCode: '440106' }, activityVisits: 2, deliveryVisits: 1, enterpriseVisits: 3, distinctEnterprises: 2 }),
    ]);
    // The station reads its own; an enterprise none; a district its own district.
    expect(okBody(await c.get(station.operator, '/activities/figures?from=2026-01-01&until=2026-12-31')).total).toMatchObject({ activitiesHeld: 1, enterpriseVisits: 2 });
    await refused(() => c.get(a.self, '/activities/figures?from=2026-01-01&until=2026-12-31'), 403, 'FIGURES_READ_FORBIDDEN');
    expect(okBody(await c.get(actors.haizhu, '/activities/figures?from=2026-01-01&until=2026-12-31&by=city')).total).toMatchObject({ activityVisits: 2, deliveryVisits: 0 });

    // Theme-month participation: the station took part in March.
    const participation = okBody(await c.get(hub, `/themeplans/${planId}/participation`));
    expect(participation.months[0]).toMatchObject({ month: 3, activitiesHeld: 1, enterpriseVisits: 2, stations: [{ stationId: station.id, activitiesHeld: 1 }] });
    expect(participation.stations).toEqual([expect.objectContaining({ stationId: station.id, months: [3] })]);
    await refused(() => c.get(a.self, `/themeplans/${planId}/participation`), 403, 'PARTICIPATION_READ_FORBIDDEN');
    expect(okBody(await c.get(admin, '/activities?limit=50')).items.length).toBeGreaterThanOrEqual(3);
  });
});
