import type { Actor, Role } from '@sme/domain';
import { isCityCode, isProvinceCode } from '@sme/domain/shared/region-code';
import type { ExpertView } from '@sme/read-models/expert.projection';
import type { ExpertListFilter } from '@sme/read-models/queries/expert-list';
import { ApiError } from '../http/api-error';

/**
 * Who reads which experts: an expert their own record; the hub and the authorities those inside their
 * region (a city's code: the whole city; a district's: that district); auditors all.
 */
export const EXPERT_READERS: Role[] = ['EXPERT', 'HUB', 'CITY_AUTHORITY', 'DISTRICT_AUTHORITY', 'AUDITOR'];

export const expertReadForbidden = () => ApiError.forbidden('EXPERT_READ_FORBIDDEN', '无权查看该专家', 'You may not read this expert');

const REGIONAL = new Set<Role>(['HUB', 'CITY_AUTHORITY', 'DISTRICT_AUTHORITY']);

/** The part of the registry inside an actor's region. */
function regionScope(regionCode: string): Pick<ExpertListFilter, 'cityCode' | 'regionCode' | 'regionPrefix'> {
  if (isProvinceCode(regionCode)) return { regionPrefix: regionCode.slice(0, 2) };
  if (isCityCode(regionCode)) return { cityCode: regionCode };
  return { regionCode };
}

function insideRegion(actor: Actor, expert: Pick<ExpertView, 'regionCode' | 'cityCode'>): boolean {
  const scope = regionScope(actor.regionCode);
  if (scope.regionPrefix !== undefined) return expert.regionCode.startsWith(scope.regionPrefix);
  if (scope.cityCode !== undefined) return expert.cityCode === scope.cityCode;
  return expert.regionCode === scope.regionCode;
}

export function mayReadExpert(actor: Actor, expert: Pick<ExpertView, 'id' | 'regionCode' | 'cityCode'>): boolean {
  if (actor.role === 'AUDITOR') return true;
  if (actor.role === 'EXPERT') return expert.id === actor.id;
  return REGIONAL.has(actor.role) && insideRegion(actor, expert);
}

/** Narrows a list request to what the actor may read; a filter naming another region is refused. */
export function scopeExpertFilter(actor: Actor, filter: ExpertListFilter): ExpertListFilter {
  if (actor.role === 'AUDITOR') return filter;
  if (actor.role === 'EXPERT') return { ...filter, expertId: actor.id };
  if (!REGIONAL.has(actor.role)) throw expertReadForbidden();
  const scope = regionScope(actor.regionCode);
  const asked = [filter.cityCode, filter.regionCode].filter((code): code is string => code !== undefined);
  for (const code of asked) {
    if (!insideRegion(actor, { regionCode: code, cityCode: `${code.slice(0, 4)}00` })) {
      throw ApiError.forbidden('REGION_NOT_PERMITTED', `无权查看 ${code} 的专家`, `You may not read the experts of ${code}`);
    }
  }
  return { ...filter, ...scope, ...(filter.cityCode ? { cityCode: filter.cityCode } : {}), ...(filter.regionCode ? { regionCode: filter.regionCode } : {}) };
}
