import { cityCodeOf, isWithinRegion, sameOrganisation, type Actor, type Role } from '@sme/domain';
import type { ActivityListFilter, ActivityView } from '@sme/read-models';
import { ApiError } from '../http/api-error';
import { regionalRead, withinActorRegion } from '../records/read-scope';

/**
 * Who reads which activities: an activity is announced to its city's enterprises, so an enterprise
 * reads those of its city (and those it registered for); the organiser its own; ADMIN all; the hub,
 * the authorities and the oversight roles those inside their region — as deliveries are read.
 */
const READS_REGION: readonly Role[] = ['CITY_AUTHORITY', 'DISTRICT_AUTHORITY', 'HUB', 'AUDITOR', 'SUPERVISOR', 'EVALUATOR'];
const ORGANISES: readonly Role[] = ['PROVIDER', 'STATION_OPERATOR'];
const ACTIVITIES = { zh: '服务活动', en: 'activities' };

export const activityReadForbidden = () => ApiError.forbidden('ACTIVITY_READ_FORBIDDEN', '无权查看该服务活动', 'You may not read this activity');

export function mayReadActivity(actor: Actor, a: Pick<ActivityView, 'organiser' | 'regionCode' | 'cityCode' | 'registeredUsccs'>): boolean {
  if (actor.role === 'ENTERPRISE') return a.cityCode === cityCodeOf(actor.regionCode) || a.registeredUsccs.some((u) => sameOrganisation(actor.orgId, u));
  if (sameOrganisation(actor.orgId, a.organiser.orgId) && (ORGANISES.includes(actor.role) || actor.role === 'HUB')) return true;
  return regionalRead(actor, READS_REGION, a.regionCode) ?? false;
}

/** A list as the actor may read it. */
export function scopeActivityFilter(actor: Actor, filter: ActivityListFilter): ActivityListFilter {
  if (actor.role === 'ADMIN') return filter;
  if (actor.role === 'ENTERPRISE') return withinActorRegion({ ...actor, regionCode: cityCodeOf(actor.regionCode) }, filter, ACTIVITIES);
  if (ORGANISES.includes(actor.role)) return { ...filter, organiserOrgId: actor.orgId };
  if (!READS_REGION.includes(actor.role)) throw ApiError.forbidden('ACTIVITY_READ_FORBIDDEN', '无权查看服务活动', 'You may not read activities');
  return withinActorRegion(actor, filter, ACTIVITIES);
}

/** Figures describe the organisations: theirs to read, and their overseers'; not an enterprise's. */
export function scopeFiguresFilter<F extends { regionCode?: string; orgId?: string }>(actor: Actor, filter: F): F {
  if (actor.role === 'ADMIN') return filter;
  if (ORGANISES.includes(actor.role)) return { ...filter, orgId: actor.orgId };
  if (!READS_REGION.includes(actor.role)) throw ApiError.forbidden('FIGURES_READ_FORBIDDEN', '无权查看服务统计', 'You may not read the service figures');
  return withinActorRegion(actor, filter, { zh: '服务统计', en: 'figures' });
}

/** A plan's participation figures: the region roles of its city and ADMIN. */
export function mayReadParticipation(actor: Actor, cityCode: string): boolean {
  if (actor.role === 'ADMIN') return true;
  return READS_REGION.includes(actor.role) && (isWithinRegion(cityCode, actor.regionCode) || isWithinRegion(actor.regionCode, cityCode));
}
