import type { Actor } from '@sme/domain';
import { stationScheme } from '@sme/domain/evaluation/evaluation.fixtures';
import { entryApplication, providerUser } from './support/library-bodies';
import { okBody } from './support/refusals';
import { useSpecApp } from './support/spec-app';
import { actors, designatedStations } from './support/station-lifecycle';

const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;
const evaluator: Actor = { id: 'gz-evaluator', role: 'EVALUATOR', orgId: 'GZ-EVAL', regionCode: '440100' };

/** The domain's fixture scheme (activities 40 %, mean rating 40 %, review 20 %) for the city's 2026 stations or providers. */
const schemeOf = (subject: 'STATION' | 'PROVIDER') => ({ ...stationScheme, subject, cityCode: '440100', year: 2026 });
const evidence = [{ description: '年度现场检查记录' }];

/**
 * 优胜劣汰 as one request that writes FlagActedOn, with the proposal or removal written after it by the
 * ledger: a flagged provider whose removal the 库's rules make due leaves it, with the evaluation's
 * figures as evidence and the hub's opinion; a flag whose follow-up its record would refuse (a provider
 * not due, a station already awaiting a revocation decision) is refused before anything is written.
 */
describe('acting on an evaluation’s flags (优胜劣汰)', () => {
  const { app, c, refused } = useSpecApp();
  const post = (actor: Actor, path: string, body: object, date: string) => c.post(actor, path, { ...body, occurredAt: at(date) });

  /** The city's scheme, a run, every organisation's review scored 20 (a total of 4: 不合格, and no report), published. */
  async function publishedEvaluation(subject: 'STATION' | 'PROVIDER', organisationIds: string[]): Promise<string> {
    okBody(await post(actors.city, '/evaluation-schemes', schemeOf(subject), '2026-01-10'));
    const { id } = okBody(await post(evaluator, '/evaluations', { cityCode: '440100', year: 2026, subject }, '2026-11-20'));
    for (const organisationId of organisationIds) {
      okBody(await post(evaluator, `/evaluations/${id}/manual-scores`, { organisationId, indicatorId: 'review', score: 20, evidence }, '2026-11-21'));
    }
    okBody(await post(actors.city, `/evaluations/${id}/publication`, {}, '2026-11-25'));
    return id;
  }

  it('a flagged provider leaves the 库 after FlagActedOn when the 库’s own rules make its removal due, and only then', async () => {
    const admitted = async (seed: number) => {
      const { id } = okBody(await post(providerUser(seed), '/providers/entry-applications', entryApplication(seed), '2026-01-05'));
      okBody(await post(actors.hub, `/providers/${id}/entry-decision`, { admitted: true, opinion: '同意入库' }, '2026-01-06'));
      return id as string;
    };
    const [once, twice] = [await admitted(971), await admitted(972)];
    // 监测评价: the second provider fails twice, the second time inside its 整改期 — its removal is due.
    const monitoring = (period: string, date: string, extra: object = {}) =>
      post(actors.city, `/providers/${twice}/evaluations`, { period, scores: { capability: 50, management: 50, quality: 50, satisfaction: 50 }, opinion: '服务质量不达标', satisfactionOverrideReason: '按走访结果评分', ...extra }, date);
    okBody(await monitoring('2026-H1', '2026-07-01', { probationDeadline: '2026-09-30' }));
    okBody(await monitoring('2026-Q3', '2026-09-20'));
    const evaluationId = await publishedEvaluation('PROVIDER', [once, twice]);
    const { results } = okBody(await c.get(actors.hub, `/evaluations/${evaluationId}/results`));
    expect(results.map((r: { total: number; flags: string[] }) => [r.total, r.flags])).toEqual([
      [4, ['FAIL', 'NO_REPORT']],
      [4, ['FAIL', 'NO_REPORT']],
    ]);

    await refused(() => post(actors.city, `/evaluations/${evaluationId}/flags/${twice}/action`, {}, '2026-11-27'), 403);
    // Not due under the 库's rules: refused before anything is written.
    await refused(() => post(actors.hub, `/evaluations/${evaluationId}/flags/${once}/action`, {}, '2026-11-27'), 409, 'FAILED_EVALUATION_REMOVAL_NOT_DUE');
    expect(okBody(await c.get(actors.hub, `/evaluations/${evaluationId}`)).actedOn).toEqual([]);

    const opinion = '年度综合评价不合格且整改期内监测评价再次不合格，移出服务机构库';
    okBody(await post(actors.hub, `/evaluations/${evaluationId}/flags/${twice}/action`, { opinion }, '2026-11-27'));
    expect(okBody(await c.get(actors.hub, `/providers/${twice}`)).status).toBe('REMOVED');
    const { events } = okBody(await c.get(actors.auditor, `/streams/provider-${twice}/events`));
    const removed = events.find((e: { type: string }) => e.type === 'ProviderRemoved');
    expect(removed.data).toMatchObject({ grounds: ['FAILED_EVALUATION'], opinion });
    expect(removed.data.evidence[0].description).toContain('总分4');
    expect(removed.metadata).toMatchObject({ actor: { id: actors.hub.id }, occurredAt: new Date(at('2026-11-27')).toISOString() });
    const evaluation = okBody(await c.get(actors.hub, `/evaluations/${evaluationId}`));
    expect(evaluation.actedOn).toEqual([{ organisationId: twice, action: 'REMOVED_FROM_POOL', proposalId: twice }]);
    expect(removed.metadata.causationId).toBe(
      okBody(await c.get(actors.auditor, `/streams/evaluation-${evaluationId}/events`)).events.find((e: { type: string }) => e.type === 'FlagActedOn').id,
    );
    await refused(() => post(actors.hub, `/evaluations/${evaluationId}/flags/${twice}/action`, {}, '2026-11-28'), 409, 'FLAG_ALREADY_ACTED_ON');

    // Seeing FlagActedOn again (a restart before the checkpoint was stored) writes nothing.
    const before = await app().head();
    await app().reactAgain([`evaluation-${evaluationId}`]);
    expect(await app().head()).toBe(before);
  });

  it('a flag whose station already awaits a revocation decision is refused, and nothing is written', async () => {
    const [{ id: stationId }] = await designatedStations(app(), [973]);
    const evaluationId = await publishedEvaluation('STATION', [stationId]);
    okBody(await post(actors.hub, `/stations/${stationId}/revocation-proposals`, { grounds: ['LOW_SATISFACTION'], evidence, opinion: '服务满意度低，建议撤销' }, '2026-11-26'));

    await refused(() => post(actors.hub, `/evaluations/${evaluationId}/flags/${stationId}/action`, {}, '2026-11-27'), 409, 'REVOCATION_ALREADY_PROPOSED');
    expect(okBody(await c.get(actors.hub, `/evaluations/${evaluationId}`)).actedOn).toEqual([]);
    expect(okBody(await c.get(actors.city, `/stations/${stationId}`)).revocations).toHaveLength(1);
  });
});
