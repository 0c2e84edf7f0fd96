import type { Actor, Role } from '@sme/domain';
import { isWithinRegion } from '@sme/domain/shared/region-code';
import type { ExpertView } from '@sme/read-models/expert.projection';
import type { ExpertListFilter } from '@sme/read-models/queries/expert-list';
import { ApiError } from '../http/api-error';
import { regionFilterWithin } from '../records/read-scope';

/**
 * Who reads which experts: an expert their own record; the hub, the authorities and auditors those
 * inside their region (a province's code: the whole province; a city's: the whole city; a district's:
 * that district).
 */
export const EXPERT_READERS: Role[] = ['EXPERT', 'HUB', 'CITY_AUTHORITY', 'DISTRICT_AUTHORITY', 'AUDITOR'];

export const expertReadForbidden = () => ApiError.forbidden('EXPERT_READ_FORBIDDEN', '无权查看该专家', 'You may not read this expert');

const REGIONAL = new Set<Role>(['HUB', 'CITY_AUTHORITY', 'DISTRICT_AUTHORITY', 'AUDITOR']);

export function mayReadExpert(actor: Actor, expert: Pick<ExpertView, 'id' | 'regionCode'>): boolean {
  if (actor.role === 'EXPERT') return expert.id === actor.id;
  return REGIONAL.has(actor.role) && isWithinRegion(expert.regionCode, actor.regionCode);
}

/** Narrows a list request to what the actor may read; a filter naming another region is refused. */
export function scopeExpertFilter(actor: Actor, filter: ExpertListFilter): ExpertListFilter {
  if (actor.role === 'EXPERT') return { ...filter, expertId: actor.id };
  if (!REGIONAL.has(actor.role)) throw expertReadForbidden();
  const asked = [filter.cityCode, filter.regionCode].filter((code): code is string => code !== undefined);
  for (const code of asked) {
    if (!isWithinRegion(code, actor.regionCode)) {
      throw ApiError.forbidden('REGION_NOT_PERMITTED', `无权查看 ${code} 的专家`, `You may not read the experts of ${code}`);
    }
  }
  return {
    ...filter,
    ...regionFilterWithin(actor.regionCode),
    ...(filter.cityCode ? { cityCode: filter.cityCode } : {}),
    ...(filter.regionCode ? { regionCode: filter.regionCode } : {}),
  };
}
