import ExcelJS from 'exceljs';
import type { Actor } from '@sme/domain';
import { activityBody, holdingBody } from './support/activity-bodies';
import { reportBody } from './support/annual-report-bodies';
import { deliveryBody, handoverBody } from './support/library-bodies';
import { registerEnterprise, self } from './support/policies-demands';
import { okBody } from './support/refusals';
import { useSpecApp } from './support/spec-app';
import { actors, designatedStations, operator } from './support/station-lifecycle';

const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;
const evaluator: Actor = { id: 'gz-evaluator', role: 'EVALUATOR', orgId: 'GZ-EVAL', regionCode: '440100' };
const szEvaluator: Actor = { id: 'sz-evaluator', role: 'EVALUATOR', orgId: 'SZ-EVAL', regionCode: '440300' };

/** Activities 40 %, mean rating 30 %, the evaluators' review 30 %; 优秀 from 90, 良好 60, 合格 30. */
const scheme = {
  cityCode: '440100',
  year: 2026,
  subject: 'STATION',
  indicators: [
    { id: 'activities', label: '服务活动场次', weight: 0.4, formula: 'ACTIVITIES_HELD', normalisation: { kind: 'TARGET', target: 1 } },
    { id: 'rating', label: '平均满意度', weight: 0.3, formula: 'AVERAGE_RATING', normalisation: { kind: 'RANGE', min: 1, max: 5 } },
    { id: 'review', label: '评价人员综合打分', weight: 0.3, formula: 'MANUAL' },
  ],
  gradeFloors: { EXCELLENT: 90, GOOD: 60, PASS: 30 },
};
const evidence = [{ description: '年度现场检查记录' }];

/**
 * The annual cycle over HTTP: a Guangzhou station that held an activity, served an enterprise well and
 * reported its year on time, and one that did nothing and reported nothing; scheme v1 then v2, a run at the head of the log, manual scores, publication, ranks,
 * a commendation, and the idle station's flag turned into a revocation proposal in one step; a rerun at the
 * run's position gives the published results byte for byte after more events.
 */
