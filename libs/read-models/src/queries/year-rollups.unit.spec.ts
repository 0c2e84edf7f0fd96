import { GUANGDONG_PREFECTURE_CITIES, GUANGZHOU_DISTRICTS } from '@sme/domain/shared/region-code';
import type { ActivityView } from '../activity.projection';
import type { DemandView } from '../demand.projection';
import { deliveryView, followUpView } from '../testing/delivery-views';
import { e1, e2, e3, providerA } from '../testing/serving-parties';
import { computeYearRollUp, type RollUpRow } from './year-rollups';

const FREE = { kind: 'FREE' as const, amountFen: 0 };
const MARKET = { kind: 'MARKET' as const, amountFen: 800000 };
const [TIANHE, HAIZHU] = ['440106', '440105'];

/**
 * 2026 in Guangzhou. Tianhe: d1 (e1, free, rated 5, visited), d2 (e2, market, rated 2, its follow-up
 * closed on time), a1 held with e1 and e2 present (5 persons), demands m1 and m2 (raised at 00:30 on
 * 1 January China time, still 2025 in UTC) both resolved (4 and 5). Haizhu: d3 (e3, free, rated 4 then
 * 1, its follow-up closed late), m4 not accepted. Outside the year: d4 (delivered 2025-12-31), a2 (held
 * 2025), m3 (raised 23:00 on 31 December 2025 China time).
 */
const deliveries = [
  deliveryView('d1', { server: providerA, enterprise: e1, fee: FREE, deliveredOn: '2026-03-01', ratings: [5], visited: true }),
  deliveryView('d2', { server: providerA, enterprise: e2, fee: MARKET, deliveredOn: '2026-05-10', ratings: [2] }),
  deliveryView('d3', { server: providerA, enterprise: e3, fee: FREE, regionCode: HAIZHU, deliveredOn: '2026-06-12', ratings: [4, 1] }),
  deliveryView('d4', { server: providerA, enterprise: e1, fee: FREE, regionCode: HAIZHU, deliveredOn: '2025-12-31', ratings: [1] }),
];
const followUps = [
  followUpView('f1', { deliveryId: 'd2', openedOn: '2026-05-11', dueOn: '2026-05-18', closedOn: '2026-05-15' }),
  followUpView('f2', { deliveryId: 'd3', openedOn: '2026-06-13', dueOn: '2026-06-20', closedOn: '2026-06-25' }),
  followUpView('f3', { deliveryId: 'd4', openedOn: '2026-01-04', dueOn: '2026-01-09' }),
];
const activity = (id: string, regionCode: string, heldOn: string, present: (typeof e1)[], persons: number) =>
  ({ id, status: 'HELD', regionCode, cityCode: '440100', heldOn, enterprisesPresent: present, personsPresent: persons, organiser: providerA }) as unknown as ActivityView;
const activities = [activity('a1', TIANHE, '2026-04-01', [e1, e2], 5), activity('a2', HAIZHU, '2025-11-01', [e3], 2)];
const demand = (id: string, regionCode: string, raisedAt: string, satisfaction?: number) =>
  ({
    id,
    regionCode,
    cityCode: '440100',
    raisedAt,
    acceptedAt: satisfaction === undefined ? null : raisedAt,
    resolution: satisfaction === undefined ? null : { outcome: '已办结', satisfaction, resolvedAt: raisedAt },
  }) as unknown as DemandView;
const demands = [
  demand('m1', TIANHE, '2026-02-01T10:00:00+08:00', 4),
  demand('m2', TIANHE, '2026-01-01T00:30:00+08:00', 5),
  demand('m3', HAIZHU, '2025-12-31T23:00:00+08:00', 3),
  demand('m4', HAIZHU, '2026-07-01T09:00:00+08:00'),
];
const records = { activities, deliveries, followUps, demands };

const figures = (row: RollUpRow) => {
  const { scope, regionCode, regionName, ...rest } = row;
  return rest;
};

describe('computeYearRollUp', () => {
  const rows = computeYearRollUp('440100', 2026, records);

  it('gives the city’s total first, counted by hand', () => {
    expect(rows[0]).toMatchObject({ scope: 'TOTAL', regionCode: '440100', regionName: '广州市' });
    expect(figures(rows[0])).toEqual({
      activitiesHeld: 1,
      personsPresent: 5,
      deliveries: 3,
      enterpriseVisits: 5, // a1: e1, e2; d1, d2, d3
      distinctEnterprises: 3,
      ratings: 3,
      averageRating: 2.67, // (5 + 2 + 1) / 3
      poorRatings: 2,
      followUps: 2,
      followUpsClosedOnTime: 1,
      followUpOnTimeRate: 0.5,
      returnVisits: 1,
      returnVisitRate: 0.3333,
      freeDeliveries: 2,
      freeShare: 0.6667,
      demandsRaised: 3, // m1, m2 (a China date of 2026), m4
      demandsAccepted: 2,
      demandsResolved: 2,
      averageDemandSatisfaction: 4.5,
    });
  });

  it('gives each district of the city, those with nothing recorded too', () => {
    expect(rows.slice(1).map((r) => r.regionCode)).toEqual(GUANGZHOU_DISTRICTS.map((d) => d.code).sort());
    const part = (code: string) => figures(rows.find((r) => r.regionCode === code)!);
    expect(part(TIANHE)).toEqual({
      activitiesHeld: 1,
      personsPresent: 5,
      deliveries: 2,
      enterpriseVisits: 4,
      distinctEnterprises: 2,
      ratings: 2,
      averageRating: 3.5,
      poorRatings: 1,
      followUps: 1,
      followUpsClosedOnTime: 1,
      followUpOnTimeRate: 1,
      returnVisits: 1,
      returnVisitRate: 0.5,
      freeDeliveries: 1,
      freeShare: 0.5,
      demandsRaised: 2,
      demandsAccepted: 2,
      demandsResolved: 2,
      averageDemandSatisfaction: 4.5,
    });
    expect(part(HAIZHU)).toEqual({
      activitiesHeld: 0,
      personsPresent: 0,
      deliveries: 1,
      enterpriseVisits: 1,
      distinctEnterprises: 1,
      ratings: 1,
      averageRating: 1,
      poorRatings: 1,
      followUps: 1,
      followUpsClosedOnTime: 0,
      followUpOnTimeRate: 0,
      returnVisits: 0,
      returnVisitRate: 0,
      freeDeliveries: 1,
      freeShare: 1,
      demandsRaised: 1,
      demandsAccepted: 0,
      demandsResolved: 0,
      averageDemandSatisfaction: null,
    });
    expect(part('440111')).toMatchObject({ deliveries: 0, enterpriseVisits: 0, averageRating: null, followUpOnTimeRate: null, demandsRaised: 0 });
  });

  it('gives a province by city, and a district alone', () => {
    const province = computeYearRollUp('440000', 2026, records);
    expect(province.map((r) => r.regionCode)).toEqual(['440000', ...GUANGDONG_PREFECTURE_CITIES.map((c) => c.code).sort()]);
    expect(figures(province.find((r) => r.regionCode === '440100')!)).toEqual(figures(rows[0]));
    const district = computeYearRollUp(TIANHE, 2026, { ...records, deliveries: deliveries.slice(0, 2), activities: activities.slice(0, 1), demands: demands.slice(0, 2) });
    expect(district.map((r) => [r.scope, r.regionCode])).toEqual([['TOTAL', TIANHE]]);
    expect(figures(district[0])).toEqual(figures(rows.find((r) => r.regionCode === TIANHE)!));
  });
});
