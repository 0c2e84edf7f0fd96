import { randomUUID } from 'node:crypto';
import { evaluationKind, evaluationSchemeKind, type Actor, type SchemeContent } from '@sme/domain';
import type { EventStore } from '@sme/event-store';
import { commandRunner } from '@sme/event-store/testing/command-runner';
import { CITY } from '@sme/event-store/testing/history-actors';

/**
 * 评价方案 and 综合评价, written through the deciders: a scheme in two versions using every
 * normalisation, a station evaluation run, scored (an evidence file included), published, one station
 * commended and one acted on; a provider evaluation whose flag became a removal. Every event type occurs.
 */
export async function writeEvaluationHistory(store: EventStore, options: { year?: number } = {}): Promise<void> {
  const year = options.year ?? 2026;
  const { run } = commandRunner(store);
  const at = (monthDay: string) => `${year}-${monthDay}T10:00:00+08:00`;
  const evaluator: Actor = { id: 'gz-evaluator', role: 'EVALUATOR', orgId: 'gz-evaluation-office', regionCode: '440100' };
  const hub: Actor = { id: 'gz-hub', role: 'HUB', orgId: 'gz-hub', regionCode: '440100' };
  const scheme = (subject: SchemeContent['subject'], floor?: number): SchemeContent => ({
    subject,
    indicators: [
      { id: 'activities', label: '服务活动场次', weight: 0.4, formula: 'ACTIVITIES_HELD', normalisation: { kind: 'TARGET', target: 10 } },
      { id: 'rating', label: '平均满意度', weight: 0.3, formula: 'AVERAGE_RATING', normalisation: { kind: 'RANGE', min: 1, max: 5 } },
      { id: 'report', label: '按时报送年度总结', weight: 0.1, formula: 'REPORT_ON_TIME', normalisation: { kind: 'BOOLEAN' } },
      { id: 'review', label: '评价人员综合打分', weight: 0.2, formula: 'MANUAL' },
    ],
    gradeFloors: { EXCELLENT: 60, GOOD: 40, PASS: 30 },
    ...(floor === undefined ? {} : { satisfactionFloor: floor }),
  });
  const figures = (activitiesHeld: number, averageRating: number | null) => ({
    activitiesHeld,
    serviceVisits: activitiesHeld * 5,
    enterprisesServed: activitiesHeld * 3,
    deliveriesArchived: 1,
    averageRating,
    satisfiedShare: averageRating === null ? null : 0.5,
    followUpsOnTimeRate: null,
    returnVisitRate: 1,
    demandsAcceptedInTimeRate: 0.5,
    freeServiceShare: 1,
    reportOnTime: false,
    covenantSigned: true,
  });

  const schemeId = randomUUID();
  await run(evaluationSchemeKind, schemeId, CITY, at('01-05'), 'PublishEvaluationScheme', { schemeId, cityCode: '440100', year, scheme: scheme('STATION') });
  await run(evaluationSchemeKind, schemeId, CITY, at('02-05'), 'PublishEvaluationScheme', { schemeId, cityCode: '440100', year, scheme: scheme('STATION', 3) });

  const [good, poor] = [randomUUID(), randomUUID()].sort();
  const evaluationId = randomUUID();
  const organisations = [
    { organisationId: good, name: '天河区甲服务站', districtCode: '440106', figures: figures(10, 5) },
    { organisationId: poor, name: '海珠区乙服务站', districtCode: '440105', figures: figures(0, 2) },
  ];
  const runData = { evaluationId, cityCode: '440100', year, subject: 'STATION', schemeId, schemeVersion: 2, scheme: scheme('STATION', 3), position: '100', organisations };
  await run(evaluationKind, evaluationId, evaluator, at('12-20'), 'RunEvaluation', runData);
  await run(evaluationKind, evaluationId, evaluator, at('12-21'), 'RecordManualScore', {
    evaluationId,
    organisationId: good,
    indicatorId: 'review',
    score: 90,
    evidence: [{ description: '现场检查记录', fileName: '检查记录.pdf', sha256: 'a'.repeat(64) }],
  });
  await run(evaluationKind, evaluationId, evaluator, at('12-21'), 'RecordManualScore', { evaluationId, organisationId: poor, indicatorId: 'review', score: 20, evidence: [{ description: '台账缺失' }] });
  await run(evaluationKind, evaluationId, CITY, at('12-28'), 'PublishEvaluation', { evaluationId });
  await run(evaluationKind, evaluationId, CITY, at('12-29'), 'CommendOrganisation', { evaluationId, organisationId: good, note: '通报表扬' });
  await run(evaluationKind, evaluationId, hub, at('12-30'), 'ActOnFlag', { evaluationId, organisationId: poor, action: 'REVOCATION_PROPOSED', proposalId: randomUUID() });

  const providerEvaluation = randomUUID();
  const provider = randomUUID();
  await run(evaluationKind, providerEvaluation, evaluator, at('12-20'), 'RunEvaluation', {
    ...runData,
    evaluationId: providerEvaluation,
    subject: 'PROVIDER',
    scheme: scheme('PROVIDER'),
    schemeVersion: 1,
    organisations: [{ organisationId: provider, name: '广州某财税咨询有限公司', districtCode: '440106', figures: figures(0, null) }],
  });
  await run(evaluationKind, providerEvaluation, evaluator, at('12-21'), 'RecordManualScore', { evaluationId: providerEvaluation, organisationId: provider, indicatorId: 'review', score: 10, evidence: [{ description: '抽查记录' }] });
  await run(evaluationKind, providerEvaluation, CITY, at('12-28'), 'PublishEvaluation', { evaluationId: providerEvaluation });
  await run(evaluationKind, providerEvaluation, hub, at('12-30'), 'ActOnFlag', { evaluationId: providerEvaluation, organisationId: provider, action: 'REMOVED_FROM_POOL', proposalId: provider });
}
