import { SHIPPED_TARGETS } from '@sme/domain/targets/targets';
import type { ActivityView } from '../activity.projection';
import type { CentreView } from '../centre.projection';
import type { DeliveryView } from '../delivery.projection';
import type { ProviderView } from '../provider.projection';
import type { StationView } from '../views';
import type { TargetsWorld } from './targets-figures';
import { compareProgress, targetsProgress } from './targets-progress';

/*
 * The hand count (Guangzhou, 2019):
 * - stations: S1 天河 440106 ACTIVE, S2 天河 ACTIVE, S3 海珠 440105 ACTIVE, S4 越秀 440104 REVOKED
 *   → 3 active stations, 2 districts covered (天河, 海珠) of 11.
 * - activities: A1 by S1 in 天河 held 2019-03-01 (enterprises e1, e2); A2 by S1 held 2019-09-01 (e1);
 *   A3 by S3 in 海珠 held 2019-05-01 (e3); A4 by S2 planned (not held); A5 by S1 held 2018-12-31 (e4, before the window)
 *   → activities held in 2019: 3 (A1, A2, A3); to 2019-06-30: 2 (A1, A3).
 * - deliveries: D1 by S1 in 天河 delivered 2019-04-01 to e2, CONFIRMED; D2 by a provider in 海珠 delivered
 *   2019-10-01 to e5, DELIVERED; D3 by S1 CANCELLED (never delivered)
 *   → 家次 in 2019: A1 2 + A2 1 + A3 1 + D1 1 + D2 1 = 6; 户数 e1, e2, e3, e5 = 4. To 2019-06-30: A1 2 + A3 1 + D1 1 = 4.
 * - S1 alone in 2019: activities A1, A2 = 2; 家次 2 + 1 + 1 (D1) = 4.
 * - 天河 in 2019: A1, A2 = 2 activities; 家次 2 + 1 + 1 = 4.
 * - providers: P1 in 440106 in the 库 from 2019-02-01; P2 in 440300 in it 2019-01-01 to 2019-06-01;
 *   P3 in 440100 applied, never admitted → on 2019-12-31 Guangzhou has 1 (P1), Guangdong 1; on 2019-05-01 Guangdong 2.
 * - centres: province centre RECOGNISED; city centres 广州 RECOGNISED, 深圳 RECOGNISED, 佛山 BELOW_STANDARD;
 *   county centres 天河 RECOGNISED, 440305 (深圳南山) CLOSED
 *   → city coverage 2 of 21; county divisions known: Guangzhou's 11 and 440305 = 12, 1 covered;
 *   all: 1 + 2 + 1 = 4 of 1 + 21 + 12 = 34.
 */
const station = (id: string, districtCode: string, status: StationView['status']) => ({ id, districtCode, cityCode: `${districtCode.slice(0, 4)}00`, status }) as StationView;
const activity = (id: string, stationId: string | null, regionCode: string, status: string, heldOn: string | null, present: string[]) =>
  ({ id, stationId, regionCode, cityCode: `${regionCode.slice(0, 4)}00`, status, heldOn, date: heldOn ?? '2019-11-11', enterprisesPresent: present.map((enterpriseId) => ({ enterpriseId })) }) as unknown as ActivityView;
const delivery = (id: string, server: { kind: string; id: string }, regionCode: string, status: string, deliveredOn: string | null, enterpriseId: string) =>
  ({ id, server, regionCode, cityCode: `${regionCode.slice(0, 4)}00`, status, deliveredOn, enterprise: { enterpriseId } }) as unknown as DeliveryView;
const provider = (id: string, regionCode: string, periods: { admittedAt: string; removedAt?: string }[]) =>
  ({ id, regionCode, status: periods.length ? 'IN_POOL' : 'APPLIED', periods }) as unknown as ProviderView;
const centre = (id: string, level: string, regionCode: string, status: string) => ({ id, level, regionCode, status }) as unknown as CentreView;

