import { countServiceVisits, type ServiceCount } from '@sme/domain/shared/service-counting';
import type { ActivityView } from '../activity.projection';
import type { DeliveryView } from '../delivery.projection';
import type { ThemePlanView } from '../themeplan.projection';
import { allOf, placeCondition, requireDay } from './conditions';
import type { ReadModelReader } from './read-model-reader';

/** How the figures are broken down: by the organising (or serving) organisation, by district, or by city. */
export const FIGURES_GROUPINGS = ['organiser', 'district', 'city'] as const;
export type FiguresGrouping = (typeof FIGURES_GROUPINGS)[number];

/** The figures of one organisation, district or city over the period. */
export interface ServiceFiguresRow extends ServiceCount {
  /** `organiser`: `{ kind, id, name }`; `district` / `city`: `{ regionCode }`. */
  key: { kind: string; id: string; name: string } | { regionCode: string };
  /** Activities held in the period. */
  activitiesHeld: number;
  /** Persons present at them. */
  personsPresent: number;
  /** Deliveries delivered in the period, not cancelled. */
  deliveries: number;
}

export interface ServiceFigures {
  from: string;
  until: string;
  by: FiguresGrouping;
  total: Omit<ServiceFiguresRow, 'key'>;
  rows: ServiceFiguresRow[];
}

const heldIn = (a: ActivityView, from: string, until: string) => a.status === 'HELD' && a.heldOn !== null && a.heldOn >= from && a.heldOn <= until;
const deliveredIn = (d: DeliveryView, from: string, until: string) => d.status !== 'CANCELLED' && d.deliveredOn !== null && d.deliveredOn >= from && d.deliveredOn <= until;

function figuresOf(activities: ActivityView[], deliveries: DeliveryView[]): Omit<ServiceFiguresRow, 'key'> {
  const count = countServiceVisits({
    activities: activities.flatMap((a) => a.enterprisesPresent.map((e) => ({ enterpriseId: e.enterpriseId, recordId: a.id }))),
    deliveries: deliveries.map((d) => ({ enterpriseId: d.enterprise.enterpriseId, recordId: d.id })),
  });
  return { activitiesHeld: activities.length, personsPresent: activities.reduce((sum, a) => sum + (a.personsPresent ?? 0), 0), deliveries: deliveries.length, ...count };
}

/**
 * Pure: 家次 and 户数 over the period, in all and per group. Activities count when held in the period
 * (heldOn), deliveries when delivered in it (deliveredOn) and not cancelled — the rule of
 * `computeDeliveryFigures`. Every 家次 and 户数 comes from `countServiceVisits`; a group's 户数 counts
 * its own distinct enterprises, so the groups' 户数 may add up to more than the total's.
 */
export function computeServiceFigures(activities: ActivityView[], deliveries: DeliveryView[], period: { from: string; until: string }, by: FiguresGrouping): ServiceFigures {
  const held = activities.filter((a) => heldIn(a, period.from, period.until));
  const delivered = deliveries.filter((d) => deliveredIn(d, period.from, period.until));
  const groups = new Map<string, { key: ServiceFiguresRow['key']; activities: ActivityView[]; deliveries: DeliveryView[] }>();
  const groupOf = (key: ServiceFiguresRow['key']) => {
    const name = 'regionCode' in key ? key.regionCode : `${key.kind}:${key.id}`;
    const group = groups.get(name) ?? { key, activities: [], deliveries: [] };
    groups.set(name, group);
    return group;
  };
  const keyOf = (organisation: { kind: string; id: string; name: string }, regionCode: string, cityCode: string): ServiceFiguresRow['key'] =>
    by === 'organiser' ? { kind: organisation.kind, id: organisation.id, name: organisation.name } : { regionCode: by === 'district' ? regionCode : cityCode };
  for (const a of held) groupOf(keyOf(a.organiser, a.regionCode, a.cityCode)).activities.push(a);
  for (const d of delivered) groupOf(keyOf(d.server, d.regionCode, d.cityCode)).deliveries.push(d);
  const rows = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, group]) => ({ key: group.key, ...figuresOf(group.activities, group.deliveries) }));
  return { ...period, by, total: figuresOf(held, delivered), rows };
}

export interface ServiceFiguresFilter {
  from: string;
  until: string;
  by: FiguresGrouping;
  regionCode?: string;
  /** One organisation only: its kind and record id (a station's, a provider's; the hub's organisation id). */
  organiserKind?: string;
  organiserId?: string;
  /** One organisation only, by its organisation id (a station operator's or a provider's own figures). */
  orgId?: string;
}

