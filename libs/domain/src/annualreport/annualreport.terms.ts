import { codeLists, type CodeOf } from '../shared/code-lists';
import { actingOrganisation, arrayOf, bool, businessDate, closed, integer, nullable, number, recordId, text, type Static } from '../shared/schema/builders';
import codes from './annualreport.codes.json';

export const { reportSubjectKinds, annualReportStatuses, targetIndicators } = codeLists(codes);

/** Who reports its year (服务公约 一.9): an ACTIVE station, a recognised centre, a provider in the 库. */
export type ReportSubjectKind = CodeOf<typeof reportSubjectKinds>;

export type AnnualReportStatus = CodeOf<typeof annualReportStatuses>;

/** What next year's plan sets a target on: the figures the ledger prefills. */
export type TargetIndicator = CodeOf<typeof targetIndicators>;

/** The organisation reporting, as its record stood when it submitted. */
export const ReportSubjectSchema = actingOrganisation(
  reportSubjectKinds.schema('报送主体类型'),
  {
    id: 'The station’s, centre’s or provider’s record id',
    orgId: 'Its organisation (the station operator’s, the centre’s or the provider’s USCC)',
    regionCode: 'GB/T 2260: a district or city; the province for the province centre',
  },
  { $id: 'ReportSubject', description: 'The organisation whose year the report tells' },
);
export type ReportSubject = Static<typeof ReportSubjectSchema>;

const count = (description: string) => integer(0, undefined, description);
const share = (description: string) => nullable(number({ minimum: 0, maximum: 1 }, `${description}; null when there is nothing to divide by`));

/** 家次 and 户数 of the year, as GET /activities/figures gives them for the organisation (docs/counting.md). */
export const ReportServiceFiguresSchema = closed(
  {
    activitiesHeld: count('Activities held in the year'),
    personsPresent: count('Persons present at them'),
    deliveries: count('Deliveries delivered in the year, not cancelled'),
    activityVisits: count('家次 at activities'),
    deliveryVisits: count('家次 from deliveries'),
    enterpriseVisits: count('家次 in all'),
    distinctEnterprises: count('户数: distinct enterprises served'),
  },
  { $id: 'ReportServiceFigures', description: '服务家次和户数' },
);
export type ReportServiceFigures = Static<typeof ReportServiceFiguresSchema>;

/** Deliveries, satisfaction, follow-ups, 回访 and free share of the year, as GET /deliveries/figures gives them. */
export const ReportDeliveryFiguresSchema = closed(
  {
    deliveries: count('Delivered in the year, not cancelled'),
    enterpriseVisits: count('家次 from deliveries'),
    distinctEnterprises: count('户数 among them'),
    ratings: count('Deliveries rated'),
    averageRating: nullable(number({ minimum: 1, maximum: 5 }, 'Mean of the current ratings, 2 decimals; null when none')),
    poorRatings: count('差评 (1–2), first or amended'),
    followUps: count('Follow-ups opened for them'),
    followUpsClosedOnTime: count('Of those, closed on time'),
    followUpOnTimeRate: share('followUpsClosedOnTime / followUps'),
    returnVisits: count('Deliveries with a 回访'),
    returnVisitRate: share('回访率: returnVisits / deliveries'),
    freeDeliveries: count('公益 (FREE) deliveries'),
    freeShare: share('freeDeliveries / deliveries'),
  },
  { $id: 'ReportDeliveryFigures', description: '服务项目、满意度、差评跟进、回访和公益服务占比' },
);
export type ReportDeliveryFigures = Static<typeof ReportDeliveryFiguresSchema>;

/** Everything the ledger already holds about the organisation's year, computed when the report was (re)submitted. */
export const ReportFiguresSchema = closed(
  {
    from: businessDate('First day counted (1 January of the year)'),
    until: businessDate('Last day counted (31 December of the year)'),
    services: ReportServiceFiguresSchema,
    deliveries: ReportDeliveryFiguresSchema,
    demandsHandled: count('服务需求 the organisation accepted or was matched to and that were resolved in the year'),
    themeMonths: closed(
      {
        activitiesHeld: count('Activities held in the year that belong to a theme month'),
        months: arrayOf(integer(1, 12), { description: 'The theme months it took part in, ascending' }),
      },
      { description: '主题月参与情况' },
    ),
  },
  { $id: 'ReportFigures', description: '年度数据: prefilled by the ledger, not typed in' },
);
export type ReportFigures = Static<typeof ReportFiguresSchema>;

export const ReportTargetSchema = closed(
  {
    indicator: targetIndicators.schema('指标'),
    value: number({ minimum: 0 }, 'The target: a count, a mean rating (1–5) or a share (0–1)'),
  },
  { $id: 'ReportTarget', description: 'One target of next year' },
);
export type ReportTarget = Static<typeof ReportTargetSchema>;

/** 下一年度工作计划: a narrative and targets, each indicator once. */
export const NextYearPlanSchema = closed(
  {
    summary: text('计划要点'),
    targets: arrayOf(ReportTargetSchema, { minItems: 1, description: 'At least one target, each indicator once' }),
  },
  { $id: 'NextYearPlan', description: '下一年度工作计划' },
);
export type NextYearPlan = Static<typeof NextYearPlanSchema>;

/** A report the hub consolidates into the city's, as it stood accepted. */
export const ConsolidatedReportSchema = closed(
  {
    reportId: recordId('The organisation’s report'),
    subject: ReportSubjectSchema,
    onTime: bool('Submitted by the deadline'),
  },
  { $id: 'ConsolidatedReport', description: 'An accepted report the city-wide report includes' },
);
export type ConsolidatedReport = Static<typeof ConsolidatedReportSchema>;

/** The city's totals over the accepted reports: counts add up; 户数 does not (an enterprise may be served by several), so it is left out. */
export const CityTotalsSchema = closed(
  {
    reports: count('Accepted reports consolidated'),
    stations: count('Of them, stations’'),
    centres: count('Centres’'),
    providers: count('Providers’'),
    onTime: count('Reports submitted by the deadline'),
    activitiesHeld: count('Activities held'),
    activityVisits: count('家次 at activities'),
    deliveryVisits: count('家次 from deliveries'),
    enterpriseVisits: count('家次 in all'),
    deliveries: count('Deliveries'),
    ratings: count('Deliveries rated'),
    averageRating: nullable(number({ minimum: 1, maximum: 5 }, 'Mean rating over all ratings (weighted by each report’s ratings), 2 decimals; null when none')),
    poorRatings: count('差评'),
    freeDeliveries: count('公益 deliveries'),
    freeShare: share('freeDeliveries / deliveries'),
    demandsHandled: count('Demands handled'),
    themeMonthActivities: count('Theme-month activities held'),
  },
  { $id: 'CityTotals', description: '全市汇总' },
);
export type CityTotals = Static<typeof CityTotalsSchema>;

/** What the city report leaves out: reports submitted but not accepted yet, and organisations without a report. */
export const OutstandingSchema = closed(
  { notAccepted: count('Reports of the city submitted or returned, not accepted'), missing: count('Organisations due to report that have not') },
  { $id: 'OutstandingReports', description: '未纳入汇总的报告' },
);
export type OutstandingReports = Static<typeof OutstandingSchema>;
