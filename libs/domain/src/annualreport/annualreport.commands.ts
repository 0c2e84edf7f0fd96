import type { DomainCommand } from '../shared/decider';
import type { AnnualReportEvents } from './annualreport.events';
import type { ConsolidatedReport, ReportFigures } from './annualreport.terms';

type Data<T extends keyof AnnualReportEvents> = AnnualReportEvents[T]['data'];

/** What the ledger found in the subject's record when it submits. */
export interface ReportingFacts {
  /** An ACTIVE station, a RECOGNISED centre, a provider in the 库 on the day. */
  subjectMayReport: boolean;
}

/** By the organisation; the handler fills `subject`, `steward`, `figures`, `deadline` and `facts` from the records and settings. */
export type SubmitAnnualReport = DomainCommand<
  'SubmitAnnualReport',
  Pick<Data<'AnnualReportSubmitted'>, 'reportId' | 'year' | 'subject' | 'steward' | 'summary' | 'figures' | 'plan' | 'deadline'> & { facts: ReportingFacts }
>;
export type ReturnAnnualReport = DomainCommand<'ReturnAnnualReport', Omit<Data<'AnnualReportReturned'>, 'returnedAt'>>;
/** The handler computes the figures again. */
export type ResubmitAnnualReport = DomainCommand<'ResubmitAnnualReport', Pick<Data<'AnnualReportResubmitted'>, 'reportId' | 'summary' | 'figures' | 'plan'>>;
export type AcceptAnnualReport = DomainCommand<'AcceptAnnualReport', Omit<Data<'AnnualReportAccepted'>, 'acceptedAt'>>;

/** An accepted report with the figures it holds, as the handler read it. */
export type AcceptedReport = ConsolidatedReport & { figures: ReportFigures };

/** By the city's hub; the handler fills `hub`, `steward`, `accepted`, `outstanding` and `deadline`; the decider adds the totals. */
export type SubmitCityReport = DomainCommand<
  'SubmitCityReport',
  Pick<Data<'CityReportSubmitted'>, 'reportId' | 'year' | 'cityCode' | 'hub' | 'steward' | 'summary' | 'plan' | 'outstanding' | 'deadline'> & { accepted: AcceptedReport[] }
>;
export type AcknowledgeCityReport = DomainCommand<'AcknowledgeCityReport', Omit<Data<'CityReportAcknowledged'>, 'acknowledgedAt'>>;

export type AnnualReportCommand = SubmitAnnualReport | ReturnAnnualReport | ResubmitAnnualReport | AcceptAnnualReport | SubmitCityReport | AcknowledgeCityReport;
