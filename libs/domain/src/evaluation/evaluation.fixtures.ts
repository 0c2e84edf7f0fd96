import { anActor, GZ, HAIZHU, SZ, TIANHE } from '../shared/testing';
import type { EvaluatedOrganisation, SchemeContent } from './evaluation.terms';
import type { OrganisationFigures } from './scoring';

export const SCHEME_ID = '7e1a2b3c-4d5e-4f60-8a1b-2c3d4e5f6a70';
export const EVALUATION_ID = '7e1a2b3c-4d5e-4f60-8a1b-2c3d4e5f6a71';
export const STATION_A = '1a000000-0000-4000-8000-00000000000a';
export const STATION_B = '1b000000-0000-4000-8000-00000000000b';
export const STATION_C = '1c000000-0000-4000-8000-00000000000c';

export const gzEvaluator = anActor('EVALUATOR', GZ, 'gz-evaluator');
export const szEvaluator = anActor('EVALUATOR', SZ, 'sz-evaluator');

/** Activities 40 %, mean rating 40 %, the evaluators' review 20 %; 优秀 from 90, 良好 75, 合格 60; a mean rating under 3 is flagged. */
export const stationScheme: SchemeContent = {
  subject: 'STATION',
  indicators: [
    { id: 'activities', label: '服务活动场次', weight: 0.4, formula: 'ACTIVITIES_HELD', normalisation: { kind: 'TARGET', target: 10 } },
    { id: 'rating', label: '平均满意度', weight: 0.4, formula: 'AVERAGE_RATING', normalisation: { kind: 'RANGE', min: 1, max: 5 } },
    { id: 'review', label: '评价人员综合打分', weight: 0.2, formula: 'MANUAL' },
  ],
  gradeFloors: { EXCELLENT: 90, GOOD: 75, PASS: 60 },
  satisfactionFloor: 3,
};

const figures = (activitiesHeld: number, averageRating: number | null): OrganisationFigures => ({
  activitiesHeld,
  serviceVisits: 0,
  enterprisesServed: 0,
  deliveriesArchived: 0,
  averageRating,
  satisfiedShare: null,
  followUpsOnTimeRate: null,
  returnVisitRate: null,
  demandsAcceptedInTimeRate: null,
  freeServiceShare: null,
  reportOnTime: true,
  covenantSigned: true,
});

/** A: 10 activities, rating 5 (40 + 40); B: 5 activities, rating 4 (20 + 30); C in Haizhu: 1 activity, rating 2 (4 + 10). */
export const organisations: EvaluatedOrganisation[] = [
  { organisationId: STATION_A, name: '甲站', districtCode: TIANHE, figures: figures(10, 5) },
  { organisationId: STATION_B, name: '乙站', districtCode: TIANHE, figures: figures(5, 4) },
  { organisationId: STATION_C, name: '丙站', districtCode: HAIZHU, figures: figures(1, 2) },
];

export const runData = { evaluationId: EVALUATION_ID, cityCode: GZ, year: 2026, subject: 'STATION' as const, schemeId: SCHEME_ID, schemeVersion: 2, scheme: stationScheme, position: '120', organisations };
