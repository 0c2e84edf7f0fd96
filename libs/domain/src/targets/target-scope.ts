import { cityCodeOf, districtsOf, isCityCode, isCountyCode, isProvinceCode } from '../shared/region-code';
import { COUNT_MEASURES, type Target, type TargetComparison } from './targets';

/** What progress is asked of: a province, a city, a district (county-level) or one station. */
export type ProgressScope =
  | { level: 'PROVINCE'; regionCode: string }
  | { level: 'CITY'; regionCode: string }
  | { level: 'DISTRICT'; regionCode: string; cityCode: string }
  | { level: 'STATION'; stationId: string; regionCode: string; cityCode: string };

/** The scope of a province, city or county-level code; undefined for any other code. */
export function scopeOfRegion(regionCode: string): ProgressScope | undefined {
  if (isProvinceCode(regionCode)) return { level: 'PROVINCE', regionCode };
  if (isCityCode(regionCode)) return { level: 'CITY', regionCode };
  if (isCountyCode(regionCode)) return { level: 'DISTRICT', regionCode, cityCode: cityCodeOf(regionCode) };
  return undefined;
}

/** A target split down from a city's: the city's value over the divisor, whole. */
export interface DerivedTarget extends Target {
  derivedFrom: { targetId: string; level: 'DISTRICT' | 'STATION'; cityValue: number; divisor: number; rule: string };
}

/**
 * A city value split evenly over `divisor` parts, as a whole number with an equivalent comparison:
 * at least 1000/11 activities is at least 91; above 10000/11 家次 is at least 910; above 10000/100 is
 * above 100.
 */
export function splitEvenly(value: number, comparison: TargetComparison, divisor: number): { value: number; comparison: TargetComparison } {
  const share = value / divisor;
  if (Number.isInteger(share)) return { value: share, comparison };
  return { value: Math.ceil(share), comparison: 'AT_LEAST' };
}

/**
 * The targets that apply to a scope. A province or a city has the documents' own targets. A district
 * and a station have the city's targets that name their level in `derive`, split evenly — derived, not
 * in the documents: over the city's districts held as data (Guangzhou's 11) for a district (a district
 * covers itself: DISTRICTS_COVERED becomes 1), and over the city's station target (its ACTIVE_STATIONS
 * value with the same deadline) for a station.
 */
export function targetsForScope(targets: readonly Target[], scope: ProgressScope): (Target | DerivedTarget)[] {
  if (scope.level === 'PROVINCE' || scope.level === 'CITY') return targets.filter((t) => t.regionCode === scope.regionCode);
  const city = targets.filter((t) => t.regionCode === scope.cityCode && t.derive?.includes(scope.level as 'DISTRICT' | 'STATION'));
  return city.flatMap((t): DerivedTarget[] => {
    if (scope.level === 'DISTRICT') {
      const districts = districtsOf(scope.cityCode)?.length;
      if (!districts) return [];
      if (t.measure === 'DISTRICTS_COVERED') {
        return [{ ...t, id: `${t.id}@district`, value: 1, comparison: 'AT_LEAST', derive: undefined, derivedFrom: { targetId: t.id, level: 'DISTRICT', cityValue: t.value, divisor: districts, rule: 'the district itself covered' } }];
      }
      const split = splitEvenly(t.value, t.comparison, districts);
      return [{ ...t, ...split, id: `${t.id}@district`, derive: undefined, derivedFrom: { targetId: t.id, level: 'DISTRICT', cityValue: t.value, divisor: districts, rule: `city value / ${districts} districts` } }];
    }
    if (!COUNT_MEASURES.includes(t.measure) || t.timing.kind !== 'BY') return [];
    const deadline = t.timing.deadline;
    const stations = targets.find((s) => s.regionCode === scope.cityCode && s.measure === 'ACTIVE_STATIONS' && s.timing.kind === 'BY' && s.timing.deadline === deadline);
    if (!stations) return [];
    const split = splitEvenly(t.value, t.comparison, stations.value);
    return [{ ...t, ...split, id: `${t.id}@station`, derive: undefined, derivedFrom: { targetId: t.id, level: 'STATION', cityValue: t.value, divisor: stations.value, rule: `city value / ${stations.value} stations (${stations.id})` } }];
  });
}

/** What is asked: the state on one day (with counts over its year so far), or a period of days. */
export type AskedTime = { on: string } | { from: string; until: string };

/**
 * Where a target is read: `stateOn` for a state measure; `[countFrom, countUntil]` for a count measure.
 * Asked `on` a day: the state that day; a BY target counts from its countFrom to the day (or its
 * deadline, if earlier); an EACH_YEAR target counts the day's year up to the day. Asked a period: the
 * state on its last day, and counts in the period. An EACH_YEAR target applies only in its years (the
 * year of the day, or of the period's last day); undefined otherwise.
 */
export interface TargetWindow {
  stateOn: string;
  countFrom: string;
  countUntil: string;
}

export function targetWindow(target: Target, asked: AskedTime): TargetWindow | undefined {
  const last = 'on' in asked ? asked.on : asked.until;
  const year = Number(last.slice(0, 4));
  if (target.timing.kind === 'EACH_YEAR') {
    const { fromYear, untilYear } = target.timing;
    if (year < fromYear || (untilYear !== undefined && year > untilYear)) return undefined;
    return 'on' in asked ? { stateOn: last, countFrom: `${year}-01-01`, countUntil: last } : { stateOn: last, countFrom: asked.from, countUntil: asked.until };
  }
  if ('until' in asked) return { stateOn: last, countFrom: asked.from, countUntil: asked.until };
  const from = target.timing.countFrom ?? `${year}-01-01`;
  const until = last < target.timing.deadline ? last : target.timing.deadline;
  // Asked before the window opens, the window is empty (from after until) and counts nothing.
  return { stateOn: last, countFrom: from, countUntil: until };
}

/** The window of the figures reported beside the targets: asked `on` a day, its year up to it. */
export function figuresWindow(asked: AskedTime): TargetWindow {
  if ('until' in asked) return { stateOn: asked.until, countFrom: asked.from, countUntil: asked.until };
  return { stateOn: asked.on, countFrom: `${asked.on.slice(0, 4)}-01-01`, countUntil: asked.on };
}

/** Whether `actual` meets the target's value under its comparison. */
export const meets = (actual: number, comparison: TargetComparison, value: number): boolean =>
  comparison === 'AT_LEAST' ? actual >= value : actual > value;
