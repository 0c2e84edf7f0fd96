import { chinaDateOf, type Actor } from '@sme/domain';
import { actors } from '../support/station-lifecycle';
import type { Fixtures } from './fixtures';
import type { World } from './world';

const evaluator: Actor = { id: 'gz-evaluator', role: 'EVALUATOR', orgId: 'GZ-EVAL', regionCode: '440100' };
/** This year's: a scheme may be published only before its year ends. */
const year = Number(chinaDateOf(new Date()).slice(0, 4));
const scheme = (subject: string) => ({
  cityCode: '440100',
  year,
  subject,
  indicators: [
    { id: 'activities', label: '服务活动场次', weight: 0.5, formula: 'ACTIVITIES_HELD', normalisation: { kind: 'TARGET', target: 10 } },
    { id: 'review', label: '评价人员综合打分', weight: 0.5, formula: 'MANUAL' },
  ],
  gradeFloors: { EXCELLENT: 90, GOOD: 75, PASS: 60 },
});
const someOrganisation = '0e000000-0000-4000-8000-000000000001';

const ok = (res: { status: number; body: { id?: string } }) => {
  if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
};

/** Guangzhou's station evaluation of the year, run under a published scheme. */
const evaluation = (w: World) =>
  w.once('evaluation', async () => {
    ok(await w.c.post(actors.city, '/evaluation-schemes', scheme('STATION')));
    return ok(await w.c.post(evaluator, '/evaluations', { cityCode: '440100', year, subject: 'STATION' }));
  });

/** 综合评价考核: the city publishes schemes and results and commends; evaluators run and score; the hub acts on flags. */
export const evaluationFixtures: Fixtures = {
  'evalscheme.PublishEvaluationScheme': async () => ({ path: '/evaluation-schemes', body: scheme('PROVIDER'), actor: actors.city }),
  'evaluation.RunEvaluation': async (w) => {
    await evaluation(w);
    return { path: '/evaluations', body: { cityCode: '440100', year, subject: 'STATION' }, actor: evaluator };
  },
  'evaluation.RecordManualScore': async (w) => ({
    path: `/evaluations/${await evaluation(w)}/manual-scores`,
    body: { organisationId: someOrganisation, indicatorId: 'review', score: 50, evidence: [{ description: '检查记录' }] },
    actor: evaluator,
  }),
  'evaluation.PublishEvaluation': async (w) => ({ path: `/evaluations/${await evaluation(w)}/publication`, body: {}, actor: actors.city }),
  'evaluation.CommendOrganisation': async (w) => ({ path: `/evaluations/${await evaluation(w)}/commendations`, body: { organisationId: someOrganisation, note: '表扬' }, actor: actors.city }),
  'evaluation.ActOnFlag': async (w) => ({ path: `/evaluations/${await evaluation(w)}/flags/${someOrganisation}/action`, body: {}, actor: actors.hub }),
};
