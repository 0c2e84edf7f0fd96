import { commandsOn, given, GZ, gzBureau, gzHub, szBureau } from '../shared/testing';
import { evaluationSchemeKind } from './evalscheme.kind';
import type { EvaluationSchemeEvent } from './evalscheme.events';
import type { EvaluationCommand } from './evaluation.commands';
import type { EvaluationEvent } from './evaluation.events';
import { EVALUATION_ID, gzEvaluator, runData, SCHEME_ID, STATION_A, STATION_B, STATION_C, stationScheme, szEvaluator } from './evaluation.fixtures';
import { evaluationKind } from './evaluation.kind';

const NOW = '2026-12-20T09:00:00+08:00';
const cmd = commandsOn<EvaluationCommand>()({ evaluationId: EVALUATION_ID }, gzEvaluator, NOW);
const at = '2026-12-20T01:00:00.000Z';
const evidence = [{ description: '现场检查记录' }];

const run: EvaluationEvent = { type: 'EvaluationRun', data: { ...runData, runAt: at } };
const scored = (organisationId: string, score: number): EvaluationEvent => ({
  type: 'ManualScoresRecorded',
  data: { evaluationId: EVALUATION_ID, organisationId, indicatorId: 'review', score, evidence, evaluatorId: gzEvaluator.id, recordedAt: at },
});
const allScored = [run, scored(STATION_A, 100), scored(STATION_B, 50), scored(STATION_C, 0)];

describe('评价方案 (evaluation scheme)', () => {
  const publish = (scheme = stationScheme, by = gzBureau, now = NOW) =>
    ({ type: 'PublishEvaluationScheme', data: { schemeId: SCHEME_ID, cityCode: GZ, year: 2026, scheme }, metadata: { now: new Date(now), actor: by } }) as const;
  const v1: EvaluationSchemeEvent = { type: 'EvaluationSchemePublished', data: { schemeId: SCHEME_ID, cityCode: GZ, year: 2026, version: 1, scheme: stationScheme, publishedAt: at } };

  it('is published by the city as version 1, and a change is version 2', () => {
    given(evaluationSchemeKind).when(publish()).then([v1]);
    const changed = { ...stationScheme, satisfactionFloor: 3.5 };
    given(evaluationSchemeKind, [v1]).when(publish(changed)).then([{ type: 'EvaluationSchemePublished', data: { ...v1.data, version: 2, scheme: changed } }]);
  });

  it('refuses an unchanged scheme, another subject, a bad scheme and a year that has ended', () => {
    given(evaluationSchemeKind, [v1]).when(publish()).thenThrows('SCHEME_UNCHANGED');
    given(evaluationSchemeKind, [v1]).when(publish({ ...stationScheme, subject: 'PROVIDER' })).thenThrows('SCHEME_SUBJECT_FIXED');
    given(evaluationSchemeKind).when(publish({ ...stationScheme, gradeFloors: { EXCELLENT: 60, GOOD: 75, PASS: 90 } })).thenThrows('GRADE_FLOORS_INVALID');
    given(evaluationSchemeKind).when(publish(stationScheme, gzBureau, '2026-12-31T23:59:00+08:00')).thenEmits(['EvaluationSchemePublished']);
    given(evaluationSchemeKind).when(publish(stationScheme, gzBureau, '2027-01-01T00:00:00+08:00')).thenThrows('SCHEME_YEAR_ENDED', { kind: 'CONFLICT' });
  });

  it('is the city authority’s of its own city only', () => {
    given(evaluationSchemeKind).when(publish(stationScheme, szBureau)).thenThrows('REGION_NOT_PERMITTED');
    given(evaluationSchemeKind).when(publish(stationScheme, gzHub)).thenThrows('ROLE_NOT_PERMITTED');
  });
});

