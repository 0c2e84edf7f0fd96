import {
  evaluationKind,
  evaluationSchemeKind,
  evolveEvaluation,
  evolveEvaluationScheme,
  initialEvaluationState,
  type EvaluationEvent,
  type EvaluationRecord,
  type EvaluationSchemeEvent,
  type SchemeVersion,
} from '@sme/domain';
import type { RecordedEvent } from '@sme/event-store';
import type { IndexSpec } from './document-store/document-store.port';
import { kindProjection } from './projector/projection';
import { versionOf } from './view-version';
import type { ViewVersion } from './views';

/** A city's scheme for a year and subject, with every version. */
export type EvaluationSchemeView = ViewVersion & {
  id: string;
  cityCode: string;
  year: number;
  subject: string;
  currentVersion: number;
  versions: SchemeVersion[];
};

/** Pure: the scheme's view after one more of its events, folded by the domain's own `evolve`. */
export function projectEvaluationScheme(view: EvaluationSchemeView | undefined, recorded: RecordedEvent): EvaluationSchemeView | undefined {
  const state = evolveEvaluationScheme(
    view ? { status: 'PUBLISHED', schemeId: view.id, cityCode: view.cityCode, year: view.year, subject: view.subject as never, versions: view.versions } : { status: 'NONE' },
    { type: recorded.type, data: recorded.data } as EvaluationSchemeEvent,
  );
  if (state.status === 'NONE') return view;
  const { schemeId, cityCode, year, subject, versions } = state;
  return { _id: schemeId, ...versionOf(recorded), id: schemeId, cityCode, year, subject, currentVersion: versions.length, versions };
}

/** A year's evaluation: the run, the manual scores, the published results and what followed. */
export type EvaluationView = ViewVersion & EvaluationRecord & { id: string; status: 'RUN' | 'PUBLISHED' };

export function projectEvaluation(view: EvaluationView | undefined, recorded: RecordedEvent): EvaluationView | undefined {
  const before = view ? (({ _id, id, revision, _position, updatedAt, ...record }) => record)(view) : initialEvaluationState();
  const state = evolveEvaluation(before, { type: recorded.type, data: recorded.data } as EvaluationEvent);
  if (state.status === 'NONE') return view;
  return { _id: state.evaluationId, ...state, ...versionOf(recorded), id: state.evaluationId };
}

/** Schemes and evaluations alike are looked up by city, year and subject. */
const BY_CITY_YEAR_SUBJECT: readonly IndexSpec[] = [{ keys: { cityCode: 1, year: 1, subject: 1 } }];

export const evaluationSchemesProjection = kindProjection<EvaluationSchemeView>({
  name: 'evalschemes',
  version: 1,
  kind: evaluationSchemeKind,
  project: projectEvaluationScheme,
  indexes: BY_CITY_YEAR_SUBJECT,
});

export const evaluationsProjection = kindProjection<EvaluationView>({
  name: 'evaluations',
  version: 1,
  kind: evaluationKind,
  project: projectEvaluation,
  indexes: BY_CITY_YEAR_SUBJECT,
});