describe('evaluations (综合评价考核)', () => {
  const { app, c, refused } = useSpecApp();
  let good: { id: string; operator: Actor };
  let idle: { id: string; operator: Actor };
  let enterprises: { id: string; uscc: string; self: Actor }[] = [];
  let evaluationId: string;

  const post = (actor: Actor, path: string, body: object, date: string, time?: string) => c.post(actor, path, { ...body, occurredAt: at(date, time) });

  beforeAll(async () => {
    [good, idle] = await designatedStations(app(), [901, 902]);
    enterprises = [];
    for (const seed of [911, 912]) {
      const e = await registerEnterprise(c, seed);
      enterprises.push({ ...e, self: self(e.uscc) });
    }
    // The good station holds a salon for both enterprises and serves one, rated 5.
    const [x, y] = enterprises;
    const { id: activityId } = okBody(await post(good.operator, '/activities', activityBody(good.id, '2026-03-18'), '2026-03-02'));
    for (const e of [x, y]) okBody(await post(e.self, `/activities/${activityId}/registrations`, { enterpriseId: e.id }, '2026-03-05'));
    okBody(await post(good.operator, `/activities/${activityId}/holding`, holdingBody([x.id, y.id], 4), '2026-03-18', '18:00'));
    const body = deliveryBody(good.id, x.id, '2026-05-11', { server: { kind: 'STATION', id: good.id }, fee: { kind: 'FREE', amountFen: 0 } });
    const { id: deliveryId } = okBody(await post(good.operator, '/deliveries', body, '2026-05-11'));
    okBody(await post(good.operator, `/deliveries/${deliveryId}/start`, { startedOn: '2026-05-11' }, '2026-05-11'));
    okBody(await post(good.operator, `/deliveries/${deliveryId}/handover`, handoverBody('2026-05-12'), '2026-05-12'));
    okBody(await post(x.self, `/deliveries/${deliveryId}/feedback`, { rating: 5, comment: '服务及时' }, '2026-05-13'));
    // The good station reports its year on time (reporting opens on 1 December); the idle one does not.
    okBody(await post(good.operator, '/annual-reports', reportBody('STATION', good.id, 2026), '2026-12-02'));
  });

  it('the city publishes its scheme before the year ends, and a change is version 2', async () => {
    const v1 = okBody(await post(actors.city, '/evaluation-schemes', scheme, '2026-01-05'));
    okBody(await post(actors.city, '/evaluation-schemes', { ...scheme, satisfactionFloor: 3 }, '2026-02-01'));
    const read = okBody(await c.get(evaluator, `/evaluation-schemes/${v1.id}`));
    expect(read).toMatchObject({ currentVersion: 2, versions: [{ version: 1 }, { version: 2, scheme: { satisfactionFloor: 3 } }] });
    await refused(() => post(actors.city, '/evaluation-schemes', { ...scheme, year: 2025 }, '2026-02-01'), 409, 'SCHEME_YEAR_ENDED');
    await refused(() => post(actors.hub, '/evaluation-schemes', scheme, '2026-02-02'), 403);
    await refused(() => post(actors.city, '/evaluation-schemes', { ...scheme, indicators: scheme.indicators.slice(1) }, '2026-02-02'), 400, 'WEIGHTS_NOT_ONE');
  });

  it('an evaluator runs the year at the head of the log and scores the manual indicator', async () => {
    const run = okBody(await post(evaluator, '/evaluations', { cityCode: '440100', year: 2026, subject: 'STATION' }, '2026-11-20'));
    evaluationId = run.id;
    const record = okBody(await c.get(evaluator, `/evaluations/${evaluationId}`));
    expect(record).toMatchObject({ status: 'RUN', schemeVersion: 2 });
    const figures = Object.fromEntries(record.organisations.map((o: { organisationId: string; figures: object }) => [o.organisationId, o.figures]));
    expect(figures[good.id]).toMatchObject({ activitiesHeld: 1, serviceVisits: 3, enterprisesServed: 2, averageRating: 5, reportOnTime: true });
    expect(figures[idle.id]).toMatchObject({ activitiesHeld: 0, serviceVisits: 0, averageRating: null, reportOnTime: false });

    await refused(() => post(szEvaluator, `/evaluations/${evaluationId}/manual-scores`, { organisationId: good.id, indicatorId: 'review', score: 90, evidence }, '2026-11-21'), 403);
    await refused(() => post(evaluator, `/evaluations/${evaluationId}/manual-scores`, { organisationId: good.id, indicatorId: 'review', score: 120, evidence }, '2026-11-21'), 400);
    await refused(() => post(actors.city, `/evaluations/${evaluationId}/publication`, {}, '2026-11-22'), 409, 'MANUAL_SCORES_MISSING');
    okBody(await post(evaluator, `/evaluations/${evaluationId}/manual-scores`, { organisationId: good.id, indicatorId: 'review', score: 90, evidence }, '2026-11-21'));
    okBody(await post(evaluator, `/evaluations/${evaluationId}/manual-scores`, { organisationId: idle.id, indicatorId: 'review', score: 20, evidence }, '2026-11-21'));
  });

  it('the city publishes the results, ranked; 优秀 is commended', async () => {
    await refused(() => post(evaluator, `/evaluations/${evaluationId}/publication`, {}, '2026-11-25'), 403);
    okBody(await post(actors.city, `/evaluations/${evaluationId}/publication`, {}, '2026-11-25'));
    const { results, schemeVersion } = okBody(await c.get(actors.hub, `/evaluations/${evaluationId}/results`));
    expect(schemeVersion).toBe(2);
    // Good: 40 + 30 + 27 = 97; idle: 0 + 0 + 6 = 6.
    expect(results.map((r: Record<string, unknown>) => [r.organisationId, r.total, r.grade, r.flags, r.rankInCity, r.rankInDistrict])).toEqual([
      [good.id, 97, 'EXCELLENT', [], 1, 1],
      [idle.id, 6, 'FAIL', ['FAIL', 'NO_REPORT'], 2, 2],
    ]);
    // The same results as rows for evaluators: JSON, CSV and XLSX, cell for cell.
    const download = (format: string) => c.download(evaluator, `/evaluations/${evaluationId}/results/export?format=${format}`);
    const table = JSON.parse((await download('json')).body.toString('utf8'));
    expect(table.rows.map((r: Record<string, unknown>) => [r.rankInCity, r.organisationId, r.total, r.grade])).toEqual([
      [1, good.id, 97, 'EXCELLENT'],
      [2, idle.id, 6, 'FAIL'],
    ]);
    const csv = (await download('csv')).body.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv[1].split(',')).toEqual(table.columns.map((col: { key: string }) => col.key));
    expect(csv).toHaveLength(2 + table.rows.length);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download('xlsx')).body as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('综合评价结果')!;
    table.rows.forEach((row: Record<string, unknown>, r: number) =>
      table.columns.forEach((col: { key: string }, i: number) => expect(sheet.getCell(3 + r, i + 1).value).toEqual(row[col.key])),
    );

    okBody(await post(actors.city, `/evaluations/${evaluationId}/commendations`, { organisationId: good.id, note: '服务成效突出' }, '2026-11-26'));
    await refused(() => post(actors.city, `/evaluations/${evaluationId}/commendations`, { organisationId: idle.id, note: '表扬' }, '2026-11-26'), 409, 'NOT_EXCELLENT');
  });

  it('the hub turns the failing station’s flag into a revocation proposal in one step', async () => {
    await refused(() => post(actors.city, `/evaluations/${evaluationId}/flags/${idle.id}/action`, {}, '2026-11-27'), 403);
    okBody(await post(actors.hub, `/evaluations/${evaluationId}/flags/${idle.id}/action`, {}, '2026-11-27'));
    const station = okBody(await c.get(actors.city, `/stations/${idle.id}`));
    const proposal = station.revocations.at(-1);
    expect(proposal).toMatchObject({ grounds: ['NOT_SUPPORTING_AUTHORITIES'] });
    expect(proposal.evidence[0].description).toContain('总分6');
    const record = okBody(await c.get(actors.hub, `/evaluations/${evaluationId}`));
    expect(record.actedOn).toEqual([{ organisationId: idle.id, action: 'REVOCATION_PROPOSED', proposalId: proposal.proposalId }]);
    await refused(() => post(actors.hub, `/evaluations/${evaluationId}/flags/${idle.id}/action`, {}, '2026-11-28'), 409, 'FLAG_ALREADY_ACTED_ON');
  });

  it('a rerun at the run’s position gives the published results byte for byte, after more events', async () => {
    // More of the year after the run: another salon held by the good station.
    const { id } = okBody(await post(good.operator, '/activities', activityBody(good.id, '2026-11-29'), '2026-11-28'));
    okBody(await post(enterprises[1].self, `/activities/${id}/registrations`, { enterpriseId: enterprises[1].id }, '2026-11-28'));
    okBody(await post(good.operator, `/activities/${id}/holding`, holdingBody([enterprises[1].id], 2), '2026-11-29', '18:00'));
    const published = JSON.stringify(okBody(await c.get(actors.auditor, `/evaluations/${evaluationId}/results`)));
    const rerun = JSON.stringify(okBody(await c.get(actors.auditor, `/evaluations/${evaluationId}/rerun`)));
    expect(rerun).toBe(published);
  });

  it('replays the evaluation and its scheme as they stood at a business time, for auditors', async () => {
    const beforePublication = okBody(await c.get(actors.auditor, `/evaluations/${evaluationId}?asOf=${encodeURIComponent(at('2026-11-23'))}`));
    expect(beforePublication).toMatchObject({ status: 'RUN', actedOn: [] });
    expect(beforePublication.published).toBeFalsy();
    expect(okBody(await c.get(actors.auditor, `/evaluations/${evaluationId}`))).toMatchObject({ status: 'PUBLISHED' });
    const { schemeId } = okBody(await c.get(actors.auditor, `/evaluations/${evaluationId}`));
    expect(okBody(await c.get(actors.auditor, `/evaluation-schemes/${schemeId}?asOf=${encodeURIComponent(at('2026-01-20'))}`))).toMatchObject({ currentVersion: 1 });
    await refused(() => c.get(evaluator, `/evaluations/${evaluationId}?asOf=${encodeURIComponent(at('2026-11-23'))}`), 403, 'AS_OF_AUDITOR_ONLY');
  });

  it('lists the city’s evaluations for its readers only', async () => {
    const listed = okBody(await c.get(evaluator, '/evaluations?year=2026&subject=STATION'));
    expect(listed.items.map((e: { id: string; status: string }) => [e.id, e.status])).toEqual([[evaluationId, 'PUBLISHED']]);
    expect(okBody(await c.get(evaluator, '/evaluations?status=RUN')).items).toEqual([]);
    await refused(() => c.get(szEvaluator, '/evaluations?cityCode=440100'), 403, 'EVALUATION_READ_FORBIDDEN');
    await refused(() => c.get(actors.tianhe, '/evaluations'), 403, 'EVALUATION_READ_FORBIDDEN');
  });
});
