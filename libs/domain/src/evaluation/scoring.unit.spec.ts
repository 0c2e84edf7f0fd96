import { domainErrorOf } from '../shared/testing';
import { checkScheme, gradeOf, normalise, scoreOrganisation, type EvaluationScheme, type OrganisationFigures } from './scoring';

/** A station scheme in the manner of 工信厅企业〔2017〕103号: weighted indicators, each scored 0–100 by a rule. */
const scheme: EvaluationScheme = {
  subject: 'STATION',
  indicators: [
    { id: 'activities', label: '服务活动场次', weight: 0.25, formula: 'ACTIVITIES_HELD', normalisation: { kind: 'TARGET', target: 10 } },
    { id: 'visits', label: '服务企业家次', weight: 0.25, formula: 'SERVICE_VISITS', normalisation: { kind: 'TARGET', target: 100 } },
    { id: 'rating', label: '平均满意度', weight: 0.2, formula: 'AVERAGE_RATING', normalisation: { kind: 'RANGE', min: 1, max: 5 } },
    { id: 'followUps', label: '差评跟进按时办结率', weight: 0.1, formula: 'FOLLOW_UPS_ON_TIME', normalisation: { kind: 'RANGE', min: 0, max: 1 } },
    { id: 'report', label: '按时报送年度总结', weight: 0.1, formula: 'REPORT_ON_TIME', normalisation: { kind: 'BOOLEAN' } },
    { id: 'review', label: '评价人员综合打分', weight: 0.1, formula: 'MANUAL' },
  ],
  gradeFloors: { EXCELLENT: 90, GOOD: 75, PASS: 60 },
  satisfactionFloor: 3,
};

const figures = (changes: Partial<OrganisationFigures> = {}): OrganisationFigures => ({
  activitiesHeld: 12,
  serviceVisits: 80,
  enterprisesServed: 40,
  deliveriesArchived: 20,
  averageRating: 4.2,
  satisfiedShare: 0.8,
  followUpsOnTimeRate: 0.5,
  returnVisitRate: 0.2,
  demandsAcceptedInTimeRate: 0.9,
  freeServiceShare: 0.6,
  reportOnTime: true,
  covenantSigned: true,
  ...changes,
});

describe('综合评价考核: scoring an organisation on a scheme', () => {
  it('scores a station by hand: 25 + 20 + 16 + 5 + 10 + 7 = 83, 良好, no flag', () => {
    const result = scoreOrganisation(checkScheme(scheme), figures(), { review: 70 });
    expect(result.indicators.map((i) => [i.id, i.score, i.weighted])).toEqual([
      ['activities', 100, 25], // 12 of a target of 10, capped at 100
      ['visits', 80, 20], // 80 of 100
      ['rating', 80, 16], // (4.2 − 1) / (5 − 1)
      ['followUps', 50, 5],
      ['report', 100, 10],
      ['review', 70, 7],
    ]);
    expect(result).toMatchObject({ total: 83, grade: 'GOOD', flags: [] });
  });

  it('flags a station under the bar: 7.5 + 5 + 8 + 0 + 0 + 5 = 25.5, 不合格, low satisfaction, no report', () => {
    const result = scoreOrganisation(scheme, figures({ activitiesHeld: 3, serviceVisits: 20, averageRating: 2.6, followUpsOnTimeRate: null, reportOnTime: false }), { review: 50 });
    expect(result.indicators.map((i) => i.weighted)).toEqual([7.5, 5, 8, 0, 0, 5]);
    expect(result).toMatchObject({ total: 25.5, grade: 'FAIL', flags: ['FAIL', 'LOW_SATISFACTION', 'NO_REPORT'] });
  });

  it('gives the same result for the same scheme and figures', () => {
    expect(JSON.stringify(scoreOrganisation(scheme, figures(), { review: 70 }))).toBe(JSON.stringify(scoreOrganisation(scheme, figures(), { review: 70 })));
  });

  it('grades on the floors, each floor included', () => {
    expect([90, 89.99, 75, 74.99, 60, 59.99].map((t) => gradeOf(t, scheme.gradeFloors))).toEqual(['EXCELLENT', 'GOOD', 'GOOD', 'PASS', 'PASS', 'FAIL']);
  });

  it('normalises targets, ranges and yes/no, scoring 0 when the ledger has nothing to compute from', () => {
    expect(normalise(5, { kind: 'TARGET', target: 8 })).toBe(62.5);
    expect(normalise(0.95, { kind: 'RANGE', min: 0.9, max: 1 })).toBe(50);
    expect(normalise(0.8, { kind: 'RANGE', min: 0.9, max: 1 })).toBe(0);
    expect(normalise(false, { kind: 'BOOLEAN' })).toBe(0);
    expect(normalise(null, { kind: 'TARGET', target: 8 })).toBe(0);
  });

  it('needs the evaluators’ score of every manual indicator', () => {
    expect(domainErrorOf(() => scoreOrganisation(scheme, figures())).code).toBe('MANUAL_SCORE_MISSING');
  });

  it.each([
    ['weights not summing to 1', { indicators: scheme.indicators.map((i, n) => (n === 0 ? { ...i, weight: 0.3 } : i)) }, 'WEIGHTS_NOT_ONE'],
    ['a repeated indicator id', { indicators: [...scheme.indicators.slice(0, 5), { ...scheme.indicators[5], id: 'report' }] }, 'INDICATOR_ID_REPEATED'],
    ['a computed indicator without a normalisation', { indicators: scheme.indicators.map((i, n) => (n === 0 ? { ...i, normalisation: undefined } : i)) }, 'NORMALISATION_REQUIRED'],
    ['an unknown formula', { indicators: scheme.indicators.map((i, n) => (n === 0 ? { ...i, formula: 'PRESS_COVERAGE' as never } : i)) }, 'FORMULA_UNKNOWN'],
    ['floors out of order', { gradeFloors: { EXCELLENT: 90, GOOD: 60, PASS: 75 } }, 'GRADE_FLOORS_INVALID'],
    ['a range with max not above min', { indicators: scheme.indicators.map((i, n) => (n === 2 ? { ...i, normalisation: { kind: 'RANGE' as const, min: 5, max: 5 } } : i)) }, 'NORMALISATION_INVALID'],
  ])('refuses a scheme with %s', (_, changes, code) => {
    expect(domainErrorOf(() => checkScheme({ ...scheme, ...changes })).code).toBe(code);
  });
});
