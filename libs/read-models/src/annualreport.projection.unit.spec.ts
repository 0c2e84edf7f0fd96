import { annualReportKind } from '@sme/domain/annualreport/annualreport.kind';
import { acceptedReport, cityAuthority, cityHub, citySubmission, CITY_REPORT_ID, figures, plan, REPORT_ID, stationOperator, submission } from '@sme/domain/annualreport/annualreport.fixtures';
import { activityKind } from '@sme/domain/activity/activity.kind';
import type { AnnualReportView } from './annualreport.projection';
import { annualReportsProjection } from './projections';
import { describeDelivery, describeNoViewWithoutStart } from './testing/delivery-cases';
import { actOn, eventLog, givenEvents } from './testing/projection-gwt';

function aReport(reportId = REPORT_ID, log = eventLog()) {
  const act = actOn(log, annualReportKind, annualReportKind.streamId(reportId), { reportId });
  return {
    log,
    submit: (when = '2027-01-20T10:00:00+08:00') => act('SubmitAnnualReport', submission, stationOperator, when),
    return: () => act('ReturnAnnualReport', { comments: '请补充差评跟进情况' }, cityHub, '2027-01-22T10:00:00+08:00'),
    resubmit: () => act('ResubmitAnnualReport', { summary: '已补充', figures, plan }, stationOperator, '2027-01-25T10:00:00+08:00'),
    accept: () => act('AcceptAnnualReport', { opinion: '同意' }, cityHub, '2027-01-26T10:00:00+08:00'),
  };
}

function aCityReport(log = eventLog()) {
  const act = actOn(log, annualReportKind, annualReportKind.streamId(CITY_REPORT_ID), { reportId: CITY_REPORT_ID });
  return {
    log,
    submit: () => act('SubmitCityReport', citySubmission, cityHub, '2027-02-10T10:00:00+08:00'),
    acknowledge: () => act('AcknowledgeCityReport', { opinion: '已阅' }, cityAuthority, '2027-02-12T10:00:00+08:00'),
  };
}

const { facts: _, ...submitted } = submission;
const none = { returns: [], resubmissions: [], acceptance: null, hub: null, reports: [], totals: null, outstanding: null, acknowledgement: null };
const stationView: Omit<AnnualReportView, '_position' | 'revision' | 'updatedAt'> = {
  _id: REPORT_ID,
  id: REPORT_ID,
  year: 2026,
  status: 'SUBMITTED',
  subjectKind: 'STATION',
  subject: submitted.subject,
  steward: submitted.steward,
  regionCode: '440106',
  cityCode: '440100',
  summary: submitted.summary,
  plan,
  figures,
  deadline: '2027-01-31',
  submittedOn: '2027-01-20',
  onTime: true,
  late: false,
  submittedAt: '2027-01-20T02:00:00.000Z',
  ...none,
};

describe('annualreports projection', () => {
  it('AnnualReportSubmitted: the organisation’s year, its figures and plan, on time', () => {
    givenEvents(annualReportsProjection, []).when(aReport().submit()).then(stationView);
  });

  it('AnnualReportSubmitted after the deadline: late', () => {
    givenEvents(annualReportsProjection, [])
      .when(aReport().submit('2027-02-02T10:00:00+08:00'))
      .then({ ...stationView, submittedOn: '2027-02-02', submittedAt: '2027-02-02T02:00:00.000Z', onTime: false, late: true });
  });

  it('AnnualReportReturned: RETURNED, the comments kept', () => {
    const r = aReport();
    givenEvents(annualReportsProjection, [r.submit()])
      .when(r.return())
      .then((before) => ({ ...before, status: 'RETURNED', returns: [{ comments: '请补充差评跟进情况', returnedAt: '2027-01-22T02:00:00.000Z' }] }));
  });

  it('AnnualReportResubmitted: SUBMITTED again with the new narrative, timeliness unchanged', () => {
    const r = aReport();
    givenEvents(annualReportsProjection, [r.submit(), r.return()])
      .when(r.resubmit())
      .then((before) => ({ ...before, status: 'SUBMITTED', summary: '已补充', resubmissions: [{ resubmittedOn: '2027-01-25', resubmittedAt: '2027-01-25T02:00:00.000Z' }] }));
  });

  it('AnnualReportAccepted: ACCEPTED with the opinion', () => {
    const r = aReport();
    givenEvents(annualReportsProjection, [r.submit()])
      .when(r.accept())
      .then((before) => ({ ...before, status: 'ACCEPTED', acceptance: { opinion: '同意', acceptedAt: '2027-01-26T02:00:00.000Z' } }));
  });

  it('CityReportSubmitted: the city, the hub, the reports consolidated and their totals', () => {
    givenEvents(annualReportsProjection, [])
      .when(aCityReport().submit())
      .then({
        _id: CITY_REPORT_ID,
        id: CITY_REPORT_ID,
        year: 2026,
        status: 'SUBMITTED',
        subjectKind: 'CITY',
        subject: null,
        steward: { role: 'CITY_AUTHORITY', regionCode: '440100' },
        regionCode: '440100',
        cityCode: '440100',
        summary: citySubmission.summary,
        plan,
        figures: null,
        deadline: '2027-02-28',
        submittedOn: '2027-02-10',
        onTime: true,
        late: false,
        submittedAt: '2027-02-10T02:00:00.000Z',
        ...none,
        hub: citySubmission.hub,
        reports: [{ reportId: REPORT_ID, subject: acceptedReport.subject, onTime: true }],
        totals: expect.objectContaining({ reports: 1, stations: 1, enterpriseVisits: 5 }),
        outstanding: { notAccepted: 0, missing: 1 },
      } as never);
  });

  it('CityReportAcknowledged: ACKNOWLEDGED with the opinion', () => {
    const c = aCityReport();
    givenEvents(annualReportsProjection, [c.submit()])
      .when(c.acknowledge())
      .then((before) => ({ ...before, status: 'ACKNOWLEDGED', acknowledgement: { opinion: '已阅', acknowledgedAt: '2027-02-12T02:00:00.000Z' } }));
  });

  describeNoViewWithoutStart(annualReportsProjection, 'an event of a report the view never saw submitted makes no view', () => {
    const r = aReport();
    r.submit();
    const returned = r.return();
    const resubmitted = r.resubmit();
    const c = aCityReport();
    c.submit();
    return { AnnualReportReturned: returned, AnnualReportResubmitted: resubmitted, AnnualReportAccepted: r.accept(), CityReportAcknowledged: c.acknowledge() };
  });

  describeDelivery(annualReportsProjection, {
    of: aReport,
    firstTwo: (r) => [r.submit(), r.return()],
    olderBecause: 'a submission replayed does not undo the return',
    anotherKind: activityKind,
  });
});
