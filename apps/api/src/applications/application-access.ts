import { isCityCode, isProvinceCode, sameOrganisation, type Actor } from '@sme/domain';
import type { ApplicationListFilter, ApplicationView } from '@sme/read-models';
import { ApiError } from '../http/api-error';
import { readsRegion } from '../records/read-scope';

/**
 * Who may read which applications. An application holds an operator's finances and contacts, so:
 * an operator reads its own, a district authority those of its district, an expert those on whose
 * panel it sits; city, hub, auditors, supervisors and evaluators those inside their own region (a
 * province-level role its province, a city-level role its city); admins all; others none.
 */
const READS_IN_REGION = new Set(['CITY_AUTHORITY', 'HUB', 'AUDITOR', 'SUPERVISOR', 'EVALUATOR', 'ADMIN']);

export function mayRead(actor: Actor, application: ApplicationView): boolean {
  if (READS_IN_REGION.has(actor.role)) return readsRegion(actor, application.districtCode);
  switch (actor.role) {
    case 'STATION_OPERATOR':
      return sameOrganisation(application.ownerOrgId, actor.orgId);
    case 'DISTRICT_AUTHORITY':
      return application.districtCode === actor.regionCode;
    case 'EXPERT':
      return application.panel.some((member) => member.expertId === actor.id);
    default:
      return false;
  }
}

export const applicationReadForbidden = () =>
  ApiError.forbidden('APPLICATION_READ_FORBIDDEN', '无权查看该申请', 'You may not read this application');

const regionForbidden = (regionCode: string) =>
  ApiError.forbidden('REGION_NOT_PERMITTED', `无权查看 ${regionCode} 的申请`, `You may not read applications of ${regionCode}`);

/** The ids of the calls whose city lies in a region (province-level readers are scoped through them). */
export type CallsWithin = (regionCode: string) => Promise<string[]>;

/** Narrows a list request to what the actor may see; refuses a filter outside it. */
export async function scopeFilter(actor: Actor, filter: ApplicationListFilter, callsWithin: CallsWithin): Promise<ApplicationListFilter> {
  if (READS_IN_REGION.has(actor.role)) return inRegion(actor, filter, callsWithin);
  switch (actor.role) {
    case 'STATION_OPERATOR':
      return { ...filter, ownerOrgId: actor.orgId };
    case 'DISTRICT_AUTHORITY':
      if (filter.districtCode && filter.districtCode !== actor.regionCode) throw regionForbidden(filter.districtCode);
      return { ...filter, districtCode: actor.regionCode };
    case 'EXPERT':
      return { ...filter, expertId: actor.id };
    default:
      throw applicationReadForbidden();
  }
}

async function inRegion(actor: Actor, filter: ApplicationListFilter, callsWithin: CallsWithin): Promise<ApplicationListFilter> {
  if (actor.role === 'ADMIN') return filter;
  for (const asked of [filter.districtCode, filter.cityCode]) {
    if (asked && !readsRegion(actor, asked)) throw regionForbidden(asked);
  }
  const region = actor.regionCode;
  if (isCityCode(region)) return { ...filter, cityCode: region };
  if (!isProvinceCode(region)) return { ...filter, districtCode: region };
  // The read model filters on a city or a district, not a province: scope through the province's calls.
  const within = new Set(await callsWithin(region));
  const asked = filter.callId !== undefined ? [filter.callId] : filter.callIds;
  const callIds = asked === undefined ? [...within] : asked.filter((id) => within.has(id));
  return { ...filter, callId: undefined, callIds };
}
