import { anActor, GZ, TIANHE } from '../shared/testing';
import type { AcceptedReport, SubmitAnnualReport, SubmitCityReport } from './annualreport.commands';
import type { AnnualReportEvent } from './annualreport.events';
import type { ReportFigures } from './annualreport.terms';

/** A Tianhe station's 2026 report and Guangzhou's city report, as tests of every layer tell them. */
export const REPORT_ID = '4e5f6a7b-8c9d-4e0f-8a1b-2c3d4e5f6a7b';
export const CITY_REPORT_ID = '5f6a7b8c-9d0e-4f1a-9b2c-3d4e5f6a7b8c';
export const STATION_ID = '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8e';
export const STATION_ORG = '91440106MA5STA0017';

export const stationOperator = anActor('STATION_OPERATOR', TIANHE, 'station-op', STATION_ORG);
export const cityHub = anActor('HUB', GZ, 'gz-hub', 'gz-hub-org');
export const cityAuthority = anActor('CITY_AUTHORITY', GZ, 'gz-bureau');

export const figures: ReportFigures = {
  from: '2026-01-01',
  until: '2026-12-31',
  services: { activitiesHeld: 2, personsPresent: 8, deliveries: 1, activityVisits: 4, deliveryVisits: 1, enterpriseVisits: 5, distinctEnterprises: 3 },
  deliveries: {
    deliveries: 1,
    enterpriseVisits: 1,
    distinctEnterprises: 1,
    ratings: 1,
    averageRating: 4,
    poorRatings: 0,
    followUps: 0,
    followUpsClosedOnTime: 0,
    followUpOnTimeRate: null,
    returnVisits: 1,
    returnVisitRate: 1,
    freeDeliveries: 1,
    freeShare: 1,
  },
  demandsHandled: 2,
  themeMonths: { activitiesHeld: 1, months: [3] },
};

export const plan = { summary: '深化融资对接服务，扩大覆盖面', targets: [{ indicator: 'ACTIVITIES_HELD' as const, value: 12 }, { indicator: 'AVERAGE_RATING' as const, value: 4.5 }] };

export const submission: SubmitAnnualReport['data'] = {
  reportId: REPORT_ID,
  year: 2026,
  subject: { kind: 'STATION', id: STATION_ID, orgId: STATION_ORG, name: '天河区某中小企业服务站', regionCode: TIANHE },
  steward: { role: 'HUB', regionCode: GZ },
  summary: '全年举办活动2场，服务企业5家次',
  figures,
  plan,
  deadline: '2027-01-31',
  facts: { subjectMayReport: true },
};

const { facts: _, ...submittedData } = submission;
export const submitted: AnnualReportEvent = {
  type: 'AnnualReportSubmitted',
  data: { ...submittedData, submittedOn: '2027-01-20', onTime: true, submittedAt: '2027-01-20T02:00:00.000Z' },
};
export const returned: AnnualReportEvent = { type: 'AnnualReportReturned', data: { reportId: REPORT_ID, comments: '请补充差评跟进情况', returnedAt: '2027-01-22T02:00:00.000Z' } };
export const resubmitted: AnnualReportEvent = {
  type: 'AnnualReportResubmitted',
  data: { reportId: REPORT_ID, summary: '全年举办活动2场，服务企业5家次；差评已全部跟进', figures, plan, resubmittedOn: '2027-01-25', resubmittedAt: '2027-01-25T02:00:00.000Z' },
};
export const accepted: AnnualReportEvent = { type: 'AnnualReportAccepted', data: { reportId: REPORT_ID, opinion: '同意', acceptedAt: '2027-01-26T02:00:00.000Z' } };

export const acceptedReport: AcceptedReport = { reportId: REPORT_ID, subject: submission.subject, onTime: true, figures };

export const citySubmission: SubmitCityReport['data'] = {
  reportId: CITY_REPORT_ID,
  year: 2026,
  cityCode: GZ,
  hub: { orgId: 'gz-hub-org', name: '广州市中小企业服务总站' },
  steward: { role: 'CITY_AUTHORITY', regionCode: GZ },
  summary: '全市服务站年度工作总结',
  plan,
  accepted: [acceptedReport],
  outstanding: { notAccepted: 0, missing: 1 },
  deadline: '2027-02-28',
};
