import { isRegionCode, isWithinRegion, regionNameZh } from '@sme/domain/shared/region-code';
import { prefectureCitiesOf } from '@sme/domain/targets/prefecture-cities';
import { figuresWindow, meets, targetsForScope, targetWindow, type AskedTime, type DerivedTarget, type ProgressScope, type TargetWindow } from '@sme/domain/targets/target-scope';
import type { Target } from '@sme/domain/targets/targets';
import type { ActivityView } from '../activity.projection';
import type { CentreView } from '../centre.projection';
import type { DeliveryView } from '../delivery.projection';
import type { ProviderView } from '../provider.projection';
import type { StationView } from '../views';
import { centreCoverage, MEASURES_BY_LEVEL, measureFigure, type Figure, type TargetsWorld } from './targets-figures';
import { placeCondition } from './conditions';
import type { ReadModelReader } from './read-model-reader';
import { regionWithin } from './region-within';

/** One target with where it stands: the figure read in the target's window, against its value. */
export interface TargetProgress extends Figure {
  target: Target | DerivedTarget;
  window: TargetWindow;
  /** The target's value (a share from 0 to 1 for coverage). */
  value: number;
  /** actual / value, to four places. */
  ratio: number;
  met: boolean;
  /** For a BY target: the deadline has passed on the day asked and the target is not met. */
  overdue: boolean;
}

/** A city's figures in its province's roll-up. */
export interface CityFigures {
  cityCode: string;
  cityName: string;
  /** A recognised city centre. */
  cityCentre: boolean;
  figures: Figure[];
}

