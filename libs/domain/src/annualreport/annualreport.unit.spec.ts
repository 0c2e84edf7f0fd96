import { anActor, commandsOn, commandWith, given, GZ, SZ, TIANHE } from '../shared/testing';
import type { AnnualReportCommand } from './annualreport.commands';
import {
  accepted,
  acceptedReport,
  cityAuthority,
  cityHub,
  citySubmission,
  CITY_REPORT_ID,
  figures,
  plan,
  REPORT_ID,
  resubmitted,
  returned,
  stationOperator,
  submission,
  submitted,
} from './annualreport.fixtures';
import { annualReportKind } from './annualreport.kind';
import { consolidateReports, isMonthDay, reportDeadline } from './annualreport.rules';
import { reportStanding } from './annualreport.standing';

const submit = commandWith('SubmitAnnualReport', submission, stationOperator, '2027-01-20T10:00:00+08:00');
const submitCity = commandWith('SubmitCityReport', citySubmission, cityHub, '2027-02-10T10:00:00+08:00');
const cmd = commandsOn<AnnualReportCommand>()({ reportId: REPORT_ID }, cityHub, '2027-01-22T10:00:00+08:00');
const onCity = commandsOn<AnnualReportCommand>()({ reportId: CITY_REPORT_ID }, cityAuthority, '2027-02-12T10:00:00+08:00');
const cityReported = { type: 'CityReportSubmitted' as const, data: { ...given(annualReportKind).when(submitCity()).thenEmits(['CityReportSubmitted']).state } };

