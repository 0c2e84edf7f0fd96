import { GUANGDONG_PREFECTURE_CITIES, GUANGZHOU_DISTRICTS, type Actor } from '@sme/domain';
import { activityBody, holdingBody } from './support/activity-bodies';
import { deliveryBody, entryApplication, handoverBody, providerUser } from './support/library-bodies';
import { registerEnterprise, self } from './support/policies-demands';
import { tableInEveryFormat } from './support/exports';
import { okBody } from './support/refusals';
import { useSpecApp } from './support/spec-app';
import { actors } from './support/station-lifecycle';

const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;
const evaluator: Actor = { id: 'evaluator-1', role: 'EVALUATOR', orgId: 'GZ-EVAL', regionCode: '440100' };

/** The year's records for evaluators: the same rows as JSON, CSV and XLSX, inside the evaluator's region only. */
describe('evaluators’ data (评价数据)', () => {
  const { c, refused } = useSpecApp();
  const post = (actor: Actor, path: string, body: object, date: string, time?: string) => c.post(actor, path, { ...body, occurredAt: at(date, time) });
  const download = (path: string, actor: Actor = evaluator) => c.download(actor, path);

  const sameInEveryFormat = (path: string, sheetName: string) => tableInEveryFormat(download, path, sheetName);

  beforeAll(async () => {
    const user = providerUser(951);
    const { id: providerId } = okBody(await post(user, '/providers/entry-applications', entryApplication(951), '2026-01-05'));
    okBody(await post(actors.hub, `/providers/${providerId}/entry-decision`, { admitted: true, opinion: '同意入库' }, '2026-01-06'));
    const [a, b] = [await registerEnterprise(c, 952), await registerEnterprise(c, 953)];
    for (const [e, day, rating] of [[a, '2026-03-02', 2], [b, '2026-04-01', 5]] as const) {
      const { id } = okBody(await post(user, '/deliveries', deliveryBody(providerId, e.id, day), day));
      okBody(await post(user, `/deliveries/${id}/start`, { startedOn: day }, day));
      okBody(await post(user, `/deliveries/${id}/handover`, handoverBody(day), day, '16:00'));
      okBody(await post(self(e.uscc), `/deliveries/${id}/feedback`, { rating, comment: rating < 3 ? '方案过于笼统' : '很好' }, day, '18:00'));
    }
    okBody(await post(self(a.uscc), '/demands', { enterpriseId: a.id, category: 'IP', description: '需要商标咨询', urgency: 'NORMAL' }, '2026-06-02'));
    const hubActivity = { ...activityBody('', '2026-05-20'), organiser: { kind: 'HUB' } };
    const { id: activityId } = okBody(await post(actors.hub, '/activities', hubActivity, '2026-05-01'));
    okBody(await post(self(a.uscc), `/activities/${activityId}/registrations`, { enterpriseId: a.id }, '2026-05-02'));
    okBody(await post(actors.hub, `/activities/${activityId}/holding`, holdingBody([a.id], 3), '2026-05-20', '18:00'));
    okBody(await post(self(a.uscc), `/activities/${activityId}/feedback`, { rating: 4, comment: '内容实用' }, '2026-05-21'));
  });

  it('gives the deliveries of the year as JSON, CSV and XLSX, the same rows in each', async () => {
    const json = await sameInEveryFormat('/evaluators/records/deliveries?regionCode=440100&year=2026', '服务项目');
    expect(json.rows.map((r) => [r.status, r.feeFen])).toEqual([
      ['DELIVERED', 150000],
      ['DELIVERED', 150000],
    ]);
  });

  it('gives the activities of the year, with the enterprises and persons present', async () => {
    const json = await sameInEveryFormat('/evaluators/records/activities?regionCode=440100&year=2026', '服务活动');
    expect(json.rows).toEqual([expect.objectContaining({ organiserKind: 'HUB', status: 'HELD', enterprisesPresent: 1, personsPresent: 3 })]);
  });

  it('gives the feedback on the year’s deliveries and activities, and the demands raised in it', async () => {
    const feedback = await sameInEveryFormat('/evaluators/records/feedback?regionCode=440100&year=2026', '满意度评价');
    expect(feedback.rows.map((r: { source: string; rating: number; poor: boolean }) => [r.source, r.rating, r.poor])).toEqual([
      ['DELIVERY', 2, true],
      ['DELIVERY', 5, false],
      ['ACTIVITY', 4, false],
    ]);
    const demands = await sameInEveryFormat('/evaluators/records/demands?regionCode=440100&year=2026', '服务需求');
    expect(demands.rows).toEqual([expect.objectContaining({ category: 'IP', status: 'RAISED', acceptedAt: null })]);
    expect(JSON.parse((await download('/evaluators/records/demands?regionCode=440100&year=2025')).body.toString('utf8')).rows).toEqual([]);
  });

  it('rolls the year up: a city by district, a province by city, the total first', async () => {
    const city = await sameInEveryFormat('/evaluators/records/roll-up?regionCode=440100&year=2026', '汇总');
    const expected = { activitiesHeld: 1, personsPresent: 3, deliveries: 2, enterpriseVisits: 3, distinctEnterprises: 2, ratings: 2, averageRating: 3.5, poorRatings: 1, demandsRaised: 1, demandsAccepted: 0 };
    expect(city.rows[0]).toMatchObject({ scope: 'TOTAL', regionCode: '440100', regionName: '广州市', ...expected });
    expect(city.rows.slice(1).map((r: { regionCode: string }) => r.regionCode)).toEqual(GUANGZHOU_DISTRICTS.map((d) => d.code).sort());
    expect(city.rows.find((r: { regionCode: string }) => r.regionCode === '440106')).toMatchObject({ scope: 'PART', regionName: '天河区', ...expected });
    expect(city.rows.find((r: { regionCode: string }) => r.regionCode === '440105')).toMatchObject({ scope: 'PART', deliveries: 0, enterpriseVisits: 0, averageRating: null, demandsRaised: 0 });

    const provincial: Actor = { id: 'gd-supervisor', role: 'SUPERVISOR', orgId: 'GD-SME', regionCode: '440000' };
    const province = JSON.parse((await download('/evaluators/records/roll-up?regionCode=440000&year=2026', provincial)).body.toString('utf8'));
    expect(province.rows).toHaveLength(1 + GUANGDONG_PREFECTURE_CITIES.length);
    expect(province.rows.find((r: { regionCode: string }) => r.regionCode === '440100')).toMatchObject({ scope: 'PART', regionName: '广州市', ...expected });

    await refused(() => c.get(evaluator, '/evaluators/records/roll-up?regionCode=440000&year=2026'), 403, 'REGION_NOT_PERMITTED');
  });

  it('keeps evaluators to their region and refuses a format it does not know', async () => {
    const shenzhen: Actor = { ...evaluator, id: 'sz-eval', regionCode: '440300' };
    await refused(() => c.get(shenzhen, '/evaluators/records/deliveries?regionCode=440100&year=2026'), 403, 'REGION_NOT_PERMITTED');
    await refused(() => c.get(self('91440106MA5000952X'), '/evaluators/records/deliveries?regionCode=440100&year=2026'), 403);
    await refused(() => c.get(evaluator, '/evaluators/records/deliveries?regionCode=440100&year=2026&format=pdf'), 400);
  });
});
