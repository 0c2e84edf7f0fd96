import type { AnnualReportEvent, AnnualReportEvents } from '@sme/domain/annualreport/annualreport.events';
import type { AnnualReportStatus, CityTotals, ConsolidatedReport, NextYearPlan, OutstandingReports, ReportFigures, ReportSubject } from '@sme/domain/annualreport/annualreport.terms';
import type { Steward } from '@sme/domain/delivery/delivery.terms';
import { assertNever } from '@sme/domain/shared/decider';
import { cityCodeOf, isProvinceCode } from '@sme/domain/shared/region-code';
import { projectionStep } from './view-version';
import type { ViewVersion } from './views';

type Data<T extends keyof AnnualReportEvents> = AnnualReportEvents[T]['data'];

/** A year's report (年度服务总结): an organisation's, or the city's consolidated one (`subjectKind` CITY). Nulls where a field does not apply. */
export interface AnnualReportView extends ViewVersion {
  id: string;
  year: number;
  status: AnnualReportStatus;
  subjectKind: ReportSubject['kind'] | 'CITY';
  /** The organisation reporting; null for the city report. */
  subject: ReportSubject | null;
  /** Who reviews (or, for the city report, acknowledges) it. */
  steward: Steward;
  /** The subject's region (the city for the city report), and its city; null for the province centre. */
  regionCode: string;
  cityCode: string | null;
  summary: string;
  plan: NextYearPlan;
  /** The figures as last (re)submitted; null for the city report, which has totals. */
  figures: ReportFigures | null;
  deadline: string;
  submittedOn: string;
  onTime: boolean;
  late: boolean;
  submittedAt: string;
  returns: { comments: string; returnedAt: string }[];
  resubmissions: { resubmittedOn: string; resubmittedAt: string }[];
  acceptance: { opinion: string; acceptedAt: string } | null;
  /** The city report: the hub, the reports consolidated, their totals and what was left out. */
  hub: Data<'CityReportSubmitted'>['hub'] | null;
  reports: ConsolidatedReport[];
  totals: CityTotals | null;
  outstanding: OutstandingReports | null;
  acknowledgement: { opinion: string; acknowledgedAt: string } | null;
}

const cityOf = (regionCode: string) => (isProvinceCode(regionCode) ? null : cityCodeOf(regionCode));

/** What a submission sets, an organisation's or the city's: the report as submitted, nothing returned, accepted or acknowledged yet. */
function submitted(data: Data<'AnnualReportSubmitted' | 'CityReportSubmitted'>) {
  const { reportId, year, steward, summary, plan, deadline, submittedOn, onTime, submittedAt } = data;
  return {
    _id: reportId,
    id: reportId,
    year,
    status: 'SUBMITTED' as const,
    steward,
    summary,
    plan,
    deadline,
    submittedOn,
    onTime,
    late: !onTime,
    submittedAt,
    returns: [],
    resubmissions: [],
    acceptance: null,
    acknowledgement: null,
  };
}

/** Pure: the report's document after one more of its events. */
export const projectAnnualReport = projectionStep<AnnualReportView, AnnualReportEvent>((view, event, version) => {
  switch (event.type) {
    case 'AnnualReportSubmitted': {
      const { subject, figures } = event.data;
      const cityCode = cityOf(subject.regionCode);
      return { ...submitted(event.data), subjectKind: subject.kind, subject, regionCode: subject.regionCode, cityCode, figures, hub: null, reports: [], totals: null, outstanding: null, ...version };
    }
    case 'CityReportSubmitted': {
      const { cityCode, hub, reports, totals, outstanding } = event.data;
      return { ...submitted(event.data), subjectKind: 'CITY', subject: null, regionCode: cityCode, cityCode, figures: null, hub, reports, totals, outstanding, ...version };
    }
    case 'AnnualReportReturned':
      if (!view) return view;
      return { ...view, status: 'RETURNED', returns: [...view.returns, { comments: event.data.comments, returnedAt: event.data.returnedAt }], ...version };
    case 'AnnualReportResubmitted': {
      if (!view) return view;
      const { summary, figures, plan, resubmittedOn, resubmittedAt } = event.data;
      return { ...view, status: 'SUBMITTED', summary, figures, plan, resubmissions: [...view.resubmissions, { resubmittedOn, resubmittedAt }], ...version };
    }
    case 'AnnualReportAccepted':
      if (!view) return view;
      return { ...view, status: 'ACCEPTED', acceptance: { opinion: event.data.opinion, acceptedAt: event.data.acceptedAt }, ...version };
    case 'CityReportAcknowledged':
      if (!view) return view;
      return { ...view, status: 'ACKNOWLEDGED', acknowledgement: { opinion: event.data.opinion, acknowledgedAt: event.data.acknowledgedAt }, ...version };
    default:
      return assertNever(event);
  }
});
