import { rawValue, type IndicatorFormula } from '@sme/domain';
import type { ActivityView } from '../activity.projection';
import type { DeliveryView } from '../delivery.projection';
import type { DemandView } from '../demand.projection';
import type { AnnualReportView } from '../annualreport.projection';
import type { FollowUpView } from '../follow-up.projection';
import type { StationView } from '../views';
import { evaluatedOrganisations, organisationFigures, reportOnTime, type ViewsAt } from './evaluation-figures';

const S1 = 'a1000000-0000-4000-8000-000000000001';
const S2 = 'a2000000-0000-4000-8000-000000000002';
const TIANHE = '440106';

// Only the fields the figures read; the rest of each view does not enter the count.
const station = (id: string, status: StationView['status'], covenants = 0) =>
  ({ id, name: `站${id.slice(1, 2)}`, cityCode: '440100', districtCode: TIANHE, status, covenants: Array.from({ length: covenants }, () => ({ covenantVersion: 'v', signedAt: '2026-01-01T00:00:00Z' })) }) as StationView;
const delivery = (id: string, enterpriseId: string, deliveredOn: string | null, rating: number | null, extra: Partial<DeliveryView> = {}) =>
  ({
    id,
    server: { kind: 'STATION', id: S1 },
    enterprise: { enterpriseId },
    status: 'CONFIRMED',
    deliveredOn,
    feedback: rating === null ? null : { rating },
    poorRating: rating !== null && rating <= 2,
    returnVisits: [],
    fee: { kind: 'LOW_FEE', amountFen: 100 },
    ...extra,
  }) as unknown as DeliveryView;
const activity = (id: string, heldOn: string, enterpriseIds: string[], status = 'HELD') =>
  ({ id, organiser: { kind: 'STATION', id: S1 }, status, heldOn, enterprisesPresent: enterpriseIds.map((enterpriseId) => ({ enterpriseId })) }) as unknown as ActivityView;
const demand = (id: string, raisedAt: string, acceptedAt: string | null, stationId: string | null) =>
  ({ id, regionCode: TIANHE, raisedAt, acceptedAt, stationId }) as unknown as DemandView;

/**
 * Station 1's 2026, counted by hand:
 * - activities: a1 held 2026-03-01 (E1, E2), a2 held 2026-06-01 (E1); a3 held in 2025 and a4 cancelled do not count → 2
 * - deliveries in 2026: d1 (E1, rated 5, free, archived, one 回访), d2 (E3, rated 2, one follow-up closed on time),
 *   d3 (E3, not rated, free); d4 delivered in 2025 and d5 cancelled do not count → 3
 * - 家次: 3 activity presences + 3 deliveries = 6; 户数: E1, E2, E3 = 3
 * - mean rating (5 + 2) / 2 = 3.5; 4–5 share 1/2 = 0.5; follow-ups on time 1/1 = 1; 回访 1/3 = 0.3333; free 2/3 = 0.6667
 * - demands raised in Tianhe in 2026: m1 accepted by S1 after 3 days (in time), m2 by S1 after 4 days (late),
 *   m3 by S2, m4 never; m5 raised in 2025 does not count → 1/4 = 0.25
 * - covenant signed: yes; report on time: S1's 2026 report was first submitted after the deadline → false
 */
const views: ViewsAt = {
  stations: [station(S1, 'ACTIVE', 1), station(S2, 'ACTIVE'), station('a3000000-0000-4000-8000-000000000003', 'REVOKED')],
  providers: [],
  centres: [],
  activities: [activity('a1', '2026-03-01', ['E1', 'E2']), activity('a2', '2026-06-01', ['E1']), activity('a3', '2025-12-31', ['E3']), activity('a4', '2026-07-01', ['E3'], 'CANCELLED')],
  deliveries: [
    delivery('d1', 'E1', '2026-02-01', 5, { status: 'ARCHIVED', fee: { kind: 'FREE', amountFen: 0 }, returnVisits: [{}] } as never),
    delivery('d2', 'E3', '2026-04-01', 2),
    delivery('d3', 'E3', '2026-05-01', null, { fee: { kind: 'FREE', amountFen: 0 } } as never),
    delivery('d4', 'E4', '2025-11-01', 1),
    delivery('d5', 'E4', '2026-05-01', 1, { status: 'CANCELLED' }),
  ],
  followUps: [{ deliveryId: 'd2', closure: { onTime: true } } as unknown as FollowUpView],
  annualReports: [
    { year: 2026, subject: { kind: 'STATION', id: S1 }, onTime: false } as unknown as AnnualReportView,
    { year: 2026, subject: { kind: 'STATION', id: S2 }, onTime: true } as unknown as AnnualReportView,
    { year: 2025, subject: { kind: 'STATION', id: S1 }, onTime: true } as unknown as AnnualReportView,
  ],
  demands: [
    demand('m1', '2026-03-01T02:00:00Z', '2026-03-04T02:00:00Z', S1),
    demand('m2', '2026-03-01T02:00:00Z', '2026-03-05T02:00:00Z', S1),
    demand('m3', '2026-04-01T02:00:00Z', '2026-04-01T05:00:00Z', S2),
    demand('m4', '2026-05-01T02:00:00Z', null, null),
    demand('m5', '2025-05-01T02:00:00Z', '2025-05-02T02:00:00Z', S1),
  ],
};

describe('evaluation figures: each formula on a hand-counted year', () => {
  const figures = organisationFigures(views, 'STATION', S1, 2026);

  it.each<[IndicatorFormula, number | boolean | null]>([
    ['ACTIVITIES_HELD', 2],
    ['SERVICE_VISITS', 6],
    ['ENTERPRISES_SERVED', 3],
    ['DELIVERIES_ARCHIVED', 1],
    ['AVERAGE_RATING', 3.5],
    ['SATISFIED_SHARE', 0.5],
    ['FOLLOW_UPS_ON_TIME', 1],
    ['RETURN_VISIT_RATE', 0.3333],
    ['DEMANDS_ACCEPTED_IN_TIME', 0.25],
    ['FREE_SERVICE_SHARE', 0.6667],
    ['REPORT_ON_TIME', false],
    ['COVENANT_SIGNED', true],
  ])('%s = %p', (formula, expected) => {
    expect(rawValue(formula as Exclude<IndicatorFormula, 'MANUAL'>, figures)).toBe(expected);
  });

  it('an organisation with no records has zero counts and no rates', () => {
    expect(organisationFigures(views, 'STATION', S2, 2026)).toMatchObject({ activitiesHeld: 0, serviceVisits: 0, averageRating: null, satisfiedShare: null, returnVisitRate: null, covenantSigned: false });
  });

  it('takes report on time from the year’s annual report, first submitted by the deadline', () => {
    expect(reportOnTime(views.annualReports, 'STATION', S1, 2026)).toBe(false);
    expect(reportOnTime(views.annualReports, 'STATION', S2, 2026)).toBe(true);
    expect(reportOnTime(views.annualReports, 'STATION', S1, 2025)).toBe(true);
    expect(reportOnTime(views.annualReports, 'PROVIDER', S2, 2026)).toBe(false);
  });

  it('evaluates the city’s ACTIVE stations, sorted by id', () => {
    expect(evaluatedOrganisations(views, { cityCode: '440100', year: 2026, subject: 'STATION' }).map((o) => o.organisationId)).toEqual([S1, S2]);
  });
});
