import type { RecordLabel } from '../shared/record-kind';
import { decideByType, guardedBy } from '../shared/decide-by-type';
import type { Decider } from '../shared/decider';
import { conflict, invalid, notFound } from '../shared/domain-error';
import { checkEvidence } from '../shared/evidence';
import { requireText } from '../shared/validation';
import type { ActOnFlag, CommendOrganisation, EvaluationCommand, PublishEvaluation, RecordManualScore, RunEvaluation } from './evaluation.commands';
import type { EvaluationEvent } from './evaluation.events';
import type { OrganisationResult } from './evaluation.terms';
import { evolveEvaluation, initialEvaluationState, type EvaluationState, type ExistingEvaluation } from './evaluation.state';
import { resultsOf } from './results';
import { checkScheme, type EvaluationScheme } from './scoring';

const published = () => conflict('EVALUATION_PUBLISHED', '评价结果已发布，不能再变更', 'The results are published and can no longer change');

const whileRun = guardedBy((e: ExistingEvaluation) => {
  if (e.status === 'PUBLISHED') throw published();
});

/** How evaluation records are named when one is missing. */
export const EVALUATION_RECORD: RecordLabel = { code: 'EVALUATION', zh: '综合评价', en: 'evaluation' };

/**
 * What an evaluation's steps decide: a run under a published scheme version, manual scores with
 * evidence, publication once every manual indicator is scored, then 优秀 commended and flags acted on.
 * Who may take each step is evaluation.access.ts's.
 */
const decide = decideByType<EvaluationCommand, EvaluationState, EvaluationEvent, 'RunEvaluation'>({
  onNew: { RunEvaluation: run },
  on: {
    RecordManualScore: whileRun(score),
    PublishEvaluation: whileRun(publish),
    CommendOrganisation: whilePublished(commend),
    ActOnFlag: whilePublished(actOnFlag),
  },
  record: EVALUATION_RECORD,
});

function whilePublished<C>(step: (command: C, e: ExistingEvaluation & { published: NonNullable<ExistingEvaluation['published']> }) => EvaluationEvent[]) {
  return (command: C, e: ExistingEvaluation) => {
    if (e.published === undefined) throw conflict('EVALUATION_NOT_PUBLISHED', '评价结果尚未发布', 'The results are not published yet');
    return step(command, { ...e, published: e.published });
  };
}

function run(command: RunEvaluation, state: EvaluationState): EvaluationEvent[] {
  if (state.status === 'PUBLISHED') throw published();
  const { data, metadata } = command;
  if (state.status === 'RUN' && (state.cityCode !== data.cityCode || state.year !== data.year || state.subject !== data.subject)) {
    throw conflict('EVALUATION_SCOPE_FIXED', '综合评价的城市、年度和对象不能变更', 'An evaluation’s city, year and subject cannot change');
  }
  if (data.scheme.subject !== data.subject) throw conflict('SCHEME_SUBJECT_MISMATCH', '评价方案的对象与本次评价不符', 'The scheme evaluates another kind of organisation');
  checkScheme(data.scheme as EvaluationScheme);
  const ids = data.organisations.map((o) => o.organisationId);
  if (ids.some((id, i) => i > 0 && ids[i - 1] >= id)) throw invalid('ORGANISATIONS_UNSORTED', '被评价对象须按编号排序且不重复', 'The organisations must be sorted by id, each once', 'organisations');
  return [{ type: 'EvaluationRun', data: { ...data, runAt: metadata.now.toISOString() } }];
}

function score(command: RecordManualScore, e: ExistingEvaluation): EvaluationEvent[] {
  const { data, metadata } = command;
  if (!e.organisations.some((o) => o.organisationId === data.organisationId)) {
    throw notFound('ORGANISATION_NOT_EVALUATED', '该组织不在本次评价范围内', 'The organisation is not in this evaluation');
  }
  const indicator = e.scheme.indicators.find((i) => i.id === data.indicatorId);
  if (indicator?.formula !== 'MANUAL') throw invalid('INDICATOR_NOT_MANUAL', `“${data.indicatorId}”不是评价人员打分的指标`, `"${data.indicatorId}" is not a MANUAL indicator`, 'indicatorId');
  if (typeof data.score !== 'number' || !(data.score >= 0 && data.score <= 100)) throw invalid('SCORE_OUT_OF_RANGE', '分数须在0到100之间', 'A score is from 0 to 100', 'score');
  const evidence = checkEvidence(data.evidence, 'evidence', { code: 'SCORE_EVIDENCE_REQUIRED', zh: '打分须附证据', en: 'A manual score needs evidence' });
  return [
    {
      type: 'ManualScoresRecorded',
      data: { evaluationId: e.evaluationId, organisationId: data.organisationId, indicatorId: indicator.id, score: data.score, evidence, evaluatorId: metadata.actor.id, recordedAt: metadata.now.toISOString() },
    },
  ];
}

