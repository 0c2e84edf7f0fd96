import type { Actor } from '@sme/domain';
import type { DemandListFilter, DemandView } from '@sme/read-models';
import { ApiError } from '../http/api-error';
import { mayReadOwned, scopeOwnedList, withinActorRegion, type OwnedReads } from '../records/read-scope';

export const demandReadForbidden = () => ApiError.forbidden('DEMAND_READ_FORBIDDEN', '无权查看该服务需求', 'You may not read this demand');

/**
 * Who reads which demands: an ENTERPRISE its own; ADMIN every one; STATION_OPERATOR, HUB, the
 * authorities and the oversight roles (AUDITOR, SUPERVISOR, EVALUATOR) those of enterprises inside
 * their region — a province-level actor its province, a city-level one its city, a district its
 * district; others none. A demand describes an enterprise's business, so oversight stays where the
 * overseer answers for it.
 */
const DEMAND_READS: OwnedReads = {
  owner: 'ENTERPRISE',
  regional: ['CITY_AUTHORITY', 'DISTRICT_AUTHORITY', 'HUB', 'STATION_OPERATOR', 'AUDITOR', 'SUPERVISOR', 'EVALUATOR'],
  forbidden: demandReadForbidden,
};

export function mayReadDemand(actor: Actor, demand: Pick<DemandView, 'enterpriseUscc' | 'regionCode'>): boolean {
  return mayReadOwned(actor, DEMAND_READS, demand.enterpriseUscc, demand.regionCode);
}

export function scopeDemandFilter(actor: Actor, filter: DemandListFilter): DemandListFilter {
  return scopeOwnedList(actor, DEMAND_READS, filter, {
    // A demand carries the USCC as parsed (trimmed, upper-case): the organisation's key.
    own: (enterpriseUscc) => ({ ...filter, enterpriseUscc }),
    inRegion: (asked) => withinActorRegion(actor, asked, { zh: '服务需求', en: 'demands' }),
  });
}
