import { assertNever } from '../shared/decider';
import type { AnnualReportEvent, AnnualReportEvents } from './annualreport.events';
import type { NextYearPlan, ReportFigures } from './annualreport.terms';

type Data<T extends keyof AnnualReportEvents> = AnnualReportEvents[T]['data'];

/** One organisation's report: as first submitted, with each return and resubmission kept. */
export type OrganisationReport = Data<'AnnualReportSubmitted'> & {
  scope: 'ORGANISATION';
  /** The revision of the last event folded (the first is 0). */
  revision: number;
  returns: { comments: string; returnedAt: string }[];
  resubmissions: { summary: string; figures: ReportFigures; plan: NextYearPlan; resubmittedOn: string; resubmittedAt: string }[];
  acceptance?: { opinion: string; acceptedAt: string };
};

/** The city's consolidated report, from the hub to the city authority. */
export type CityReport = Data<'CityReportSubmitted'> & {
  scope: 'CITY';
  revision: number;
  acknowledgement?: { opinion: string; acknowledgedAt: string };
};

export type AnnualReportState =
  | { status: 'NONE' }
  | ({ status: 'SUBMITTED' | 'RETURNED' | 'ACCEPTED' } & OrganisationReport)
  | ({ status: 'SUBMITTED' | 'ACKNOWLEDGED' } & CityReport);
export type ExistingAnnualReport = Exclude<AnnualReportState, { status: 'NONE' }>;

export const initialAnnualReportState = (): AnnualReportState => ({ status: 'NONE' });

export function evolveAnnualReport(state: AnnualReportState, event: AnnualReportEvent): AnnualReportState {
  if (event.type === 'AnnualReportSubmitted') return { status: 'SUBMITTED', scope: 'ORGANISATION', ...event.data, revision: 0, returns: [], resubmissions: [] };
  if (event.type === 'CityReportSubmitted') return { status: 'SUBMITTED', scope: 'CITY', ...event.data, revision: 0 };
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'AnnualReportReturned':
      if (state.scope !== 'ORGANISATION') return state;
      return { ...state, status: 'RETURNED', revision: state.revision + 1, returns: [...state.returns, { comments: event.data.comments, returnedAt: event.data.returnedAt }] };
    case 'AnnualReportResubmitted': {
      if (state.scope !== 'ORGANISATION') return state;
      const { reportId: _, ...resubmission } = event.data;
      const { summary, figures, plan } = resubmission;
      return { ...state, status: 'SUBMITTED', revision: state.revision + 1, summary, figures, plan, resubmissions: [...state.resubmissions, resubmission] };
    }
    case 'AnnualReportAccepted':
      if (state.scope !== 'ORGANISATION') return state;
      return { ...state, status: 'ACCEPTED', revision: state.revision + 1, acceptance: { opinion: event.data.opinion, acceptedAt: event.data.acceptedAt } };
    case 'CityReportAcknowledged':
      if (state.scope !== 'CITY') return state;
      return { ...state, status: 'ACKNOWLEDGED', revision: state.revision + 1, acknowledgement: { opinion: event.data.opinion, acknowledgedAt: event.data.acknowledgedAt } };
    default:
      return assertNever(event);
  }
}
