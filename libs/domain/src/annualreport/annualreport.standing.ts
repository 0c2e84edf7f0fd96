import type { ReportSubjectKind } from './annualreport.terms';

/** How an organisation stands on a year's report: submitted by the deadline, after it, or not at all. */
export type ReportStanding = 'ON_TIME' | 'LATE' | 'MISSING';

/** What the standing reads of a report (a view or a folded record will do). */
export interface ReportOfYear {
  subject: { kind: ReportSubjectKind; id: string };
  onTime: boolean;
}

/**
 * Pure: the standing of `organisation` among the reports of one year — the "report on time" fact of
 * the yearly evaluation. A report counts as first submitted: returned and resubmitted, it keeps its
 * timeliness.
 */
export function reportStanding(reportsOfYear: readonly ReportOfYear[], organisation: { kind: ReportSubjectKind; id: string }): ReportStanding {
  const report = reportsOfYear.find((r) => r.subject.kind === organisation.kind && r.subject.id === organisation.id);
  if (report === undefined) return 'MISSING';
  return report.onTime ? 'ON_TIME' : 'LATE';
}
