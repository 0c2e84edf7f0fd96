import type { RecordLabel } from '../shared/record-kind';
import { chinaDateOf } from '../shared/dates';
import { decideByType } from '../shared/decide-by-type';
import type { Decider } from '../shared/decider';
import { conflict } from '../shared/domain-error';
import { L, requireOpinion, requireText, type Label } from '../shared/validation';
import type {
  AcceptAnnualReport,
  AcknowledgeCityReport,
  AnnualReportCommand,
  ResubmitAnnualReport,
  ReturnAnnualReport,
  SubmitAnnualReport,
  SubmitCityReport,
} from './annualreport.commands';
import type { AnnualReportEvent } from './annualreport.events';
import { checkPlan, consolidateReports, requireConsolidable, requireReportingFacts, requireYearDue } from './annualreport.rules';
import { evolveAnnualReport, initialAnnualReportState, type AnnualReportState, type CityReport, type ExistingAnnualReport, type OrganisationReport } from './annualreport.state';
import { annualReportStatuses, type AnnualReportStatus } from './annualreport.terms';

const today = (now: Date) => chinaDateOf(now);
const summaryOf = (value: unknown) => requireText(value, 'summary', L('年度工作总结', 'Summary'));

/** How annual report records are named when one is missing. */
export const ANNUAL_REPORT_RECORD: RecordLabel = { code: 'ANNUAL_REPORT', zh: '年度总结', en: 'annual report' };

/**
 * What a year's report decides: one per organisation and year, submitted from the year's last month and
 * marked on time against the deadline in force; returned with comments and resubmitted; accepted; the
 * city's hub consolidates the accepted ones for the city authority. Who may take each step is
 * annualreport.access.ts's, checked before.
 */
const decide = decideByType<AnnualReportCommand, AnnualReportState, AnnualReportEvent, 'SubmitAnnualReport' | 'SubmitCityReport'>({
  onNew: { SubmitAnnualReport: submit, SubmitCityReport: submitCity },
  on: { ReturnAnnualReport: returnReport, ResubmitAnnualReport: resubmit, AcceptAnnualReport: accept, AcknowledgeCityReport: acknowledge },
  record: ANNUAL_REPORT_RECORD,
});

function requireStatus(r: { status: AnnualReportStatus }, allowed: AnnualReportStatus, code: string, doing: Label): void {
  if (r.status === allowed) return;
  const now = annualReportStatuses.labels[r.status];
  throw conflict(code, `年度总结${now.zh}，不能${doing.zh}`, `The report is ${now.en}; it cannot ${doing.en}`);
}

function organisationReport(r: ExistingAnnualReport): OrganisationReport & { status: AnnualReportStatus } {
  if (r.scope !== 'ORGANISATION') throw conflict('NOT_AN_ORGANISATION_REPORT', '全市汇总报告由市主管部门签收，不经审核', 'The city report is acknowledged by the city authority, not reviewed');
  return r;
}

function cityReport(r: ExistingAnnualReport): CityReport & { status: AnnualReportStatus } {
  if (r.scope !== 'CITY') throw conflict('NOT_A_CITY_REPORT', '只有全市汇总报告由市主管部门签收', 'Only the city report is acknowledged by the city authority');
  return r;
}

/** What both submissions check and record: a year that is due, its summary and next year's plan, on time or not. */
function submission(command: SubmitAnnualReport | SubmitCityReport) {
  const { data, metadata } = command;
  const submittedOn = today(metadata.now);
  return {
    year: requireYearDue(data.year, submittedOn),
    summary: summaryOf(data.summary),
    plan: checkPlan(data.plan),
    submittedOn,
    onTime: submittedOn <= data.deadline,
    submittedAt: metadata.now.toISOString(),
  };
}

function submit(command: SubmitAnnualReport, state: AnnualReportState): AnnualReportEvent[] {
  if (state.status !== 'NONE') throw conflict('ANNUAL_REPORT_ALREADY_SUBMITTED', '该组织本年度的年度总结已报送', 'This organisation has already submitted its report for the year');
  const submitted = submission(command);
  requireReportingFacts(command.data);
  const { facts: _, ...given } = command.data;
  return [{ type: 'AnnualReportSubmitted', data: { ...given, ...submitted } }];
}

function returnReport(command: ReturnAnnualReport, state: ExistingAnnualReport): AnnualReportEvent[] {
  const r = organisationReport(state);
  requireStatus(r, 'SUBMITTED', 'ANNUAL_REPORT_NOT_UNDER_REVIEW', L('退回', 'be returned'));
  const comments = requireText(command.data.comments, 'comments', L('退回意见', 'Comments'));
  return [{ type: 'AnnualReportReturned', data: { reportId: r.reportId, comments, returnedAt: command.metadata.now.toISOString() } }];
}

function resubmit(command: ResubmitAnnualReport, state: ExistingAnnualReport): AnnualReportEvent[] {
  const r = organisationReport(state);
  requireStatus(r, 'RETURNED', 'ANNUAL_REPORT_NOT_RETURNED', L('重新报送（仅退回后可重新报送）', 'be resubmitted (only once returned)'));
  const { data, metadata } = command;
  const summary = summaryOf(data.summary);
  const plan = checkPlan(data.plan);
  return [
    {
      type: 'AnnualReportResubmitted',
      data: { reportId: r.reportId, summary, figures: data.figures, plan, resubmittedOn: today(metadata.now), resubmittedAt: metadata.now.toISOString() },
    },
  ];
}

function accept(command: AcceptAnnualReport, state: ExistingAnnualReport): AnnualReportEvent[] {
  const r = organisationReport(state);
  requireStatus(r, 'SUBMITTED', 'ANNUAL_REPORT_NOT_UNDER_REVIEW', L('审核通过', 'be accepted'));
  const opinion = requireOpinion(command.data.opinion);
  return [{ type: 'AnnualReportAccepted', data: { reportId: r.reportId, opinion, acceptedAt: command.metadata.now.toISOString() } }];
}

function submitCity(command: SubmitCityReport, state: AnnualReportState): AnnualReportEvent[] {
  if (state.status !== 'NONE') throw conflict('CITY_REPORT_ALREADY_SUBMITTED', '本市该年度的汇总报告已报送', 'The city report for the year has already been submitted');
  const submitted = submission(command);
  requireConsolidable(submitted.year, command.data.accepted);
  const { accepted, ...given } = command.data;
  const reports = accepted.map(({ reportId, subject, onTime }) => ({ reportId, subject, onTime }));
  return [{ type: 'CityReportSubmitted', data: { ...given, ...submitted, reports, totals: consolidateReports(accepted) } }];
}

function acknowledge(command: AcknowledgeCityReport, state: ExistingAnnualReport): AnnualReportEvent[] {
  const r = cityReport(state);
  requireStatus(r, 'SUBMITTED', 'CITY_REPORT_ALREADY_ACKNOWLEDGED', L('再次签收', 'be acknowledged again'));
  const opinion = requireOpinion(command.data.opinion);
  return [{ type: 'CityReportAcknowledged', data: { reportId: r.reportId, opinion, acknowledgedAt: command.metadata.now.toISOString() } }];
}

export const annualReportDecider: Decider<AnnualReportCommand, AnnualReportState, AnnualReportEvent> = {
  initialState: initialAnnualReportState,
  evolve: evolveAnnualReport,
  decide,
};
