import { inPoolOn, type ProviderState } from '@sme/domain/provider/provider.state';
import { districtsOf, isCityCode, isProvinceCode, isWithinRegion } from '@sme/domain/shared/region-code';
import { countServiceVisits } from '@sme/domain/shared/service-counting';
import { prefectureCitiesOf } from '@sme/domain/targets/prefecture-cities';
import type { ProgressScope, TargetWindow } from '@sme/domain/targets/target-scope';
import type { TargetMeasure } from '@sme/domain/targets/targets';
import type { ActivityView } from '../activity.projection';
import type { CentreView } from '../centre.projection';
import type { DeliveryView } from '../delivery.projection';
import type { ProviderView } from '../provider.projection';
import type { StationView } from '../views';

/**
 * The documents a region's figures are counted from. `stations` is the registry on the state day:
 * the live one, or (with `stationsAsOf`) the one replayed to the end of that day.
 */
export interface TargetsWorld {
  stations: readonly StationView[];
  stationsAsOf?: string;
  activities: readonly ActivityView[];
  deliveries: readonly DeliveryView[];
  providers: readonly ProviderView[];
  centres: readonly CentreView[];
}

/** One figure: what was counted, and the API lists that hold the records counted (their union). */
export interface Figure {
  measure: TargetMeasure;
  actual: number;
  records: string[];
  detail?: Record<string, unknown>;
}

/** Delivery stages that mean the service was given (a delivery is cancelled only before it is given). */
export const DELIVERED_STAGES = ['DELIVERED', 'DISPUTED', 'CONFIRMED', 'ARCHIVED'] as const;

const query = (path: string, params: Record<string, string | undefined>) => {
  const pairs = Object.entries(params).filter(([, v]) => v !== undefined) as [string, string][];
  return `${path}?${new URLSearchParams(pairs).toString()}`;
};

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
const share = (covered: number, total: number) => (total === 0 ? 0 : round4(covered / total));
const inScope = (scope: ProgressScope, code: string) => isWithinRegion(code, scope.regionCode);

/** The list filter of a region on a list that takes `regionCode` for a district, a city or a province. */
const regionParam = (scope: ProgressScope) => ({ regionCode: scope.regionCode });

function stationParams(scope: ProgressScope, world: TargetsWorld) {
  const region = isProvinceCode(scope.regionCode) ? {} : isCityCode(scope.regionCode) ? { cityCode: scope.regionCode } : { districtCode: scope.regionCode };
  return { ...region, status: 'ACTIVE', asOf: world.stationsAsOf };
}

const activeStations = (scope: ProgressScope, world: TargetsWorld) => world.stations.filter((s) => s.status === 'ACTIVE' && inScope(scope, s.districtCode));

const heldIn = (scope: ProgressScope, window: TargetWindow, world: TargetsWorld) =>
  world.activities.filter(
    (a) =>
      a.status === 'HELD' &&
      a.heldOn !== null &&
      a.heldOn >= window.countFrom &&
      a.heldOn <= window.countUntil &&
      (scope.level === 'STATION' ? a.stationId === scope.stationId : inScope(scope, a.regionCode)),
  );

const deliveredIn = (scope: ProgressScope, window: TargetWindow, world: TargetsWorld) =>
  world.deliveries.filter(
    (d) =>
      d.status !== 'CANCELLED' &&
      d.deliveredOn !== null &&
      d.deliveredOn >= window.countFrom &&
      d.deliveredOn <= window.countUntil &&
      (scope.level === 'STATION' ? d.server.kind === 'STATION' && d.server.id === scope.stationId : inScope(scope, d.regionCode)),
  );

function activityRecords(scope: ProgressScope, window: TargetWindow): string {
  const who = scope.level === 'STATION' ? { stationId: scope.stationId } : regionParam(scope);
  return query('/activities', { ...who, status: 'HELD', from: window.countFrom, until: window.countUntil });
}

function deliveryRecords(scope: ProgressScope, window: TargetWindow): string[] {
  const who = scope.level === 'STATION' ? { stationId: scope.stationId } : regionParam(scope);
  return DELIVERED_STAGES.map((status) => query('/deliveries', { ...who, status, from: window.countFrom, until: window.countUntil }));
}

/** The districts of the scope (those held as data, and those with a station on record) and which have an active station. */
function districtCoverage(scope: ProgressScope, world: TargetsWorld) {
  if (scope.level === 'DISTRICT' || scope.level === 'STATION') {
    const covered = activeStations(scope, world).length > 0;
    return { covered: covered ? [scope.regionCode] : [], uncovered: covered ? [] : [scope.regionCode] };
  }
  const known = isCityCode(scope.regionCode) ? (districtsOf(scope.regionCode)?.map((d) => d.code) ?? []) : [];
  const seen = world.stations.filter((s) => inScope(scope, s.districtCode)).map((s) => s.districtCode);
  const codes = [...new Set([...known, ...seen])].sort();
  const active = new Set(activeStations(scope, world).map((s) => s.districtCode));
  return { covered: codes.filter((c) => active.has(c)), uncovered: codes.filter((c) => !active.has(c)) };
}

function providersInPool(scope: ProgressScope, window: TargetWindow, world: TargetsWorld): ProviderView[] {
  const at = `${window.stateOn}T23:59:59.999+08:00`;
  return world.providers.filter((p) => inScope(scope, p.regionCode) && inPoolOn(p as unknown as ProviderState, at));
}

function providerRecords(scope: ProgressScope, window: TargetWindow): string {
  const region = isProvinceCode(scope.regionCode) ? {} : isCityCode(scope.regionCode) ? { cityCode: scope.regionCode } : { regionCode: scope.regionCode };
  return query('/providers', { ...region, inPoolOn: window.stateOn });
}

