import { organisationKey, sameOrganisation, type Actor, type Role } from '@sme/domain';
import type { DemandListFilter, DemandView } from '@sme/read-models';
import { ApiError } from '../http/api-error';
import { regionalRead, withinActorRegion } from '../records/read-scope';

/**
 * Who reads which demands: an ENTERPRISE its own; ADMIN every one; STATION_OPERATOR, HUB, the
 * authorities and the oversight roles (AUDITOR, SUPERVISOR, EVALUATOR) those of enterprises inside
 * their region — a province-level actor its province, a city-level one its city, a district its
 * district; others none. A demand describes an enterprise's business, so oversight stays where the
 * overseer answers for it.
 */
const READS_ALL: readonly Role[] = ['ADMIN'];
const READS_REGION: readonly Role[] = ['CITY_AUTHORITY', 'DISTRICT_AUTHORITY', 'HUB', 'STATION_OPERATOR', 'AUDITOR', 'SUPERVISOR', 'EVALUATOR'];

export const demandReadForbidden = () => ApiError.forbidden('DEMAND_READ_FORBIDDEN', '无权查看该服务需求', 'You may not read this demand');

export function mayReadDemand(actor: Actor, demand: Pick<DemandView, 'enterpriseUscc' | 'regionCode'>): boolean {
  return regionalRead(actor, READS_REGION, demand.regionCode) ?? (actor.role === 'ENTERPRISE' && sameOrganisation(actor.orgId, demand.enterpriseUscc));
}

export function scopeDemandFilter(actor: Actor, filter: DemandListFilter): DemandListFilter {
  if (READS_ALL.includes(actor.role)) return filter;
  // A demand carries the USCC as parsed (trimmed, upper-case): the organisation's key.
  if (actor.role === 'ENTERPRISE') return { ...filter, enterpriseUscc: organisationKey(actor.orgId) };
  if (!READS_REGION.includes(actor.role)) throw demandReadForbidden();
  return withinActorRegion(actor, filter, { zh: '服务需求', en: 'demands' });
}
