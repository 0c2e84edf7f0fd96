import type { RecordLabel } from '../shared/record-kind';
import { grant, type AccessPolicy } from '../shared/access';
import { chinaDateOf } from '../shared/dates';
import { decideByType } from '../shared/decide-by-type';
import { assertNever, type Decider, type DomainCommand } from '../shared/decider';
import { conflict, invalid } from '../shared/domain-error';
import type { EvaluationSchemeEvent } from './evalscheme.events';
import { lastDayOf, type SchemeContent } from './evaluation.terms';
import { checkScheme, indicatorFormulas, type EvaluationScheme } from './scoring';

/** A first version or a change: the whole scheme each time. */
export type PublishEvaluationScheme = DomainCommand<'PublishEvaluationScheme', { schemeId: string; cityCode: string; year: number; scheme: SchemeContent }>;
export type EvaluationSchemeCommand = PublishEvaluationScheme;

export type SchemeVersion = { version: number; scheme: SchemeContent; publishedAt: string };
export type EvaluationSchemeState =
  | { status: 'NONE' }
  | { status: 'PUBLISHED'; schemeId: string; cityCode: string; year: number; subject: SchemeContent['subject']; versions: SchemeVersion[] };
export type ExistingScheme = Exclude<EvaluationSchemeState, { status: 'NONE' }>;

export function evolveEvaluationScheme(state: EvaluationSchemeState, event: EvaluationSchemeEvent): EvaluationSchemeState {
  if (event.type !== 'EvaluationSchemePublished') return assertNever(event.type);
  const { schemeId, cityCode, year, version, scheme, publishedAt } = event.data;
  const versions = state.status === 'NONE' ? [] : state.versions;
  return { status: 'PUBLISHED', schemeId, cityCode, year, subject: scheme.subject, versions: [...versions, { version, scheme, publishedAt }] };
}

/** The version in force: the last one, or the one asked for. */
export function schemeVersion(state: ExistingScheme, version?: number): SchemeVersion | undefined {
  return version === undefined ? state.versions[state.versions.length - 1] : state.versions.find((v) => v.version === version);
}

function publish(command: PublishEvaluationScheme, state: EvaluationSchemeState) {
  const { data, metadata } = command;
  if (!Number.isInteger(data.year)) throw invalid('FIELD_INVALID', '年度无效', 'The year is invalid', 'year');
  if (chinaDateOf(metadata.now) > lastDayOf(data.year)) {
    throw conflict('SCHEME_YEAR_ENDED', `${data.year}年度已结束，不能再发布或修改评价方案`, `The year ${data.year} has ended: its scheme can no longer be published or changed`);
  }
  const scheme = data.scheme as SchemeContent | undefined;
  if (scheme === undefined || !Array.isArray(scheme.indicators)) throw invalid('FIELD_INVALID', '须给出评价方案', 'The scheme is required', 'scheme');
  scheme.indicators.forEach((i, n) => {
    if (!indicatorFormulas.is(i.formula)) throw invalid('FORMULA_UNKNOWN', `未知的计算公式“${String(i.formula)}”`, `Unknown formula "${String(i.formula)}"`, `scheme.indicators.${n}.formula`);
  });
  checkScheme(scheme as EvaluationScheme);
  if (state.status !== 'NONE') {
    if (state.subject !== scheme.subject) throw conflict('SCHEME_SUBJECT_FIXED', '评价对象不能变更', 'A scheme’s subject cannot change');
    if (JSON.stringify(schemeVersion(state)!.scheme) === JSON.stringify(scheme)) throw conflict('SCHEME_UNCHANGED', '评价方案未变更', 'The scheme is unchanged');
  }
  const version = state.status === 'NONE' ? 1 : state.versions.length + 1;
  const cityCode = state.status === 'NONE' ? data.cityCode : state.cityCode;
  const year = state.status === 'NONE' ? data.year : state.year;
  return [{ type: 'EvaluationSchemePublished' as const, data: { schemeId: data.schemeId, cityCode, year, version, scheme, publishedAt: metadata.now.toISOString() } }];
}

/** How evaluation scheme records are named when one is missing. */
export const EVALUATION_SCHEME_RECORD: RecordLabel = { code: 'EVALUATION_SCHEME', zh: '评价方案', en: 'evaluation scheme' };

const decide = decideByType<EvaluationSchemeCommand, EvaluationSchemeState, EvaluationSchemeEvent, 'PublishEvaluationScheme'>({
  onNew: { PublishEvaluationScheme: publish },
  on: {},
  record: EVALUATION_SCHEME_RECORD,
});

export const evaluationSchemeDecider: Decider<EvaluationSchemeCommand, EvaluationSchemeState, EvaluationSchemeEvent> = {
  initialState: () => ({ status: 'NONE' }),
  evolve: evolveEvaluationScheme,
  decide,
};

/** The city authority of the scheme's city publishes it and each change. */
export const evaluationSchemeAccess: AccessPolicy<EvaluationSchemeCommand, EvaluationSchemeState> = {
  PublishEvaluationScheme: [
    grant<ExistingScheme, PublishEvaluationScheme['data']>({ roles: ['CITY_AUTHORITY'], region: { of: (scheme, data) => scheme?.cityCode ?? data.cityCode, match: 'same' } }),
  ],
};