const world: TargetsWorld = {
  stations: [station('S1', '440106', 'ACTIVE'), station('S2', '440106', 'ACTIVE'), station('S3', '440105', 'ACTIVE'), station('S4', '440104', 'REVOKED')],
  activities: [
    activity('A1', 'S1', '440106', 'HELD', '2019-03-01', ['e1', 'e2']),
    activity('A2', 'S1', '440106', 'HELD', '2019-09-01', ['e1']),
    activity('A3', 'S3', '440105', 'HELD', '2019-05-01', ['e3']),
    activity('A4', 'S2', '440106', 'PLANNED', null, []),
    activity('A5', 'S1', '440106', 'HELD', '2018-12-31', ['e4']),
  ],
  deliveries: [
    delivery('D1', { kind: 'STATION', id: 'S1' }, '440106', 'CONFIRMED', '2019-04-01', 'e2'),
    delivery('D2', { kind: 'PROVIDER', id: 'P1' }, '440105', 'DELIVERED', '2019-10-01', 'e5'),
    delivery('D3', { kind: 'STATION', id: 'S1' }, '440106', 'CANCELLED', null, 'e6'),
  ],
  providers: [
    provider('P1', '440106', [{ admittedAt: '2019-02-01T02:00:00.000Z' }]),
    provider('P2', '440300', [{ admittedAt: '2019-01-01T02:00:00.000Z', removedAt: '2019-06-01T02:00:00.000Z' }]),
    provider('P3', '440100', []),
  ],
  centres: [
    centre('C0', 'PROVINCE', '440000', 'RECOGNISED'),
    centre('C1', 'CITY', '440100', 'RECOGNISED'),
    centre('C2', 'CITY', '440300', 'RECOGNISED'),
    centre('C3', 'CITY', '440600', 'BELOW_STANDARD'),
    centre('C4', 'COUNTY', '440106', 'RECOGNISED'),
    centre('C5', 'COUNTY', '440305', 'CLOSED'),
  ],
};

const row = (r: { target: { id: string }; actual: number; value: number; ratio: number; met: boolean }) => [r.target.id, r.actual, r.value, r.ratio, r.met];

