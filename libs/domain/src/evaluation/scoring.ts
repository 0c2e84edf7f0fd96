import { codeLists, type CodeOf } from '../shared/code-lists';
import { invalid } from '../shared/domain-error';
import codes from './evaluation.codes.json';

/**
 * 综合评价考核 (2016 Guangdong guidance 五(四); scheme modelled on 工信厅企业〔2017〕103号): a scheme of
 * weighted indicators, each computed from the ledger's figures by a named formula and normalised to
 * 0–100, or scored by the evaluators with evidence; the weighted total gives the grade. Pure: the same
 * scheme and figures give the same scores, to the last decimal.
 */
export const { evaluationSubjects, indicatorFormulas, evaluationGrades } = codeLists(codes);

export type EvaluationSubject = CodeOf<typeof evaluationSubjects>;

export type IndicatorFormula = CodeOf<typeof indicatorFormulas>;

export type Grade = CodeOf<typeof evaluationGrades>;

/** What the ledger holds of one organisation's year, as the formulas read it (rates are 0–1; null when nothing to divide). */
export interface OrganisationFigures {
  activitiesHeld: number;
  serviceVisits: number;
  enterprisesServed: number;
  deliveriesArchived: number;
  averageRating: number | null;
  /** Ratings of 4 or 5 over all ratings. */
  satisfiedShare: number | null;
  followUpsOnTimeRate: number | null;
  returnVisitRate: number | null;
  demandsAcceptedInTimeRate: number | null;
  freeServiceShare: number | null;
  reportOnTime: boolean;
  covenantSigned: boolean;
}

/**
 * How a raw value becomes 0–100: TARGET — the share of a target reached (capped at 100); RANGE — linear
 * from `min` (0) to `max` (100); BOOLEAN — 100 or 0.
 */
export type Normalisation = { kind: 'TARGET'; target: number } | { kind: 'RANGE'; min: number; max: number } | { kind: 'BOOLEAN' };

export interface Indicator {
  id: string;
  label: string;
  /** Share of the total, 0–1; a scheme's weights sum to 1. */
  weight: number;
  formula: IndicatorFormula;
  /** Not for MANUAL indicators, which the evaluators score 0–100. */
  normalisation?: Normalisation;
}

export interface EvaluationScheme {
  subject: EvaluationSubject;
  indicators: readonly Indicator[];
  /** The lowest total of each grade but FAIL, descending: e.g. { EXCELLENT: 90, GOOD: 75, PASS: 60 }. */
  gradeFloors: { EXCELLENT: number; GOOD: number; PASS: number };
  /** 优胜劣汰: a mean rating under it flags the organisation whatever its total. */
  satisfactionFloor?: number;
}

const round2 = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100;

/** The raw value of a formula for an organisation; null when the ledger has nothing to compute it from. */
export function rawValue(formula: Exclude<IndicatorFormula, 'MANUAL'>, f: OrganisationFigures): number | boolean | null {
  switch (formula) {
    case 'ACTIVITIES_HELD':
      return f.activitiesHeld;
    case 'SERVICE_VISITS':
      return f.serviceVisits;
    case 'ENTERPRISES_SERVED':
      return f.enterprisesServed;
    case 'DELIVERIES_ARCHIVED':
      return f.deliveriesArchived;
    case 'AVERAGE_RATING':
      return f.averageRating;
    case 'SATISFIED_SHARE':
      return f.satisfiedShare;
    case 'FOLLOW_UPS_ON_TIME':
      return f.followUpsOnTimeRate;
    case 'RETURN_VISIT_RATE':
      return f.returnVisitRate;
    case 'DEMANDS_ACCEPTED_IN_TIME':
      return f.demandsAcceptedInTimeRate;
    case 'FREE_SERVICE_SHARE':
      return f.freeServiceShare;
    case 'REPORT_ON_TIME':
      return f.reportOnTime;
    case 'COVENANT_SIGNED':
      return f.covenantSigned;
  }
}

/** A raw value on 0–100. Nothing to compute from scores 0: an organisation earns a score by its records. */
export function normalise(raw: number | boolean | null, n: Normalisation): number {
  if (raw === null) return 0;
  if (n.kind === 'BOOLEAN') return raw === true ? 100 : 0;
  const value = typeof raw === 'boolean' ? (raw ? 1 : 0) : raw;
  const score = n.kind === 'TARGET' ? (value / n.target) * 100 : ((value - n.min) / (n.max - n.min)) * 100;
  return round2(Math.min(100, Math.max(0, score)));
}

export interface IndicatorScore {
  id: string;
  formula: IndicatorFormula;
  raw: number | boolean | null;
  score: number;
  weighted: number;
}