/** The figures of the activities and deliveries matching the filter, read from the two projections. */
export async function serviceFigures(reader: ReadModelReader, filter: ServiceFiguresFilter): Promise<ServiceFigures> {
  const { from, until, by, regionCode, organiserKind, organiserId, orgId } = filter;
  const region = regionCode ? [placeCondition(regionCode)] : [];
  const activityQuery = allOf([
    ...region,
    { status: 'HELD', heldOn: { $gte: requireDay(from, 'from'), $lte: requireDay(until, 'until') } },
    ...(organiserKind ? [{ 'organiser.kind': organiserKind }] : []),
    ...(organiserId ? [{ 'organiser.id': organiserId }] : []),
    ...(orgId ? [{ 'organiser.orgId': orgId }] : []),
  ]);
  const deliveryQuery = allOf([
    ...region,
    { deliveredOn: { $gte: from, $lte: until } },
    ...(organiserKind ? [{ 'server.kind': organiserKind }] : []),
    ...(organiserId ? [{ 'server.id': organiserId }] : []),
    ...(orgId ? [{ 'server.orgId': orgId }] : []),
  ]);
  const activities = await (await reader.collection<ActivityView>('activities')).find(activityQuery, { sort: { heldOn: 1 } });
  const deliveries = await (await reader.collection<DeliveryView>('deliveries')).find(deliveryQuery, { sort: { deliveredOn: 1 } });
  return computeServiceFigures(activities, deliveries, { from, until }, by);
}

/** One month of a plan: its activities, and each station's part in it. */
export interface ThemeMonthParticipation {
  month: number;
  theme: string;
  title: string | null;
  /** Activities linked to the month, not cancelled. */
  activities: number;
  activitiesHeld: number;
  /** 家次 at the month's activities held. */
  enterpriseVisits: number;
  stations: { stationId: string; name: string; activitiesHeld: number }[];
}

export interface ThemeParticipation {
  themePlanId: string;
  cityCode: string;
  year: number;
  months: ThemeMonthParticipation[];
  /** Per station that held at least one linked activity: the months it took part in. */
  stations: { stationId: string; name: string; months: number[]; activitiesHeld: number }[];
}

/** Pure: each month of the plan (as it stands) with the activities linked to it, and each station's participation (activities held). */
export function computeThemeParticipation(plan: ThemePlanView, activities: ActivityView[]): ThemeParticipation {
  const linked = activities.filter((a) => a.themeMonth?.themePlanId === plan.id && a.status !== 'CANCELLED');
  const stations = new Map<string, { stationId: string; name: string; months: Set<number>; activitiesHeld: number }>();
  const months = plan.months.map((m) => {
    const ofMonth = linked.filter((a) => a.themeMonth!.month === m.month);
    const held = ofMonth.filter((a) => a.status === 'HELD');
    const perStation = new Map<string, { stationId: string; name: string; activitiesHeld: number }>();
    for (const a of held) {
      if (a.stationId === null) continue;
      const row = perStation.get(a.stationId) ?? { stationId: a.stationId, name: a.organiser.name, activitiesHeld: 0 };
      row.activitiesHeld += 1;
      perStation.set(a.stationId, row);
      const total = stations.get(a.stationId) ?? { stationId: a.stationId, name: a.organiser.name, months: new Set<number>(), activitiesHeld: 0 };
      total.months.add(m.month);
      total.activitiesHeld += 1;
      stations.set(a.stationId, total);
    }
    const { enterpriseVisits } = countServiceVisits({
      activities: held.flatMap((a) => a.enterprisesPresent.map((e) => ({ enterpriseId: e.enterpriseId, recordId: a.id }))),
      deliveries: [],
    });
    return { month: m.month, theme: m.theme, title: m.title ?? null, activities: ofMonth.length, activitiesHeld: held.length, enterpriseVisits, stations: [...perStation.values()] };
  });
  return {
    themePlanId: plan.id,
    cityCode: plan.cityCode,
    year: plan.year,
    months,
    stations: [...stations.values()].map((s) => ({ stationId: s.stationId, name: s.name, months: [...s.months].sort((a, b) => a - b), activitiesHeld: s.activitiesHeld })),
  };
}

export async function themeParticipation(reader: ReadModelReader, plan: ThemePlanView): Promise<ThemeParticipation> {
  const activities = await (await reader.collection<ActivityView>('activities')).find({ 'themeMonth.themePlanId': plan.id }, { sort: { date: 1 } });
  return computeThemeParticipation(plan, activities);
}

/** Theme-month plans, by city and year. */
export async function listThemePlans(reader: ReadModelReader, filter: { cityCode?: string; year?: number }): Promise<ThemePlanView[]> {
  const query = allOf([...(filter.cityCode ? [{ cityCode: filter.cityCode }] : []), ...(filter.year ? [{ year: filter.year }] : [])]);
  return (await reader.collection<ThemePlanView>('themeplans')).find(query, { sort: { cityCode: 1, year: 1 } });
}