describe('progress against the targets, from a hand-counted world', () => {
  it('Guangzhou at the end of 2019: 3 of 100 stations, 2 of 11 districts, 3 of 1000 activities, 6 家次 (not above 10000)', () => {
    const report = targetsProgress(SHIPPED_TARGETS, { level: 'CITY', regionCode: '440100' }, { on: '2019-12-31' }, world);
    expect(report.targets.map(row)).toEqual([
      ['gz-2019-stations', 3, 100, 0.03, false],
      ['gz-2019-districts', 2, 11, 0.1818, false],
      ['gz-2019-activities', 3, 1000, 0.003, false],
      ['gz-2019-visits', 6, 10000, 0.0006, false],
    ]);
    const visits = report.targets[3];
    expect(visits.detail).toEqual({ activityVisits: 4, deliveryVisits: 2, distinctEnterprises: 4 });
    expect(visits.records).toEqual([
      '/activities?regionCode=440100&status=HELD&from=2019-01-01&until=2019-12-31',
      '/deliveries?regionCode=440100&status=DELIVERED&from=2019-01-01&until=2019-12-31',
      '/deliveries?regionCode=440100&status=DISPUTED&from=2019-01-01&until=2019-12-31',
      '/deliveries?regionCode=440100&status=CONFIRMED&from=2019-01-01&until=2019-12-31',
      '/deliveries?regionCode=440100&status=ARCHIVED&from=2019-01-01&until=2019-12-31',
    ]);
    expect(report.targets[0].records).toEqual(['/stations?cityCode=440100&status=ACTIVE']);
    expect(report.targets[1].detail).toMatchObject({ covered: ['440105', '440106'] });
    expect(report.targets.every((t) => !t.overdue)).toBe(true);
    expect(report.figures.find((f) => f.measure === 'PROVIDERS_IN_POOL')).toEqual({ measure: 'PROVIDERS_IN_POOL', actual: 1, records: ['/providers?cityCode=440100&inPoolOn=2019-12-31'] });
  });

  it('counts a BY target only up to the day asked, and marks it overdue once its deadline has passed unmet', () => {
    const midYear = targetsProgress(SHIPPED_TARGETS, { level: 'CITY', regionCode: '440100' }, { on: '2019-06-30' }, world);
    expect(midYear.targets.map((t) => t.actual)).toEqual([3, 2, 2, 4]);
    const later = targetsProgress(SHIPPED_TARGETS, { level: 'CITY', regionCode: '440100' }, { on: '2020-03-01' }, world);
    expect(later.targets.map((t) => [t.actual, t.overdue])).toEqual([[3, true], [2, true], [3, true], [6, true]]);
  });

  it('a district (天河) against its derived targets: 2 of 10 stations, covered, 2 of 91 activities, 4 of 910 家次', () => {
    const report = targetsProgress(SHIPPED_TARGETS, { level: 'DISTRICT', regionCode: '440106', cityCode: '440100' }, { on: '2019-12-31' }, world);
    expect(report.targets.map(row)).toEqual([
      ['gz-2019-stations@district', 2, 10, 0.2, false],
      ['gz-2019-districts@district', 1, 1, 1, true],
      ['gz-2019-activities@district', 2, 91, 0.022, false],
      ['gz-2019-visits@district', 4, 910, 0.0044, false],
    ]);
    expect(report.targets[0].records).toEqual(['/stations?districtCode=440106&status=ACTIVE']);
  });

  it('a station (S1) against its derived targets: 2 of 10 activities, 4 家次 (above 100 wanted)', () => {
    const report = targetsProgress(SHIPPED_TARGETS, { level: 'STATION', stationId: 'S1', regionCode: '440106', cityCode: '440100' }, { from: '2019-01-01', until: '2019-12-31' }, world);
    expect(report.targets.map(row)).toEqual([
      ['gz-2019-activities@station', 2, 10, 0.2, false],
      ['gz-2019-visits@station', 4, 100, 0.04, false],
    ]);
    expect(report.targets[0].records).toEqual(['/activities?stationId=S1&status=HELD&from=2019-01-01&until=2019-12-31']);
  });

  it('Guangdong: centre coverage per level, providers in the 库 on the day, and the roll-up of its 21 cities', () => {
    const report = targetsProgress(SHIPPED_TARGETS, { level: 'PROVINCE', regionCode: '440000' }, { on: '2019-12-31' }, world);
    expect(report.targets.map(row)).toEqual([
      ['gd-2017-city-centres', 0.0952, 1, 0.0952, false],
      ['gd-2018-centre-coverage', 0.1176, 0.9, 0.1307, false],
      ['gd-2018-providers', 1, 5000, 0.0002, false],
      ['gd-2018-visits', 6, 100000, 0.0001, false],
      ['gd-2020-providers', 1, 10000, 0.0001, false],
    ]);
    const coverage = report.centreCoverage!;
    expect([coverage.PROVINCE, coverage.CITY, coverage.COUNTY, coverage.ALL].map((c) => [c.covered, c.total])).toEqual([[1, 1], [2, 21], [1, 12], [4, 34]]);
    expect(coverage.CITY.missing).toContain('440600');
    expect(report.targets[0].records).toEqual(['/centres?regionCode=440000&level=CITY&status=RECOGNISED']);
    expect(report.cities).toHaveLength(21);
    const guangzhou = report.cities!.find((c) => c.cityCode === '440100')!;
    expect(guangzhou.cityCentre).toBe(true);
    expect(guangzhou.figures.map((f) => [f.measure, f.actual])).toEqual([
      ['ACTIVE_STATIONS', 3],
      ['DISTRICTS_COVERED', 2],
      ['ACTIVITIES_HELD', 3],
      ['SERVICE_VISITS', 6],
      ['PROVIDERS_IN_POOL', 1],
    ]);
    expect(report.cities!.find((c) => c.cityCode === '440600')!.cityCentre).toBe(false);
    const earlier = targetsProgress(SHIPPED_TARGETS, { level: 'PROVINCE', regionCode: '440000' }, { on: '2019-05-01' }, world);
    expect(earlier.targets.find((t) => t.target.id === 'gd-2018-providers')!.actual).toBe(2);
  });

  it("gives each city of the roll-up exactly its own report's figures, however the province's records are spread", () => {
    // Shenzhen's records beside Guangzhou's, a city with a station and nothing else, and records whose code is no region's.
    const province: TargetsWorld = {
      ...world,
      stationsAsOf: '2019-12-31',
      stations: [...world.stations, station('S5', '440305', 'ACTIVE'), station('S6', '440604', 'ACTIVE'), station('S7', 'bad', 'ACTIVE')],
      activities: [...world.activities, activity('A6', 'S5', '440304', 'HELD', '2019-07-01', ['e1', 'e7']), activity('A7', null, '44030', 'HELD', '2019-07-01', ['e8'])],
      deliveries: [
        ...world.deliveries,
        delivery('D4', { kind: 'PROVIDER', id: 'P2' }, '440303', 'ARCHIVED', '2019-02-01', 'e7'),
        delivery('D5', { kind: 'PROVIDER', id: 'P4' }, '440311', 'DELIVERED', '2019-08-01', 'e9'),
      ],
      providers: [...world.providers, provider('P4', '440305', [{ admittedAt: '2019-03-01T02:00:00.000Z' }])],
    };
    const asked = { from: '2019-01-01', until: '2019-12-31' };
    const report = targetsProgress(SHIPPED_TARGETS, { level: 'PROVINCE', regionCode: '440000' }, asked, province);
    for (const city of report.cities!) {
      const own = targetsProgress(SHIPPED_TARGETS, { level: 'CITY', regionCode: city.cityCode }, asked, province);
      expect([city.cityCode, city.figures]).toEqual([city.cityCode, own.figures]);
    }
    const actual = (code: string) => report.cities!.find((c) => c.cityCode === code)!.figures.map((f) => f.actual);
    expect(actual('440100')).toEqual([3, 2, 3, 6, 1]);
    expect(actual('440300')).toEqual([1, 1, 1, 4, 1]);
    expect(actual('440600')).toEqual([1, 1, 0, 0, 0]);
    expect(report.cities!.find((c) => c.cityCode === '440300')!.cityCentre).toBe(true);
    expect(report.cities!.find((c) => c.cityCode === '440300')!.figures[0].records).toEqual(['/stations?cityCode=440300&status=ACTIVE&asOf=2019-12-31']);
  });

  it('compares two periods figure by figure: the first half of 2019 against the second', () => {
    const scope = { level: 'CITY' as const, regionCode: '440100' };
    const first = targetsProgress(SHIPPED_TARGETS, scope, { from: '2019-01-01', until: '2019-06-30' }, world);
    const second = targetsProgress(SHIPPED_TARGETS, scope, { from: '2019-07-01', until: '2019-12-31' }, world);
    const comparison = compareProgress(second, first);
    expect(comparison.figures.map((f) => [f.measure, f.period.actual, f.comparedWith.actual, f.change])).toEqual([
      ['ACTIVE_STATIONS', 3, 3, 0],
      ['DISTRICTS_COVERED', 2, 2, 0],
      ['ACTIVITIES_HELD', 1, 2, -1],
      ['SERVICE_VISITS', 2, 4, -2],
      ['PROVIDERS_IN_POOL', 1, 1, 0],
    ]);
  });
});