export type CentreLevelCoverage = { covered: number; total: number; ratio: number; missing: string[] };

/**
 * Centre coverage per level inside a province: the province centre; a city centre in each
 * prefecture-level city (the 21 of Guangdong); a county centre in each county-level division the
 * ledger knows — the districts it holds as data (Guangzhou's 11) and any division with a county
 * centre on record, whatever its standing. A division counts as covered by a RECOGNISED centre of its
 * level; one below standard or closed does not.
 */
export function centreCoverage(provinceCode: string, centres: readonly CentreView[]): { PROVINCE: CentreLevelCoverage; CITY: CentreLevelCoverage; COUNTY: CentreLevelCoverage; ALL: CentreLevelCoverage } {
  const own = centres.filter((c) => isWithinRegion(c.regionCode, provinceCode));
  const recognised = (level: CentreView['level']) => new Set(own.filter((c) => c.level === level && c.status === 'RECOGNISED').map((c) => c.regionCode));
  const cities = prefectureCitiesOf(provinceCode)?.map((c) => c.code) ?? [...new Set(own.filter((c) => c.level === 'CITY').map((c) => c.regionCode))].sort();
  const counties = [
    ...new Set([...cities.flatMap((city) => districtsOf(city)?.map((d) => d.code) ?? []), ...own.filter((c) => c.level === 'COUNTY').map((c) => c.regionCode)]),
  ].sort();
  const level = (codes: string[], covered: Set<string>): CentreLevelCoverage => {
    const missing = codes.filter((c) => !covered.has(c));
    return { covered: codes.length - missing.length, total: codes.length, ratio: share(codes.length - missing.length, codes.length), missing };
  };
  const PROVINCE = level([provinceCode], recognised('PROVINCE'));
  const CITY = level(cities, recognised('CITY'));
  const COUNTY = level(counties, recognised('COUNTY'));
  const covered = PROVINCE.covered + CITY.covered + COUNTY.covered;
  const total = PROVINCE.total + CITY.total + COUNTY.total;
  return { PROVINCE, CITY, COUNTY, ALL: { covered, total, ratio: share(covered, total), missing: [...PROVINCE.missing, ...CITY.missing, ...COUNTY.missing] } };
}

const centreRecords = (provinceCode: string, levels: readonly string[]) =>
  levels.map((level) => query('/centres', { regionCode: provinceCode, level, status: 'RECOGNISED' }));

/** Pure: one measure of a scope, in a window, with the lists that hold what it counts. */
export function measureFigure(measure: TargetMeasure, scope: ProgressScope, window: TargetWindow, world: TargetsWorld): Figure {
  switch (measure) {
    case 'ACTIVE_STATIONS':
      return { measure, actual: activeStations(scope, world).length, records: [query('/stations', stationParams(scope, world))] };
    case 'DISTRICTS_COVERED': {
      const { covered, uncovered } = districtCoverage(scope, world);
      return { measure, actual: covered.length, records: [query('/stations', stationParams(scope, world))], detail: { covered, uncovered } };
    }
    case 'ACTIVITIES_HELD':
      return { measure, actual: heldIn(scope, window, world).length, records: [activityRecords(scope, window)] };
    case 'SERVICE_VISITS': {
      const count = countServiceVisits({
        activities: heldIn(scope, window, world).flatMap((a) => a.enterprisesPresent.map((e) => ({ enterpriseId: e.enterpriseId, recordId: a.id }))),
        deliveries: deliveredIn(scope, window, world).map((d) => ({ enterpriseId: d.enterprise.enterpriseId, recordId: d.id })),
      });
      const { activityVisits, deliveryVisits, distinctEnterprises } = count;
      return { measure, actual: count.enterpriseVisits, records: [activityRecords(scope, window), ...deliveryRecords(scope, window)], detail: { activityVisits, deliveryVisits, distinctEnterprises } };
    }
    case 'PROVIDERS_IN_POOL':
      return { measure, actual: providersInPool(scope, window, world).length, records: [providerRecords(scope, window)] };
    case 'CITY_CENTRE_COVERAGE': {
      const { CITY } = centreCoverage(scope.regionCode, world.centres);
      return { measure, actual: CITY.ratio, records: centreRecords(scope.regionCode, ['CITY']), detail: CITY };
    }
    case 'CENTRE_COVERAGE': {
      const coverage = centreCoverage(scope.regionCode, world.centres);
      return { measure, actual: coverage.ALL.ratio, records: centreRecords(scope.regionCode, ['PROVINCE', 'CITY', 'COUNTY']), detail: coverage };
    }
    default: {
      const _exhaustive: never = measure;
      return _exhaustive;
    }
  }
}

/** The measures reported for a level, whether or not a target is set for them. */
export const MEASURES_BY_LEVEL: Record<ProgressScope['level'], readonly TargetMeasure[]> = {
  STATION: ['ACTIVITIES_HELD', 'SERVICE_VISITS'],
  DISTRICT: ['ACTIVE_STATIONS', 'DISTRICTS_COVERED', 'ACTIVITIES_HELD', 'SERVICE_VISITS', 'PROVIDERS_IN_POOL'],
  CITY: ['ACTIVE_STATIONS', 'DISTRICTS_COVERED', 'ACTIVITIES_HELD', 'SERVICE_VISITS', 'PROVIDERS_IN_POOL'],
  PROVINCE: ['ACTIVE_STATIONS', 'ACTIVITIES_HELD', 'SERVICE_VISITS', 'PROVIDERS_IN_POOL', 'CITY_CENTRE_COVERAGE', 'CENTRE_COVERAGE'],
};