describe('Annual report (年度服务总结)', () => {
  describe('SubmitAnnualReport', () => {
    it('records the year, the prefilled figures, the plan, the deadline in force and that it was met', () => {
      given(annualReportKind).when(submit()).then([submitted]);
    });

    it('marks a report after the deadline late, and refuses one before the year’s last month (409)', () => {
      const late = given(annualReportKind).when(submit({}, stationOperator, '2027-02-01T09:00:00+08:00')).thenEmits(['AnnualReportSubmitted']).state;
      expect(late).toMatchObject({ status: 'SUBMITTED', onTime: false, submittedOn: '2027-02-01', deadline: '2027-01-31' });
      const lastDay = given(annualReportKind).when(submit({}, stationOperator, '2027-01-31T23:59:00+08:00')).thenEmits(['AnnualReportSubmitted']).state;
      expect(lastDay).toMatchObject({ onTime: true });
      given(annualReportKind).when(submit({}, stationOperator, '2026-11-30T10:00:00+08:00')).thenThrows('REPORT_YEAR_NOT_DUE', { kind: 'CONFLICT', field: 'year' });
    });

    it('refuses a second report for the year (409)', () => {
      given(annualReportKind, [submitted]).when(submit()).thenThrows('ANNUAL_REPORT_ALREADY_SUBMITTED', { kind: 'CONFLICT' });
    });

    it('refuses a station not ACTIVE, a centre not recognised, a provider outside the 库 (409)', () => {
      given(annualReportKind).when(submit({ facts: { subjectMayReport: false } })).thenThrows('STATION_NOT_ACTIVE');
      const provider = anActor('PROVIDER', TIANHE, 'p', '91440101MA5CXXXX1K');
      const subject = { kind: 'PROVIDER', id: 'p-1', orgId: provider.orgId, name: '某机构', regionCode: TIANHE };
      given(annualReportKind).when(submit({ subject, steward: { role: 'CITY_AUTHORITY', regionCode: GZ }, facts: { subjectMayReport: false } }, provider)).thenThrows('PROVIDER_NOT_IN_POOL');
      const staff = anActor('CENTRE_OPERATOR', GZ, 'c', '12440100MB0000001X');
      const centre = { kind: 'CENTRE', id: 'c-1', orgId: staff.orgId, name: '广州市中小企业服务中心', regionCode: GZ };
      given(annualReportKind).when(submit({ subject: centre, steward: { role: 'CITY_AUTHORITY', regionCode: GZ }, facts: { subjectMayReport: false } }, staff)).thenThrows('CENTRE_NOT_RECOGNISED');
      given(annualReportKind).when(submit({ subject: centre, steward: { role: 'CITY_AUTHORITY', regionCode: GZ } }, staff)).thenEmits(['AnnualReportSubmitted']);
    });

    it('lets only the organisation submit its own, in the role it serves as (403)', () => {
      given(annualReportKind).when(submit({}, anActor('STATION_OPERATOR', TIANHE, 'other', '91440106MA5OTHER01'))).thenThrows('NOT_OWNER', { kind: 'FORBIDDEN' });
      given(annualReportKind).when(submit({}, anActor('PROVIDER', TIANHE, 'p', submission.subject.orgId))).thenThrows('ROLE_NOT_PERMITTED');
      given(annualReportKind).when(submit({}, { ...cityHub, orgId: submission.subject.orgId })).thenThrows('ROLE_NOT_PERMITTED');
    });

    it.each([
      [{ summary: ' ' }, 'summary', 'FIELD_REQUIRED'],
      [{ year: 1999 }, 'year', 'FIELD_INVALID'],
      [{ plan: { summary: '', targets: plan.targets } }, 'plan.summary', 'FIELD_REQUIRED'],
      [{ plan: { summary: '计划', targets: [] } }, 'plan.targets', 'FIELD_REQUIRED'],
      [{ plan: { summary: '计划', targets: [{ indicator: 'PARTIES', value: 1 }] } }, 'plan.targets.0.indicator', 'FIELD_INVALID'],
      [{ plan: { summary: '计划', targets: [{ indicator: 'AVERAGE_RATING', value: 6 }] } }, 'plan.targets.0.value', 'FIELD_INVALID'],
      [{ plan: { summary: '计划', targets: [{ indicator: 'FREE_SHARE', value: 1.5 }] } }, 'plan.targets.0.value', 'FIELD_INVALID'],
      [{ plan: { summary: '计划', targets: [{ indicator: 'ACTIVITIES_HELD', value: 2.5 }] } }, 'plan.targets.0.value', 'FIELD_INVALID'],
      [{ plan: { summary: '计划', targets: [{ indicator: 'DELIVERIES', value: 1 }, { indicator: 'DELIVERIES', value: 2 }] } }, 'plan.targets.1.indicator', 'FIELD_INVALID'],
    ])('refuses %j naming %s (400)', (changes, field, code) => {
      given(annualReportKind).when(submit(changes)).thenThrows(code, { kind: 'VALIDATION', field });
    });
  });

  describe('review: ReturnAnnualReport, ResubmitAnnualReport, AcceptAnnualReport', () => {
    it('the steward returns with comments; the organisation resubmits; the steward accepts', () => {
      given(annualReportKind, [submitted]).when(cmd('ReturnAnnualReport', { comments: '请补充差评跟进情况' })).then([returned]).andState((s) => expect(s).toMatchObject({ status: 'RETURNED', returns: [{ comments: '请补充差评跟进情况' }] }));
      const resubmit = cmd('ResubmitAnnualReport', { summary: '全年举办活动2场，服务企业5家次；差评已全部跟进', figures, plan }, stationOperator, '2027-01-25T10:00:00+08:00');
      given(annualReportKind, [submitted, returned]).when(resubmit).then([resubmitted]).andState((s) => expect(s).toMatchObject({ status: 'SUBMITTED', onTime: true, resubmissions: [{ resubmittedOn: '2027-01-25' }] }));
      given(annualReportKind, [submitted, returned, resubmitted]).when(cmd('AcceptAnnualReport', { opinion: '同意' }, cityHub, '2027-01-26T10:00:00+08:00')).then([accepted]);
    });

    it('refuses accepting a returned report, returning an accepted one, resubmitting one not returned (409)', () => {
      given(annualReportKind, [submitted, returned]).when(cmd('AcceptAnnualReport', { opinion: '同意' })).thenThrows('ANNUAL_REPORT_NOT_UNDER_REVIEW', { kind: 'CONFLICT' });
      given(annualReportKind, [submitted, accepted]).when(cmd('ReturnAnnualReport', { comments: '补充' })).thenThrows('ANNUAL_REPORT_NOT_UNDER_REVIEW');
      given(annualReportKind, [submitted]).when(cmd('ResubmitAnnualReport', { summary: '改', figures, plan }, stationOperator)).thenThrows('ANNUAL_REPORT_NOT_RETURNED');
      given(annualReportKind, [submitted]).when(cmd('ReturnAnnualReport', { comments: ' ' })).thenThrows('FIELD_REQUIRED', { field: 'comments' });
      given(annualReportKind).when(cmd('AcceptAnnualReport', { opinion: '同意' })).thenThrows('ANNUAL_REPORT_NOT_FOUND', { kind: 'NOT_FOUND' });
    });

    it('lets only the steward review and only the organisation resubmit (403)', () => {
      given(annualReportKind, [submitted]).when(cmd('AcceptAnnualReport', { opinion: '同意' }, anActor('HUB', SZ, 'sz-hub'))).thenThrows('REGION_NOT_PERMITTED', { kind: 'FORBIDDEN' });
      given(annualReportKind, [submitted]).when(cmd('AcceptAnnualReport', { opinion: '同意' }, cityAuthority)).thenThrows('ROLE_NOT_PERMITTED');
      given(annualReportKind, [submitted]).when(cmd('AcceptAnnualReport', { opinion: '同意' }, stationOperator)).thenThrows('ROLE_NOT_PERMITTED');
      given(annualReportKind, [submitted, returned]).when(cmd('ResubmitAnnualReport', { summary: '改', figures, plan }, anActor('STATION_OPERATOR', TIANHE, 'x', '91440106MA5OTHER01'))).thenThrows('NOT_OWNER');
    });
  });

  describe('the city report: SubmitCityReport, AcknowledgeCityReport', () => {
    it('the hub consolidates the accepted reports with their totals; the city authority acknowledges', () => {
      expect(cityReported.data).toMatchObject({ status: 'SUBMITTED', scope: 'CITY', onTime: true, reports: [{ reportId: REPORT_ID, onTime: true }], totals: { reports: 1, stations: 1, enterpriseVisits: 5, averageRating: 4 } });
      const { status: _s, scope: _c, revision: _r, ...data } = cityReported.data as Record<string, unknown>;
      given(annualReportKind, [{ type: 'CityReportSubmitted', data } as never])
        .when(onCity('AcknowledgeCityReport', { opinion: '已阅，同意' }))
        .then([{ type: 'CityReportAcknowledged', data: { reportId: CITY_REPORT_ID, opinion: '已阅，同意', acknowledgedAt: '2027-02-12T02:00:00.000Z' } }]);
    });

    it('refuses a city report with nothing accepted, a second one, and another city’s hub', () => {
      given(annualReportKind).when(submitCity({ accepted: [] })).thenThrows('NO_ACCEPTED_REPORTS', { kind: 'CONFLICT' });
      given(annualReportKind).when(submitCity({}, anActor('HUB', SZ, 'sz-hub'))).thenThrows('REGION_NOT_PERMITTED');
      given(annualReportKind).when(submitCity({}, cityAuthority)).thenThrows('ROLE_NOT_PERMITTED');
      given(annualReportKind, [submitted]).when(submitCity()).thenThrows('CITY_REPORT_ALREADY_SUBMITTED');
    });

    it('keeps the two kinds of report apart (409) and the city authority to its city (403)', () => {
      const { status: _s, scope: _c, revision: _r, ...data } = cityReported.data as Record<string, unknown>;
      const city = [{ type: 'CityReportSubmitted', data } as never];
      given(annualReportKind, city).when(onCity('AcceptAnnualReport', { opinion: '同意' })).thenThrows('NOT_AN_ORGANISATION_REPORT');
      given(annualReportKind, [submitted]).when(cmd('AcknowledgeCityReport', { opinion: '同意' }, cityAuthority)).thenThrows('NOT_A_CITY_REPORT');
      given(annualReportKind, city).when(onCity('AcknowledgeCityReport', { opinion: '同意' }, anActor('CITY_AUTHORITY', SZ, 'sz'))).thenThrows('REGION_NOT_PERMITTED');
    });
  });

  describe('pure rules', () => {
    it('the deadline is the month-day in the next year; 02-29 and non-days are refused', () => {
      expect(reportDeadline(2026, '01-31')).toBe('2027-01-31');
      expect(['01-31', '12-31', '02-28'].every(isMonthDay)).toBe(true);
      expect(['02-29', '13-01', '1-31', '04-31'].some(isMonthDay)).toBe(false);
    });

    it('totals add the counts and weight the mean rating by the ratings', () => {
      const other = { ...acceptedReport, reportId: 'r2', subject: { ...acceptedReport.subject, kind: 'PROVIDER' as const, id: 'p' }, onTime: false, figures: { ...figures, deliveries: { ...figures.deliveries, deliveries: 3, ratings: 3, averageRating: 2, freeDeliveries: 0 } } };
      expect(consolidateReports([acceptedReport, other])).toMatchObject({ reports: 2, stations: 1, providers: 1, onTime: 1, deliveries: 4, ratings: 4, averageRating: 2.5, freeShare: 0.25, demandsHandled: 4 });
    });

    it('reportStanding: on time, late or missing', () => {
      const reports = [{ subject: { kind: 'STATION' as const, id: 'a' }, onTime: true }, { subject: { kind: 'PROVIDER' as const, id: 'b' }, onTime: false }];
      expect(reportStanding(reports, { kind: 'STATION', id: 'a' })).toBe('ON_TIME');
      expect(reportStanding(reports, { kind: 'PROVIDER', id: 'b' })).toBe('LATE');
      expect(reportStanding(reports, { kind: 'STATION', id: 'b' })).toBe('MISSING');
    });
  });
});
