import { businessDate, closed, closedKeys, exactly, exactlyOneOf, integer, nullable, number, text, type Static } from '../shared/schema/builders';
import { codeLists, type CodeOf } from '../shared/code-lists';
import codes from './provider.codes.json';

export const { monitoringDimensions } = codeLists(codes);

/** 监测评价 dimensions of 工信部企业〔2023〕213号: 服务能力、服务管理、服务质量、服务满意度. */
export type MonitoringDimension = CodeOf<typeof monitoringDimensions>;

/** Each score 0–100. */
export const MonitoringScoresSchema = closedKeys(monitoringDimensions.codes, (d) => number({ minimum: 0, maximum: 100 }, `${monitoringDimensions.labels[d].zh}, 0–100`), {
  $id: 'MonitoringScores',
  description: '监测评价 scores (工信部企业〔2023〕213号), each 0–100',
});
export type MonitoringScores = Static<typeof MonitoringScoresSchema>;

/** Relative weights: non-negative, not all zero; the total divides by their sum, so 25/25/25/25 and 0.25×4 agree. */
export const MonitoringWeightsSchema = closedKeys(monitoringDimensions.codes, (d) => number({ minimum: 0 }, `Weight of ${monitoringDimensions.labels[d].zh}`), {
  $id: 'MonitoringWeights',
  description: 'Relative weights, ≥ 0 and not all zero; the total divides by their sum (default all 1)',
});
export type MonitoringWeights = Static<typeof MonitoringWeightsSchema>;

/** 监测评价 period: a year, a half-year or a quarter, e.g. '2024', '2024-H1', '2024-Q3'. */
export const EVALUATION_PERIOD_PATTERN = '^(19[0-9]{2}|20[0-9]{2}|2100)(-H[12]|-Q[1-4])?$';

/** The document fixes neither weights nor a pass mark; these defaults are settings the handler may override. */
export const MONITORING_DEFAULT_WEIGHTS: MonitoringWeights = { capability: 1, management: 1, quality: 1, satisfaction: 1 };
export const MONITORING_DEFAULT_PASS_MARK = 60;

/** Weighted mean of the scores, rounded half up to two decimals. */
export function weightedMonitoringTotal(scores: MonitoringScores, weights: MonitoringWeights = MONITORING_DEFAULT_WEIGHTS): number {
  const weightSum = monitoringDimensions.codes.reduce((sum, d) => sum + weights[d], 0);
  const weighted = monitoringDimensions.codes.reduce((sum, d) => sum + scores[d] * weights[d], 0) / weightSum;
  return Math.round((weighted + Number.EPSILON) * 100) / 100;
}

/**
 * Where an evaluation's 服务满意度 comes from: the period's feedback on the provider's deliveries
 * (five levels scored 20–100: 非常满意 100, 满意 80, 一般 60, 不满意 40, 非常不满意 20, averaged), or a
 * figure typed in by the evaluator, which overrides it and must say why.
 */
export const SatisfactionBasisSchema = exactlyOneOf(
  [
    closed({
      source: exactly('FEEDBACK'),
      ratings: integer(1, undefined, 'The ratings of the period’s deliveries (the current one of each)'),
      averageRating: number({ minimum: 1, maximum: 5 }, 'Their mean, two decimals'),
      from: businessDate('The period’s first day'),
      until: businessDate('The period’s last day'),
    }),
    closed({
      source: exactly('OVERRIDE'),
      reason: text('Why the figure was typed in instead'),
      ratings: integer(0, undefined, 'The ratings the period had'),
      computed: nullable(number({ minimum: 0, maximum: 100 }, 'What the feedback gave, when it gave anything')),
    }),
  ],
  { $id: 'SatisfactionBasis', description: '服务满意度: computed from feedback, or typed in with a reason' },
);
export type SatisfactionBasis = Static<typeof SatisfactionBasisSchema>;

/** The satisfaction score (0–100) of a mean rating on the five-level scale. */
export const satisfactionScoreOf = (averageRating: number): number => Math.round((averageRating * 20 + Number.EPSILON) * 100) / 100;

/** The first and last day of an evaluation period ('2026', '2026-H1', '2026-Q3'). */
export function evaluationPeriodDates(period: string): { from: string; until: string } {
  const [year, part] = period.split('-');
  const months: Record<string, [string, string]> = {
    H1: ['01-01', '06-30'],
    H2: ['07-01', '12-31'],
    Q1: ['01-01', '03-31'],
    Q2: ['04-01', '06-30'],
    Q3: ['07-01', '09-30'],
    Q4: ['10-01', '12-31'],
  };
  const [from, until] = part === undefined ? ['01-01', '12-31'] : months[part];
  return { from: `${year}-${from}`, until: `${year}-${until}` };
}
