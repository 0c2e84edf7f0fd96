import { StewardSchema } from '../delivery/delivery.terms';
import { arrayOf, at, bool, businessDate, cityCode, closed, integer, opinion, recordId, text } from '../shared/schema/builders';
import { recordEvents, type EventOf, type EventsByType } from '../shared/schema/event-spec';
import { CityTotalsSchema, ConsolidatedReportSchema, NextYearPlanSchema, OutstandingSchema, ReportFiguresSchema, ReportSubjectSchema } from './annualreport.terms';

const year = () => integer(2000, 2100, 'The year reported on');
const deadline = () => businessDate('The deadline in force (ANNUAL_REPORT_DEADLINE, or CITY_REPORT_DEADLINE for the city report, in the next year)');

/** 年度服务总结和计划 (服务公约 一.9, 二.5): each organisation's year and plan, and the city's consolidated report. */
export const ANNUAL_REPORT_EVENTS = recordEvents({ reportId: recordId('The report (one per organisation and year; one per city and year)') }, {
  AnnualReportSubmitted: {
    action: 'submitted',
    title: 'Annual report submitted (年度服务总结报送)',
    summary:
      'A station, a recognised centre or a provider in the 库 submitted its year: the narrative, the figures the ledger computed at submission, next year’s plan with targets, the deadline in force and whether it was met; status SUBMITTED.',
    payload: {
      year: year(),
      subject: ReportSubjectSchema,
      steward: StewardSchema,
      summary: text('年度工作总结'),
      figures: ReportFiguresSchema,
      plan: NextYearPlanSchema,
      deadline: deadline(),
      submittedOn: businessDate('The day in China it was submitted'),
      onTime: bool('submittedOn is on or before the deadline: what "reported on time" reads'),
      submittedAt: at('When it was submitted'),
    },
  },
  AnnualReportReturned: {
    action: 'returned',
    title: 'Annual report returned (退回修改)',
    summary: 'The steward returned the report with comments; status RETURNED. Whether it was on time stays as first submitted.',
    payload: { comments: text('退回意见'), returnedAt: at('When it was returned') },
  },
  AnnualReportResubmitted: {
    action: 'resubmitted',
    title: 'Annual report resubmitted (修改后重新报送)',
    summary: 'The organisation resubmitted the returned report: the narrative and plan as changed, the figures computed again; status SUBMITTED.',
    payload: {
      summary: text('年度工作总结'),
      figures: ReportFiguresSchema,
      plan: NextYearPlanSchema,
      resubmittedOn: businessDate('The day in China it was resubmitted'),
      resubmittedAt: at('When it was resubmitted'),
    },
  },
  AnnualReportAccepted: {
    action: 'accepted',
    title: 'Annual report accepted (审核通过)',
    summary: 'The steward accepted the report with an opinion; status ACCEPTED. The hub’s city report may now include it.',
    payload: { opinion: opinion(), acceptedAt: at('When it was accepted') },
  },
  CityReportSubmitted: {
    action: 'city-report-submitted',
    title: 'City report submitted (全市年度总结报送)',
    summary:
      'The city’s hub submitted the city-wide report to the city authority: its narrative and plan, the accepted reports it consolidates with their totals, and what it leaves out; status SUBMITTED.',
    payload: {
      year: year(),
      cityCode: cityCode(),
      hub: closed({ orgId: text('The hub’s organisation'), name: text('Its name') }, { description: '服务总站' }),
      steward: StewardSchema,
      summary: text('全市年度工作总结'),
      plan: NextYearPlanSchema,
      reports: arrayOf(ConsolidatedReportSchema, { minItems: 1, description: 'The accepted reports of the city and year' }),
      totals: CityTotalsSchema,
      outstanding: OutstandingSchema,
      deadline: deadline(),
      submittedOn: businessDate('The day in China it was submitted'),
      onTime: bool('submittedOn is on or before the deadline'),
      submittedAt: at('When it was submitted'),
    },
  },
  CityReportAcknowledged: {
    action: 'city-report-acknowledged',
    title: 'City report acknowledged (市主管部门签收)',
    summary: 'The city authority acknowledged the city-wide report with an opinion; status ACKNOWLEDGED.',
    payload: { opinion: opinion(), acknowledgedAt: at('When it was acknowledged') },
  },
});

export type AnnualReportEvent = EventOf<typeof ANNUAL_REPORT_EVENTS>;
export type AnnualReportEvents = EventsByType<typeof ANNUAL_REPORT_EVENTS>;