export interface TargetsProgressReport {
  scope: ProgressScope;
  asked: AskedTime;
  /** The window of `figures` and the roll-up: asked a day, its year up to it; asked a period, the period. */
  window: TargetWindow;
  targets: TargetProgress[];
  figures: Figure[];
  /** Province: centre coverage per level (see `centreCoverage`). */
  centreCoverage?: ReturnType<typeof centreCoverage>;
  /** Province: each prefecture-level city's figures. */
  cities?: CityFigures[];
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * Pure: the targets that apply to the scope, each with its figure and where it stands, the scope's
 * figures over the asked window, and for a province the roll-up of its cities and centre coverage per
 * level. Every figure names the lists (`records`) that hold the records it counts.
 */
export function targetsProgress(targets: readonly Target[], scope: ProgressScope, asked: AskedTime, world: TargetsWorld): TargetsProgressReport {
  const window = figuresWindow(asked);
  const last = 'on' in asked ? asked.on : asked.until;
  // A measure in one window is counted once, however many targets and figures ask for it.
  const counted = new Map<string, Figure>();
  const figureOf = (measure: Figure['measure'], win: TargetWindow): Figure => {
    const key = `${measure} ${win.stateOn} ${win.countFrom} ${win.countUntil}`;
    let figure = counted.get(key);
    if (!figure) counted.set(key, (figure = measureFigure(measure, scope, win, world)));
    return figure;
  };
  const progress = targetsForScope(targets, scope).flatMap((target): TargetProgress[] => {
    const targetWin = targetWindow(target, asked);
    if (!targetWin) return [];
    const figure = figureOf(target.measure, targetWin);
    const met = meets(figure.actual, target.comparison, target.value);
    const overdue = !met && target.timing.kind === 'BY' && last > target.timing.deadline;
    return [{ ...figure, target, window: targetWin, value: target.value, ratio: round4(figure.actual / target.value), met, overdue }];
  });
  const figures = MEASURES_BY_LEVEL[scope.level].map((m) => figureOf(m, window));
  if (scope.level !== 'PROVINCE') return { scope, asked, window, targets: progress, figures };
  const cityCodes = prefectureCitiesOf(scope.regionCode)?.map((c) => c.code) ?? [...new Set(world.stations.map((s) => s.cityCode))].sort();
  const worlds = worldsByCity(world);
  const cities = cityCodes.map((cityCode): CityFigures => {
    const city: ProgressScope = { level: 'CITY', regionCode: cityCode };
    const cityWorld = worlds.get(cityPrefix(cityCode)) ?? noRecords(world.stationsAsOf);
    return {
      cityCode,
      cityName: prefectureCitiesOf(scope.regionCode)?.find((c) => c.code === cityCode)?.nameZh ?? regionNameZh(cityCode),
      cityCentre: cityWorld.centres.some((c) => c.level === 'CITY' && c.regionCode === cityCode && c.status === 'RECOGNISED'),
      figures: MEASURES_BY_LEVEL.CITY.map((m) => measureFigure(m, city, window, cityWorld)),
    };
  });
  return { scope, asked, window, targets: progress, figures, centreCoverage: centreCoverage(scope.regionCode, world.centres), cities };
}

const cityPrefix = (code: string) => code.slice(0, 4);

/** A world's records of one place; a new one holds none. */
interface PlaceRecords extends TargetsWorld {
  stations: StationView[];
  activities: ActivityView[];
  deliveries: DeliveryView[];
  providers: ProviderView[];
  centres: CentreView[];
}
const noRecords = (stationsAsOf?: string): PlaceRecords => ({ stations: [], activities: [], deliveries: [], providers: [], centres: [], ...(stationsAsOf ? { stationsAsOf } : {}) });

/**
 * A province's records shared out by city in one pass, each under its city's first four digits: what a
 * city's figures count is exactly what lies within it (`isWithinRegion`: a valid code with the city's
 * first four digits), so each city's figures read only its own records, not the whole province's.
 */
function worldsByCity(world: TargetsWorld): Map<string, PlaceRecords> {
  const worlds = new Map<string, PlaceRecords>();
  const of = (code: string): PlaceRecords | undefined => {
    if (!isRegionCode(code)) return undefined;
    let city = worlds.get(cityPrefix(code));
    if (!city) worlds.set(cityPrefix(code), (city = noRecords(world.stationsAsOf)));
    return city;
  };
  for (const s of world.stations) of(s.districtCode)?.stations.push(s);
  for (const a of world.activities) of(a.regionCode)?.activities.push(a);
  for (const d of world.deliveries) of(d.regionCode)?.deliveries.push(d);
  for (const p of world.providers) of(p.regionCode)?.providers.push(p);
  for (const c of world.centres) of(c.regionCode)?.centres.push(c);
  return worlds;
}

/** One figure in two periods and the change from the second to the first. */
export interface FigureChange {
  measure: Figure['measure'];
  period: Figure;
  comparedWith: Figure;
  /** period − comparedWith. */
  change: number;
}

export interface TargetsComparison {
  scope: ProgressScope;
  period: TargetsProgressReport;
  comparedWith: TargetsProgressReport;
  figures: FigureChange[];
  /** Province: each city's figures in both periods and the change. */
  cities?: { cityCode: string; cityName: string; figures: FigureChange[] }[];
}

const changes = (a: readonly Figure[], b: readonly Figure[]): FigureChange[] =>
  a.map((figure, i) => ({ measure: figure.measure, period: figure, comparedWith: b[i], change: round4(figure.actual - b[i].actual) }));

/** Pure: two reports of one scope side by side, figure by figure (the same measures, in order). */
export function compareProgress(period: TargetsProgressReport, comparedWith: TargetsProgressReport): TargetsComparison {
  const cities = period.cities?.map((city, i) => ({ cityCode: city.cityCode, cityName: city.cityName, figures: changes(city.figures, comparedWith.cities![i].figures) }));
  return { scope: period.scope, period, comparedWith, figures: changes(period.figures, comparedWith.figures), ...(cities ? { cities } : {}) };
}

/** The region the documents of a scope are read from: a station's city (its district is not enough for its deliveries). */
const readRegion = (scope: ProgressScope) => (scope.level === 'STATION' ? scope.cityCode : scope.regionCode);

/**
 * The documents a scope's figures need, read from the projections (activities, deliveries, providers
 * and centres); the station registry is the caller's, live or replayed (see TargetsWorld).
 */
export async function readTargetsWorld(reader: ReadModelReader, scope: ProgressScope, stations: TargetsWorld['stations'], stationsAsOf?: string): Promise<TargetsWorld> {
  const region = readRegion(scope);
  const [activities, deliveries, providers, centres] = await Promise.all([
    (await reader.collection<ActivityView>('activities')).find({ $and: [placeCondition(region), { status: 'HELD' }] }),
    (await reader.collection<DeliveryView>('deliveries')).find(placeCondition(region)),
    (await reader.collection<ProviderView>('providers')).find(regionWithin('regionCode', region)),
    (await reader.collection<CentreView>('centres')).find(regionWithin('regionCode', region)),
  ]);
  return {
    stations: stations.filter((s) => isWithinRegion(s.districtCode, region)),
    ...(stationsAsOf ? { stationsAsOf } : {}),
    activities,
    deliveries,
    providers,
    centres,
  };
}
