import { assertNever } from '../shared/decider';
import type { EvaluationEvent, EvaluationEvents } from './evaluation.events';
import type { OrganisationResult } from './evaluation.terms';
import type { ManualScores } from './results';

type Run = Omit<EvaluationEvents['EvaluationRun']['data'], 'runAt'> & { runAt: string };

export type EvaluationRecord = Run & {
  manualScores: ManualScores;
  published?: { results: OrganisationResult[]; publishedAt: string };
  commended: string[];
  actedOn: { organisationId: string; action: 'REVOCATION_PROPOSED' | 'REMOVED_FROM_POOL'; proposalId: string }[];
};

export type EvaluationState = { status: 'NONE' } | ({ status: 'RUN' | 'PUBLISHED' } & EvaluationRecord);
export type ExistingEvaluation = Exclude<EvaluationState, { status: 'NONE' }>;

export const initialEvaluationState = (): EvaluationState => ({ status: 'NONE' });

export function evolveEvaluation(state: EvaluationState, event: EvaluationEvent): EvaluationState {
  if (event.type === 'EvaluationRun') return { status: 'RUN', ...event.data, manualScores: {}, commended: [], actedOn: [] };
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'ManualScoresRecorded': {
      const { organisationId, indicatorId, score } = event.data;
      return { ...state, manualScores: { ...state.manualScores, [organisationId]: { ...state.manualScores[organisationId], [indicatorId]: score } } };
    }
    case 'EvaluationPublished':
      return { ...state, status: 'PUBLISHED', published: { results: event.data.results, publishedAt: event.data.publishedAt } };
    case 'OrganisationCommended':
      return { ...state, commended: [...state.commended, event.data.organisationId] };
    case 'FlagActedOn': {
      const { organisationId, action, proposalId } = event.data;
      return { ...state, actedOn: [...state.actedOn, { organisationId, action, proposalId }] };
    }
    default:
      return assertNever(event);
  }
}
