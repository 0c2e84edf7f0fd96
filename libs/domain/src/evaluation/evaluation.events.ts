import { arrayOf, at, cityCode, integer, matching, number, oneOf, optional, recordId, text } from '../shared/schema/builders';
import { recordEvents, type EventOf, type EventsByType } from '../shared/schema/event-spec';
import { EvaluatedOrganisationSchema, OrganisationResultSchema, SchemeContentSchema, ScoreEvidenceSchema } from './evaluation.terms';
import { evaluationSubjects } from './scoring';

const organisationId = () => recordId('The station, centre or provider');
const FLAGS = ['FAIL', 'LOW_SATISFACTION', 'NO_REPORT'] as const;

/** 综合评价: a year's evaluation of a city's stations, centres or providers under a published scheme. */
export const EVALUATION_EVENTS = recordEvents({ evaluationId: recordId('The evaluation (one per city, year and subject)') }, {
  EvaluationRun: {
    action: 'run',
    title: 'Evaluation run (综合评价计算)',
    summary:
      'An evaluator computed every organisation’s figures for the year from the log up to `position` (inclusive), under scheme version `schemeVersion`; a later run before publication replaces it (and the manual scores given under it).',
    payload: {
      cityCode: cityCode(),
      year: integer(2000, 2100, 'The evaluated year'),
      subject: oneOf(evaluationSubjects.codes),
      schemeId: recordId('The scheme'),
      schemeVersion: integer(1),
      scheme: SchemeContentSchema,
      position: matching('^[0-9]+$', 'The global log position the figures were computed at (a decimal integer)'),
      organisations: arrayOf(EvaluatedOrganisationSchema, { description: 'Sorted by organisation id' }),
      runAt: at('When it was run'),
    },
  },
  ManualScoresRecorded: {
    action: 'manual-scores-recorded',
    title: 'Manual score recorded (评价人员打分)',
    summary: 'An evaluator scored a MANUAL indicator of one organisation, 0–100, with evidence; a later score of the same indicator replaces it.',
    payload: {
      organisationId: organisationId(),
      indicatorId: text('The MANUAL indicator'),
      score: number({ minimum: 0, maximum: 100 }, '0–100'),
      evidence: arrayOf(ScoreEvidenceSchema, { minItems: 1 }),
      evaluatorId: text('The evaluator who scored'),
      recordedAt: at('When it was recorded'),
    },
  },
  EvaluationPublished: {
    action: 'published',
    title: 'Evaluation published (评价结果发布)',
    summary: 'The city authority published the results: every organisation’s indicators, total, grade, flags and ranks, naming the scheme version and log position they were computed at.',
    payload: {
      schemeVersion: integer(1),
      position: matching('^[0-9]+$', 'The log position of the run'),
      results: arrayOf(OrganisationResultSchema, { description: 'By rank in the city, then organisation id' }),
      publishedAt: at('When it was published'),
    },
  },
  OrganisationCommended: {
    action: 'organisation-commended',
    title: 'Organisation commended (优秀通报表扬)',
    summary: 'The city authority commended an organisation graded 优秀 in the published results.',
    payload: { organisationId: organisationId(), note: text('表扬意见'), commendedAt: at('When it was commended') },
  },
  FlagActedOn: {
    action: 'flag-acted-on',
    title: 'Flag acted on (优胜劣汰)',
    summary: 'The hub acted on a flagged organisation: the ledger then writes the revocation proposal (a station) or the removal from the 库 (a provider) named here, with the evaluation’s figures as evidence.',
    payload: {
      organisationId: organisationId(),
      flags: arrayOf(oneOf(FLAGS), { minItems: 1, description: 'The flags acted on' }),
      action: oneOf(['REVOCATION_PROPOSED', 'REMOVED_FROM_POOL'] as const, 'What was written'),
      proposalId: recordId('REVOCATION_PROPOSED: the station’s proposal; REMOVED_FROM_POOL: the provider’s id'),
      opinion: optional(text('The hub’s opinion, carried into the proposal or the removal (absent on flags acted on before it was recorded here)')),
      actedAt: at('When it was written'),
    },
  },
});

export type EvaluationEvent = EventOf<typeof EVALUATION_EVENTS>;
export type EvaluationEvents = EventsByType<typeof EVALUATION_EVENTS>;
