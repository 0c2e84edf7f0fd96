import type { ActivityKind, ActivityStage, OrganiserKind } from '@sme/domain/activity/activity.terms';
import type { Filter } from '../document-store/document-store.port';
import type { ActivityView } from '../activity.projection';
import { allOf, equalAt, placeCondition, requireDay } from './conditions';
import { cursorPage, type PageRequest } from './cursor-page';
import { containsText, sortKeys, type ReadModelReader } from './read-model-reader';

export interface ActivityListFilter {
  status?: ActivityStage;
  kind?: ActivityKind;
  organiserKind?: OrganiserKind;
  /** The organiser's record id (the hub's organisation id). */
  organiserId?: string;
  organiserOrgId?: string;
  stationId?: string;
  /** Where it is held: a district, a city (its districts) or a province. */
  regionCode?: string;
  /** The activity's day in [from, until] (business dates, inclusive; either may be open). */
  from?: string;
  until?: string;
  themePlanId?: string;
  /** With themePlanId: the month of the plan (1–12). */
  themeMonth?: number;
  /** Activities the enterprise registered for. */
  registeredUscc?: string;
  /** Case-insensitive text in the title, the theme or the organiser's name. */
  q?: string;
}

export const ACTIVITY_SORTS = ['date', 'plannedAt', 'updatedAt'] as const;

export function activityFilter(filter: ActivityListFilter): Filter {
  const all = equalAt(filter, {
    status: 'status',
    kind: 'kind',
    organiserKind: 'organiser.kind',
    organiserId: 'organiser.id',
    organiserOrgId: 'organiser.orgId',
    stationId: 'stationId',
    themePlanId: 'themeMonth.themePlanId',
    themeMonth: 'themeMonth.month',
    registeredUscc: 'registeredUsccs',
  });
  if (filter.regionCode) all.push(placeCondition(filter.regionCode));
  const date: Record<string, string> = {};
  if (filter.from) date.$gte = requireDay(filter.from, 'from');
  if (filter.until) date.$lte = requireDay(filter.until, 'until');
  if (Object.keys(date).length > 0) all.push({ date });
  if (filter.q) {
    const text = containsText(filter.q);
    all.push({ $or: [{ title: text }, { theme: text }, { 'organiser.name': text }] });
  }
  return allOf(all);
}

/** The activity list: filters, sort (date, plannedAt, updatedAt; default the latest day first), cursor paging, total. */
export async function listActivities(reader: ReadModelReader, filter: ActivityListFilter, sort: string | undefined, page: PageRequest) {
  const keys = sortKeys(sort, ACTIVITY_SORTS, '-date');
  return cursorPage(await reader.collection<ActivityView>('activities'), activityFilter(filter), keys, page);
}