/** What the published results would be now: every MANUAL indicator of every organisation must be scored. */
export function currentResults(e: ExistingEvaluation): OrganisationResult[] {
  for (const o of e.organisations) {
    for (const i of e.scheme.indicators) {
      if (i.formula === 'MANUAL' && e.manualScores[o.organisationId]?.[i.id] === undefined) {
        throw conflict('MANUAL_SCORES_MISSING', `“${o.name}”的指标“${i.label}”尚未打分`, `"${o.name}" has no score for "${i.label}" yet`);
      }
    }
  }
  return resultsOf(e.scheme as EvaluationScheme, e.organisations, e.manualScores);
}

function publish(command: PublishEvaluation, e: ExistingEvaluation): EvaluationEvent[] {
  const results = currentResults(e);
  return [{ type: 'EvaluationPublished', data: { evaluationId: e.evaluationId, schemeVersion: e.schemeVersion, position: e.position, results, publishedAt: command.metadata.now.toISOString() } }];
}

const resultOf = (results: readonly OrganisationResult[], organisationId: string) => {
  const result = results.find((r) => r.organisationId === organisationId);
  if (result === undefined) throw notFound('ORGANISATION_NOT_EVALUATED', '该组织不在本次评价范围内', 'The organisation is not in this evaluation');
  return result;
};

function commend(command: CommendOrganisation, e: ExistingEvaluation & { published: { results: OrganisationResult[] } }): EvaluationEvent[] {
  const { data, metadata } = command;
  const result = resultOf(e.published.results, data.organisationId);
  if (result.grade !== 'EXCELLENT') throw conflict('NOT_EXCELLENT', '仅评为优秀的可予表扬', 'Only an organisation graded EXCELLENT can be commended');
  if (e.commended.includes(result.organisationId)) throw conflict('ALREADY_COMMENDED', '已予表扬', 'Already commended');
  const note = requireText(data.note, 'note', { zh: '表扬意见', en: 'Note' });
  return [{ type: 'OrganisationCommended', data: { evaluationId: e.evaluationId, organisationId: result.organisationId, note, commendedAt: metadata.now.toISOString() } }];
}

/** The published result of a flagged organisation not yet acted on: what the hub may turn into a proposal or removal. */
export function flaggedResult(e: ExistingEvaluation, organisationId: string): OrganisationResult {
  if (e.published === undefined) throw conflict('EVALUATION_NOT_PUBLISHED', '评价结果尚未发布', 'The results are not published yet');
  const result = resultOf(e.published.results, organisationId);
  if (result.flags.length === 0) throw conflict('NOT_FLAGGED', '该组织未被列为末位淘汰对象', 'The organisation is not flagged');
  if (e.actedOn.some((a) => a.organisationId === organisationId)) throw conflict('FLAG_ALREADY_ACTED_ON', '已处理该末位淘汰对象', 'The flag has already been acted on');
  if (e.subject === 'CENTRE') throw conflict('FLAG_ACTION_NOT_AVAILABLE', '服务中心由主管部门另行处理', 'A centre’s flag is for its authority to handle; the hub has no one-step action');
  return result;
}

function actOnFlag(command: ActOnFlag, e: ExistingEvaluation & { published: { results: OrganisationResult[] } }): EvaluationEvent[] {
  const { data, metadata } = command;
  const result = flaggedResult(e, data.organisationId);
  const expected = e.subject === 'STATION' ? 'REVOCATION_PROPOSED' : 'REMOVED_FROM_POOL';
  if (data.action !== expected) throw invalid('FLAG_ACTION_INVALID', `该对象的处理方式须为${expected}`, `The action for this organisation is ${expected}`, 'action');
  const proposalId = requireText(data.proposalId, 'proposalId', { zh: '处理记录编号', en: 'Proposal id' });
  const opinion = data.opinion === undefined ? {} : { opinion: requireText(data.opinion, 'opinion', { zh: '处理意见', en: 'Opinion' }) };
  return [{ type: 'FlagActedOn', data: { evaluationId: e.evaluationId, organisationId: result.organisationId, flags: result.flags, action: expected, proposalId, ...opinion, actedAt: metadata.now.toISOString() } }];
}

export const evaluationDecider: Decider<EvaluationCommand, EvaluationState, EvaluationEvent> = { initialState: initialEvaluationState, evolve: evolveEvaluation, decide };
