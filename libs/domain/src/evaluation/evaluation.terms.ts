import { arrayOf, bool, closed, exactlyOneOf, exactly, integer, nullable, number, oneOf, optional, recordId, regionCode, text, type Static } from '../shared/schema/builders';
import { evaluationSubjects, evaluationGrades, indicatorFormulas } from './scoring';

const share = (description: string) => nullable(number({ minimum: 0, maximum: 1 }, description));

export const NormalisationSchema = exactlyOneOf(
  [
    closed({ kind: exactly('TARGET'), target: number({ exclusiveMinimum: 0 }, 'The value that scores 100') }),
    closed({ kind: exactly('RANGE'), min: number({}, 'Scores 0'), max: number({}, 'Scores 100') }),
    closed({ kind: exactly('BOOLEAN') }),
  ],
  { $id: 'IndicatorNormalisation', description: 'How a raw value becomes 0–100 (TARGET capped at 100; RANGE linear; BOOLEAN 100 or 0)' },
);

export const IndicatorSchema = closed(
  {
    id: text('The indicator’s id, unique in the scheme'),
    label: text('指标名称'),
    weight: number({ exclusiveMinimum: 0, maximum: 1 }, 'Share of the total; the weights sum to 1'),
    formula: oneOf(indicatorFormulas.codes, 'The named formula (MANUAL: scored by the evaluators with evidence)'),
    normalisation: optional(NormalisationSchema),
  },
  { $id: 'EvaluationIndicator', description: 'One indicator of a scheme' },
);

export const GradeFloorsSchema = closed(
  { EXCELLENT: number({ minimum: 0, maximum: 100 }, '优秀: its lowest total'), GOOD: number({ minimum: 0, maximum: 100 }, '良好: its lowest total'), PASS: number({ minimum: 0, maximum: 100 }, '合格: its lowest total') },
  { $id: 'GradeFloors', description: 'The lowest total of each grade; under PASS is 不合格' },
);

/** The scheme's content: what a version fixes. */
export const SchemeContentSchema = closed(
  {
    subject: oneOf(evaluationSubjects.codes, 'STATION, CENTRE or PROVIDER'),
    indicators: arrayOf(IndicatorSchema, { minItems: 1 }),
    gradeFloors: GradeFloorsSchema,
    satisfactionFloor: optional(number({ minimum: 1, maximum: 5 }, '优胜劣汰: a mean rating under it flags the organisation')),
  },
  { $id: 'EvaluationSchemeContent', description: 'A version of an evaluation scheme (评价方案)' },
);

export const FiguresSchema = closed(
  {
    activitiesHeld: integer(0),
    serviceVisits: integer(0),
    enterprisesServed: integer(0),
    deliveriesArchived: integer(0),
    averageRating: nullable(number({ minimum: 1, maximum: 5 })),
    satisfiedShare: share('Ratings of 4 or 5 over all ratings'),
    followUpsOnTimeRate: share('Follow-ups closed on time over follow-ups'),
    returnVisitRate: share('Deliveries with a 回访 over deliveries'),
    demandsAcceptedInTimeRate: share('Demands accepted in time over demands'),
    freeServiceShare: share('Free deliveries over deliveries'),
    reportOnTime: bool(),
    covenantSigned: bool(),
  },
  { $id: 'OrganisationFigures', description: 'What the ledger holds of one organisation’s year, up to the run’s position' },
);

const raw = nullable(exactlyOneOf([number({}), bool()]));

export const IndicatorScoreSchema = closed(
  {
    id: text(),
    formula: oneOf(indicatorFormulas.codes),
    raw,
    score: number({ minimum: 0, maximum: 100 }),
    weighted: number({ minimum: 0, maximum: 100 }),
  },
  { $id: 'IndicatorScore', description: 'One indicator of one organisation: its raw value, its score on 0–100 and its weighted share' },
);

export const EvaluatedOrganisationSchema = closed(
  {
    organisationId: recordId('The station, centre or provider'),
    name: text(),
    districtCode: regionCode('Where it is ranked: a station’s district, a provider’s or centre’s region'),
    figures: FiguresSchema,
  },
  { $id: 'EvaluatedOrganisation', description: 'One organisation of the run and its figures' },
);

export const OrganisationResultSchema = closed(
  {
    organisationId: recordId('The station, centre or provider'),
    name: text(),
    districtCode: regionCode(),
    figures: FiguresSchema,
    indicators: arrayOf(IndicatorScoreSchema),
    total: number({ minimum: 0, maximum: 100 }),
    grade: oneOf(evaluationGrades.codes),
    flags: arrayOf(oneOf(['FAIL', 'LOW_SATISFACTION', 'NO_REPORT'] as const)),
    rankInCity: integer(1),
    rankInDistrict: integer(1),
  },
  { $id: 'OrganisationResult', description: 'One organisation’s published result' },
);

export const ScoreEvidenceSchema = closed(
  { description: text('What the evidence shows'), fileName: optional(text()), sha256: optional(text('SHA-256 of the file')) },
  { $id: 'ScoreEvidence', description: 'Evidence for a manual score' },
);

export type SchemeContent = Static<typeof SchemeContentSchema>;
export type EvaluatedOrganisation = Static<typeof EvaluatedOrganisationSchema>;
export type OrganisationResult = Static<typeof OrganisationResultSchema>;
export type ScoreEvidence = Static<typeof ScoreEvidenceSchema>;

/** The last day a scheme for the year may be published or changed. */
export const lastDayOf = (year: number) => `${year}-12-31`;
