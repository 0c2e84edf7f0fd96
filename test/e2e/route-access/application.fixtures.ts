import { materialKinds } from '@sme/domain';
import { actors, form, operator } from '../support/station-lifecycle';
import type { Fixtures } from './fixtures';

/** 服务站申请: the operator drafts and submits, the district reviews, the hub panels and recommends, the experts score, the city decides. */
export const applicationFixtures: Fixtures = {
  'application.CreateApplication': async (w) => ({ path: '/applications', body: { callId: await w.openCall(), form: form(1) }, actor: operator(1) }),
  'application.AttachMaterial': async (w) => {
    const application = await w.draftApplication();
    const material = { kind: materialKinds.codes[0], fileName: `${materialKinds.codes[0]}.pdf`, sha256: 'a'.repeat(64) };
    return { path: `/applications/${application.id}/materials`, body: { material }, actor: application.operator };
  },
  'application.SubmitApplication': async (w) => {
    const application = await w.draftApplication();
    return { path: `/applications/${application.id}/submit`, body: {}, actor: application.operator };
  },
  'application.ReviewByDistrict': async (w) => ({
    path: `/applications/${(await w.draftApplication()).id}/district-review`,
    body: { passed: true, opinion: '同意' },
    actor: actors.tianhe,
  }),
  'application.FormExpertPanel': async (w) => ({
    path: `/applications/${(await w.draftApplication()).id}/expert-panel`,
    body: { experts: actors.experts.map((e) => ({ expertId: e.id })) },
    actor: actors.hub,
  }),
  // Only a member of the application's panel is let through.
  'application.ScoreApplication': async (w) => ({
    path: `/applications/${await w.panelledApplication()}/expert-scores`,
    body: { score: 80, opinion: '良好' },
    actor: actors.experts[0],
  }),
  'application.IssueRecommendation': async (w) => ({
    path: `/applications/${(await w.draftApplication()).id}/recommendation`,
    body: { recommended: true, opinion: '推荐' },
    actor: actors.hub,
  }),
  'application.DecideApplication': async (w) => ({
    path: `/applications/${(await w.draftApplication()).id}/decision`,
    body: { approved: true, opinion: '审定通过' },
    actor: actors.city,
  }),
};