export interface EvaluationResult {
  indicators: IndicatorScore[];
  total: number;
  grade: Grade;
  /** 优胜劣汰: why the organisation is under the bar (FAIL, satisfaction under the floor, no report on time); empty when it is not. */
  flags: ('FAIL' | 'LOW_SATISFACTION' | 'NO_REPORT')[];
}

/** The grade of a total under the scheme's floors. */
export function gradeOf(total: number, floors: EvaluationScheme['gradeFloors']): Grade {
  if (total >= floors.EXCELLENT) return 'EXCELLENT';
  if (total >= floors.GOOD) return 'GOOD';
  if (total >= floors.PASS) return 'PASS';
  return 'FAIL';
}

/** Scores one organisation: each indicator on 0–100 (manual ones as the evaluators gave them), weighted, summed, graded, flagged. */
export function scoreOrganisation(scheme: EvaluationScheme, figures: OrganisationFigures, manual: Readonly<Record<string, number>> = {}): EvaluationResult {
  const indicators = scheme.indicators.map((indicator): IndicatorScore => {
    if (indicator.formula === 'MANUAL') {
      const score = manual[indicator.id];
      if (score === undefined) {
        throw invalid('MANUAL_SCORE_MISSING', `指标“${indicator.label}”尚未打分`, `Indicator "${indicator.label}" has not been scored`, `manualScores.${indicator.id}`);
      }
      return { id: indicator.id, formula: 'MANUAL', raw: score, score, weighted: round2(score * indicator.weight) };
    }
    const raw = rawValue(indicator.formula, figures);
    const score = normalise(raw, indicator.normalisation!);
    return { id: indicator.id, formula: indicator.formula, raw, score, weighted: round2(score * indicator.weight) };
  });
  const total = round2(indicators.reduce((sum, i) => sum + i.weighted, 0));
  const grade = gradeOf(total, scheme.gradeFloors);
  const flags: EvaluationResult['flags'] = [];
  if (grade === 'FAIL') flags.push('FAIL');
  if (scheme.satisfactionFloor !== undefined && figures.averageRating !== null && figures.averageRating < scheme.satisfactionFloor) flags.push('LOW_SATISFACTION');
  if (!figures.reportOnTime) flags.push('NO_REPORT');
  return { indicators, total, grade, flags };
}

/** A scheme that can be published: distinct ids, known formulas, weights summing to 1, a normalisation where computed, floors descending. */
export function checkScheme(scheme: EvaluationScheme): EvaluationScheme {
  const ids = new Set<string>();
  scheme.indicators.forEach((indicator, i) => {
    const at = `indicators.${i}`;
    if (ids.has(indicator.id)) throw invalid('INDICATOR_ID_REPEATED', `指标编号“${indicator.id}”重复`, `Indicator id "${indicator.id}" is repeated`, `${at}.id`);
    ids.add(indicator.id);
    if (!indicatorFormulas.is(indicator.formula)) throw invalid('FORMULA_UNKNOWN', `未知的计算公式“${String(indicator.formula)}”`, `Unknown formula "${String(indicator.formula)}"`, `${at}.formula`);
    if (!(indicator.weight > 0 && indicator.weight <= 1)) throw invalid('WEIGHT_INVALID', '权重须大于0且不大于1', 'A weight is more than 0 and at most 1', `${at}.weight`);
    if (indicator.formula !== 'MANUAL' && indicator.normalisation === undefined) {
      throw invalid('NORMALISATION_REQUIRED', '计算指标须给出归一化方法', 'A computed indicator needs a normalisation', `${at}.normalisation`);
    }
    const n = indicator.normalisation;
    if (n?.kind === 'TARGET' && !(n.target > 0)) throw invalid('NORMALISATION_INVALID', '目标值须大于0', 'The target must be more than 0', `${at}.normalisation.target`);
    if (n?.kind === 'RANGE' && !(n.max > n.min)) throw invalid('NORMALISATION_INVALID', '区间上限须大于下限', 'The range’s max must exceed its min', `${at}.normalisation`);
  });
  const sum = scheme.indicators.reduce((s, i) => s + i.weight, 0);
  if (Math.abs(sum - 1) > 1e-9) throw invalid('WEIGHTS_NOT_ONE', `权重之和须为1（现为${round2(sum)}）`, `The weights must sum to 1 (they sum to ${round2(sum)})`, 'indicators');
  const { EXCELLENT, GOOD, PASS } = scheme.gradeFloors;
  if (!(EXCELLENT > GOOD && GOOD > PASS && PASS > 0 && EXCELLENT <= 100)) {
    throw invalid('GRADE_FLOORS_INVALID', '等级分数线须为 100 ≥ 优秀 > 良好 > 合格 > 0', 'Grade floors must satisfy 100 ≥ EXCELLENT > GOOD > PASS > 0', 'gradeFloors');
  }
  return scheme;
}