describe('综合评价 (evaluation)', () => {
  it('runs under a scheme version at a log position, by an evaluator of the region', () => {
    given(evaluationKind).when(cmd('RunEvaluation', runData)).then([run]);
    given(evaluationKind).when(cmd('RunEvaluation', runData, szEvaluator)).thenThrows('REGION_NOT_PERMITTED');
    given(evaluationKind).when(cmd('RunEvaluation', { ...runData, organisations: [...runData.organisations].reverse() })).thenThrows('ORGANISATIONS_UNSORTED');
  });

  it('takes manual scores 0–100 with evidence for MANUAL indicators only', () => {
    given(evaluationKind, [run]).when(cmd('RecordManualScore', { organisationId: STATION_A, indicatorId: 'review', score: 100, evidence })).then([scored(STATION_A, 100)]);
    given(evaluationKind, [run]).when(cmd('RecordManualScore', { organisationId: STATION_A, indicatorId: 'review', score: 120, evidence })).thenThrows('SCORE_OUT_OF_RANGE', { kind: 'VALIDATION' });
    given(evaluationKind, [run]).when(cmd('RecordManualScore', { organisationId: STATION_A, indicatorId: 'rating', score: 50, evidence })).thenThrows('INDICATOR_NOT_MANUAL');
    given(evaluationKind, [run]).when(cmd('RecordManualScore', { organisationId: STATION_A, indicatorId: 'review', score: 50, evidence: [] })).thenThrows('SCORE_EVIDENCE_REQUIRED');
    given(evaluationKind, [run]).when(cmd('RecordManualScore', { organisationId: STATION_A, indicatorId: 'review', score: 50, evidence }, szEvaluator)).thenThrows('REGION_NOT_PERMITTED');
  });

  it('publishes once every manual indicator is scored: totals, grades, flags and ranks by hand', () => {
    given(evaluationKind, [run, scored(STATION_A, 100)]).when(cmd('PublishEvaluation', {}, gzBureau)).thenThrows('MANUAL_SCORES_MISSING', { kind: 'CONFLICT' });
    given(evaluationKind, allScored).when(cmd('PublishEvaluation', {}, gzEvaluator)).thenThrows('ROLE_NOT_PERMITTED');
    given(evaluationKind, allScored).when(cmd('PublishEvaluation', {}, gzBureau)).thenEmits(['EvaluationPublished']);
    const [event] = evaluationKind.decider.decide(cmd('PublishEvaluation', {}, gzBureau), given(evaluationKind, allScored).state);
    const results = event.type === 'EvaluationPublished' ? event.data.results : [];
    // A: 40 + 40 + 20 = 100 优秀; B: 20 + 30 + 10 = 60 合格; C: 4 + 10 + 0 = 14 不合格, rating 2 < 3.
    expect(results.map((r) => [r.name, r.total, r.grade, r.flags, r.rankInCity, r.rankInDistrict])).toEqual([
      ['甲站', 100, 'EXCELLENT', [], 1, 1],
      ['乙站', 60, 'PASS', [], 2, 2],
      ['丙站', 14, 'FAIL', ['FAIL', 'LOW_SATISFACTION'], 3, 1],
    ]);
  });

  describe('after publication', () => {
    const publishedHistory = () => {
      const state = given(evaluationKind, allScored).state;
      return [...allScored, ...evaluationKind.decider.decide(cmd('PublishEvaluation', {}, gzBureau), state)];
    };

    it('commends 优秀 only, once', () => {
      given(evaluationKind, publishedHistory()).when(cmd('CommendOrganisation', { organisationId: STATION_A, note: '通报表扬' }, gzBureau)).thenEmits(['OrganisationCommended']);
      given(evaluationKind, publishedHistory()).when(cmd('CommendOrganisation', { organisationId: STATION_B, note: '通报表扬' }, gzBureau)).thenThrows('NOT_EXCELLENT');
    });

    it('lets the hub act on a flag once, naming the proposal', () => {
      const proposalId = '2f000000-0000-4000-8000-000000000001';
      const act = cmd('ActOnFlag', { organisationId: STATION_C, action: 'REVOCATION_PROPOSED', proposalId }, gzHub);
      const { state } = given(evaluationKind, publishedHistory()).when(act).then([
        { type: 'FlagActedOn', data: { evaluationId: EVALUATION_ID, organisationId: STATION_C, flags: ['FAIL', 'LOW_SATISFACTION'], action: 'REVOCATION_PROPOSED', proposalId, actedAt: at } },
      ]);
      expect(state.status).toBe('PUBLISHED');
      given(evaluationKind, publishedHistory()).when(cmd('ActOnFlag', { organisationId: STATION_A, action: 'REVOCATION_PROPOSED', proposalId }, gzHub)).thenThrows('NOT_FLAGGED');
      given(evaluationKind, publishedHistory()).when({ ...act, metadata: { ...act.metadata, actor: gzBureau } }).thenThrows('ROLE_NOT_PERMITTED');
      given(evaluationKind, [...allScored]).when(act).thenThrows('EVALUATION_NOT_PUBLISHED');
    });

    it('refuses a new run or score once published', () => {
      given(evaluationKind, publishedHistory()).when(cmd('RunEvaluation', runData)).thenThrows('EVALUATION_PUBLISHED');
      given(evaluationKind, publishedHistory()).when(cmd('RecordManualScore', { organisationId: STATION_A, indicatorId: 'review', score: 1, evidence })).thenThrows('EVALUATION_PUBLISHED');
    });
  });
});
