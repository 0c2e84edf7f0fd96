import { isBusinessDate } from '../shared/dates';
import { conflict, invalid } from '../shared/domain-error';
import { fieldInvalid, fieldRequired, L, requireInteger, requireOneOf, requireText } from '../shared/validation';
import type { AcceptedReport, SubmitAnnualReport } from './annualreport.commands';
import { targetIndicators, type CityTotals, type NextYearPlan, type ReportTarget, type TargetIndicator } from './annualreport.terms';

/** A month and day (`MM-DD`) that every year has: 02-29 is refused, so the deadline exists in each year. */
export function isMonthDay(value: unknown): value is string {
  return typeof value === 'string' && /^\d{2}-\d{2}$/.test(value) && value !== '02-29' && isBusinessDate(`2001-${value}`);
}

/** The deadline of a year's report: the month-day in force, in the next year (01-31 for 2026 → 2027-01-31). */
export function reportDeadline(year: number, monthDay: string): string {
  if (!isMonthDay(monthDay)) throw new RangeError(`Not a month-day MM-DD: ${monthDay}`);
  return `${year + 1}-${monthDay}`;
}

/** The first day a year's report may be submitted: 1 December of the year, when the year's work is all but done. */
export const firstDayToReport = (year: number): string => `${year}-12-01`;

/** The year is reported from its last month on. */
export function requireYearDue(year: unknown, today: string): number {
  const y = requireInteger(year, 'year', L('报告年度', 'Year'), 2000, 2100);
  if (today < firstDayToReport(y)) {
    throw conflict('REPORT_YEAR_NOT_DUE', `${y}年度总结自${firstDayToReport(y)}起方可报送`, `The ${y} report may be submitted from ${firstDayToReport(y)}`, 'year');
  }
  return y;
}

const TARGET_RANGES: Partial<Record<TargetIndicator, { max: number; whole: boolean }>> = {
  AVERAGE_RATING: { max: 5, whole: false },
  FREE_SHARE: { max: 1, whole: false },
  FOLLOW_UP_ON_TIME_RATE: { max: 1, whole: false },
};

function checkTarget(value: unknown, i: number): ReportTarget {
  const given = (value ?? {}) as { indicator?: unknown; value?: unknown };
  const indicator = requireOneOf(given.indicator, targetIndicators.codes, `plan.targets.${i}.indicator`, L('指标', 'Indicator'));
  const range = TARGET_RANGES[indicator] ?? { max: Number.MAX_SAFE_INTEGER, whole: true };
  const label = L(`${targetIndicators.labels[indicator].zh}目标`, `${targetIndicators.labels[indicator].en} target`);
  const v = given.value;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > range.max || (range.whole && !Number.isInteger(v))) {
    const rule = range.whole ? '须为非负整数' : `须在 0–${range.max} 之间`;
    throw fieldInvalid(`plan.targets.${i}.value`, label, rule, range.whole ? 'must be a whole number ≥ 0' : `must be between 0 and ${range.max}`);
  }
  return { indicator, value: v };
}

/** 下一年度计划: a narrative and at least one target, each indicator once, each within its range. */
export function checkPlan(value: unknown): NextYearPlan {
  const given = (value ?? {}) as { summary?: unknown; targets?: unknown };
  const summary = requireText(given.summary, 'plan.summary', L('计划要点', 'Plan summary'));
  if (!Array.isArray(given.targets) || given.targets.length === 0) throw fieldRequired('plan.targets', L('年度目标', 'Targets'));
  const targets = given.targets.map(checkTarget);
  targets.forEach((t, i) => {
    if (targets.findIndex((o) => o.indicator === t.indicator) !== i) {
      throw fieldInvalid(`plan.targets.${i}.indicator`, L('指标', 'Indicator'), `“${targetIndicators.labels[t.indicator].zh}”重复`, `${t.indicator} is listed twice`);
    }
  });
  return { summary, targets };
}

/** An ACTIVE station, a RECOGNISED centre, a provider in the 库: else the organisation has no year to report as such. */
export function requireReportingFacts(data: SubmitAnnualReport['data']): void {
  if (data.facts.subjectMayReport) return;
  switch (data.subject.kind) {
    case 'PROVIDER':
      throw conflict('PROVIDER_NOT_IN_POOL', '该服务机构不在优质服务机构库内，不报送年度总结', 'The provider is not in the quality pool; it has no annual report to submit');
    case 'CENTRE':
      throw conflict('CENTRE_NOT_RECOGNISED', '该服务中心未达标或已撤销，不报送年度总结', 'The centre is below its standard or closed; it has no annual report to submit');
    default:
      throw conflict('STATION_NOT_ACTIVE', '该服务站不在授牌有效期内（已撤销或退出），不报送年度总结', 'The station is not active (revoked or withdrawn); it has no annual report to submit');
  }
}

const round = (value: number, places: number) => Math.round((value + Number.EPSILON) * 10 ** places) / 10 ** places;

/**
 * Pure: the city's totals over its accepted reports. Counts add up; the mean rating is weighted by each
 * report's ratings; 户数 is left out, since one enterprise may be served by several organisations.
 */
export function consolidateReports(reports: readonly AcceptedReport[]): CityTotals {
  const sum = (of: (r: AcceptedReport) => number) => reports.reduce((total, r) => total + of(r), 0);
  const ratings = sum((r) => r.figures.deliveries.ratings);
  const ratingSum = sum((r) => (r.figures.deliveries.averageRating ?? 0) * r.figures.deliveries.ratings);
  const deliveries = sum((r) => r.figures.deliveries.deliveries);
  const freeDeliveries = sum((r) => r.figures.deliveries.freeDeliveries);
  return {
    reports: reports.length,
    stations: reports.filter((r) => r.subject.kind === 'STATION').length,
    centres: reports.filter((r) => r.subject.kind === 'CENTRE').length,
    providers: reports.filter((r) => r.subject.kind === 'PROVIDER').length,
    onTime: reports.filter((r) => r.onTime).length,
    activitiesHeld: sum((r) => r.figures.services.activitiesHeld),
    activityVisits: sum((r) => r.figures.services.activityVisits),
    deliveryVisits: sum((r) => r.figures.services.deliveryVisits),
    enterpriseVisits: sum((r) => r.figures.services.enterpriseVisits),
    deliveries,
    ratings,
    averageRating: ratings === 0 ? null : round(ratingSum / ratings, 2),
    poorRatings: sum((r) => r.figures.deliveries.poorRatings),
    freeDeliveries,
    freeShare: deliveries === 0 ? null : round(freeDeliveries / deliveries, 4),
    demandsHandled: sum((r) => r.figures.demandsHandled),
    themeMonthActivities: sum((r) => r.figures.themeMonths.activitiesHeld),
  };
}

/** The city report consolidates reports of its year, each once. */
export function requireConsolidable(year: number, reports: readonly (AcceptedReport & { year?: number })[]): void {
  if (reports.length === 0) throw conflict('NO_ACCEPTED_REPORTS', `${year}年度尚无已通过的年度总结可汇总`, `No accepted ${year} report to consolidate yet`);
  reports.forEach((r, i) => {
    if (reports.findIndex((o) => o.reportId === r.reportId) !== i) throw invalid('FIELD_INVALID', '汇总的报告重复', 'A report is consolidated twice', `accepted.${i}`);
  });
}
