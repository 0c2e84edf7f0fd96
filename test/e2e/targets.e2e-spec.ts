import type { Actor } from '@sme/domain';
import { activityBody, holdingBody } from './support/activity-bodies';
import { centreBody, centreUscc } from './support/centre-bodies';
import { deliveryBody, entryApplication, handoverBody, providerUser } from './support/library-bodies';
import { admin, registerEnterprise } from './support/policies-demands';
import { okBody } from './support/refusals';
import { useSpecApp } from './support/spec-app';
import { actors, designatedStations, operator } from './support/station-lifecycle';

const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;

/**
 * Targets and progress over HTTP. The world, by hand: one active station in 天河 (designated 2019);
 * in 2026 it holds two activities (March: enterprises e1 and e2; June: e1) and a provider of the 库
 * (天河) delivers one service to e3 in May → Guangzhou in 2026: 1 active station, 1 district of 11,
 * 2 activities, 家次 2 + 1 + 1 = 4, 户数 3, 1 provider in the 库; the first half of 2026 against the
 * second: 1 and 1 activities, 4 − 1 = 3 and 1 家次. A recognised city centre for Guangzhou → 1 of 21
 * cities.
 */
describe('targets and progress (目标与进度)', () => {
  const { app, c, refused } = useSpecApp();
  const hub = actors.hub;
  const supervisor: Actor = { id: 'sup-1', role: 'SUPERVISOR', orgId: 'GD-MIIT', regionCode: '440000' };
  let stationId: string;
  const e: string[] = [];

  const post = (actor: Actor, path: string, body: object, date: string, time?: string) => c.post(actor, path, { ...body, occurredAt: at(date, time) });
  const figure = (report: { figures: { measure: string; actual: number }[] }, measure: string) => report.figures.find((f) => f.measure === measure)!;

  beforeAll(async () => {
    const [designated] = await designatedStations(app(), [801]);
    stationId = designated.id;
    const station = designated.operator;
    for (const seed of [811, 812, 813]) e.push((await registerEnterprise(c, seed)).id);

    for (const [day, present] of [['2026-03-18', [e[0], e[1]]], ['2026-06-17', [e[0]]]] as const) {
      const { id } = okBody(await post(station, '/activities', activityBody(stationId, day), '2026-03-02'));
      for (const enterpriseId of present) okBody(await post(station, `/activities/${id}/registrations`, { enterpriseId }, '2026-03-05'));
      okBody(await post(station, `/activities/${id}/holding`, holdingBody([...present], 3), day, '18:00'));
    }
    // Planned, never held: counts nothing.
    okBody(await post(station, '/activities', activityBody(stationId, '2026-09-09'), '2026-03-02'));

    const user = providerUser(814);
    const { id: providerId } = okBody(await post(user, '/providers/entry-applications', entryApplication(814), '2026-01-05'));
    okBody(await post(hub, `/providers/${providerId}/entry-decision`, { admitted: true, opinion: '同意入库' }, '2026-01-06'));
    const { id: deliveryId } = okBody(await post(user, '/deliveries', deliveryBody(providerId, e[2], '2026-05-04'), '2026-05-04'));
    okBody(await post(user, `/deliveries/${deliveryId}/start`, { startedOn: '2026-05-04' }, '2026-05-04'));
    okBody(await post(user, `/deliveries/${deliveryId}/handover`, handoverBody('2026-05-06'), '2026-05-06'));

    okBody(await post(actors.city, '/centres', centreBody(centreUscc(81)), '2026-01-05'));
  });

  it('lists the targets in force: the seeds’ ten', async () => {
    const { targets } = okBody(await c.get(hub, '/targets'));
    expect(targets.map((t: { id: string }) => t.id)).toEqual([
      'gz-2019-stations',
      'gz-2019-districts',
      'gz-2019-activities',
      'gz-2019-visits',
      'gd-2017-city-centres',
      'gd-2018-centre-coverage',
      'gd-2018-providers',
      'gd-2018-visits',
      'gd-2020-providers',
      'gd-2020-visits',
    ]);
  });

  it('gives Guangzhou’s figures for 2026 as counted by hand, and each list counted returns exactly those records', async () => {
    const report = okBody(await c.get(hub, '/targets/progress?regionCode=440100&from=2026-01-01&until=2026-12-31'));
    expect(report.targets.map((t: { target: { id: string }; actual: number; met: boolean }) => [t.target.id, t.actual, t.met])).toEqual([
      ['gz-2019-stations', 1, false],
      ['gz-2019-districts', 1, false],
      ['gz-2019-activities', 2, false],
      ['gz-2019-visits', 4, false],
    ]);
    expect(figure(report, 'SERVICE_VISITS')).toMatchObject({ actual: 4, detail: { activityVisits: 3, deliveryVisits: 1, distinctEnterprises: 3 } });
    expect(figure(report, 'PROVIDERS_IN_POOL').actual).toBe(1);
    for (const f of report.figures as { measure: string; actual: number; records: string[] }[]) {
      const totals = await Promise.all(f.records.map(async (path) => okBody(await c.get(admin, path)).total as number));
      // 家次 are presences, not records: the two activities held and the one delivery give the 4.
      if (f.measure === 'SERVICE_VISITS') expect(totals).toEqual([2, 1, 0, 0, 0]);
      else expect(totals).toEqual([f.actual]);
    }
  });

  it('gives a station its derived targets, and a district its own', async () => {
    const station = okBody(await c.get(hub, `/targets/progress?stationId=${stationId}&from=2026-01-01&until=2026-12-31`));
    expect(station.targets.map((t: { target: { id: string }; actual: number; value: number }) => [t.target.id, t.actual, t.value])).toEqual([
      ['gz-2019-activities@station', 2, 10],
      ['gz-2019-visits@station', 3, 100],
    ]);
    expect(okBody(await c.get(admin, station.targets[0].records[0])).total).toBe(2);
    const tianhe = okBody(await c.get(actors.tianhe, '/targets/progress?regionCode=440106&from=2026-01-01&until=2026-12-31'));
    expect(tianhe.targets.map((t: { actual: number; value: number }) => [t.actual, t.value])).toEqual([[1, 10], [1, 1], [2, 91], [4, 910]]);
  });

  it('rolls Guangdong up by city, with centre coverage per level', async () => {
    const report = okBody(await c.get(supervisor, '/targets/progress?regionCode=440000&on=2026-12-31'));
    expect(report.centreCoverage.CITY).toMatchObject({ covered: 1, total: 21 });
    expect(report.cities).toHaveLength(21);
    const guangzhou = report.cities.find((city: { cityCode: string }) => city.cityCode === '440100');
    expect(guangzhou.cityCentre).toBe(true);
    expect(figure(guangzhou, 'ACTIVITIES_HELD').actual).toBe(2);
    const cityCentres = report.targets.find((t: { target: { id: string } }) => t.target.id === 'gd-2017-city-centres');
    expect(cityCentres).toMatchObject({ actual: 0.0476, met: false, overdue: true });
    expect(okBody(await c.get(admin, cityCentres.records[0])).total).toBe(1);
  });

  it('compares two periods: each figure in both and the change', async () => {
    const comparison = okBody(await c.get(hub, '/targets/comparison?regionCode=440100&from=2026-07-01&until=2026-12-31&compareFrom=2026-01-01&compareUntil=2026-06-30'));
    expect(comparison.figures.map((f: { measure: string; period: { actual: number }; comparedWith: { actual: number }; change: number }) => [f.measure, f.period.actual, f.comparedWith.actual, f.change])).toEqual([
      ['ACTIVE_STATIONS', 1, 1, 0],
      ['DISTRICTS_COVERED', 1, 1, 0],
      ['ACTIVITIES_HELD', 0, 2, -2],
      ['SERVICE_VISITS', 0, 4, -4],
      ['PROVIDERS_IN_POOL', 1, 1, 0],
    ]);
  });

  it('refuses readers outside their region or role (403) and bad input (400 naming the field)', async () => {
    await refused(() => c.get(actors.tianhe, '/targets/progress?regionCode=440105'), 403, 'REGION_NOT_PERMITTED');
    await refused(() => c.get(actors.tianhe, '/targets/progress?regionCode=440100'), 403, 'REGION_NOT_PERMITTED');
    await refused(() => c.get(operator(801), '/targets/progress?regionCode=440100'), 403);
    expect(okBody(await c.get(admin, '/targets/progress?regionCode=440300')).targets).toEqual([]);
    for (const [path, field] of [
      ['/targets/progress', 'regionCode'],
      ['/targets/progress?regionCode=44010', 'regionCode'],
      ['/targets/progress?regionCode=440100&on=2026-13-01', 'on'],
      ['/targets/progress?regionCode=440100&from=2026-02-01', 'until'],
      ['/targets/progress?regionCode=440100&from=2026-02-01&until=2026-01-01', 'from'],
      ['/targets/progress?regionCode=440100&on=2026-02-01&from=2026-01-01&until=2026-03-01', 'on'],
      ['/targets/progress?stationId=not-a-uuid', 'stationId'],
      ['/targets/comparison?regionCode=440100&from=2026-01-01&until=2026-06-30', 'compareFrom'],
    ] as const) {
      const body = await refused(() => c.get(hub, path), 400);
      expect(body.errors.map((x: { field: string }) => x.field)).toContain(field);
      expect(body.message.zh).toBeTruthy();
    }
  });
});
