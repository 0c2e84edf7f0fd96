import type { ActivityKind, ActivityStage, OrganiserKind } from '@sme/domain/activity/activity.terms';
import { isBusinessDate } from '@sme/domain/shared/dates';
import { isCityCode, isProvinceCode } from '@sme/domain/shared/region-code';
import type { Filter } from '../document-store/document-store.port';
import type { ActivityView } from '../activity.projection';
import { allOf, regionCodeStartsWith } from './conditions';
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

export function requireDay(value: string, name: string): string {
  if (!isBusinessDate(value)) throw new RangeError(`${name} must be a date YYYY-MM-DD`);
  return value;
}

/** The read models' form of a region: a province's codes, a city's districts, or one district. */
export function placeCondition(code: string): Filter {
  return isProvinceCode(code) ? regionCodeStartsWith(code.slice(0, 2)) : isCityCode(code) ? { cityCode: code } : { regionCode: code };
}

export function activityFilter(filter: ActivityListFilter): Filter {
  const all: Filter[] = [];
  const equal = (field: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') all.push({ [field]: value });
  };
  equal('status', filter.status);
  equal('kind', filter.kind);
  equal('organiser.kind', filter.organiserKind);
  equal('organiser.id', filter.organiserId);
  equal('organiser.orgId', filter.organiserOrgId);
  equal('stationId', filter.stationId);
  if (filter.regionCode) all.push(placeCondition(filter.regionCode));
  const date: Record<string, string> = {};
  if (filter.from) date.$gte = requireDay(filter.from, 'from');
  if (filter.until) date.$lte = requireDay(filter.until, 'until');
  if (Object.keys(date).length > 0) all.push({ date });
  equal('themeMonth.themePlanId', filter.themePlanId);
  equal('themeMonth.month', filter.themeMonth);
  equal('registeredUsccs', filter.registeredUscc);
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
