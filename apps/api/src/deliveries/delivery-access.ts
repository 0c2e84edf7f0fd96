import { organisationKey, sameOrganisation, type Actor, type Role } from '@sme/domain';
import type { DeliveryListFilter, DeliveryView, FollowUpListFilter, FollowUpView } from '@sme/read-models';
import { ApiError } from '../http/api-error';
import { regionalRead, withinActorRegion } from '../records/read-scope';

/**
 * Who reads which deliveries and follow-ups: the enterprise served and the serving organisation
 * their own; ADMIN all; the hub, the authorities and the oversight roles (AUDITOR, SUPERVISOR,
 * EVALUATOR) those given inside their region. A delivery describes an enterprise's business, so
 * oversight stays where the overseer answers for it.
 */
const READS_REGION: readonly Role[] = ['CITY_AUTHORITY', 'DISTRICT_AUTHORITY', 'HUB', 'AUDITOR', 'SUPERVISOR', 'EVALUATOR'];
const SERVES: readonly Role[] = ['PROVIDER', 'STATION_OPERATOR', 'CENTRE_OPERATOR'];

type Parties = Pick<DeliveryView, 'server' | 'enterprise' | 'regionCode'>;

export const deliveryReadForbidden = () => ApiError.forbidden('DELIVERY_READ_FORBIDDEN', '无权查看该服务项目', 'You may not read this delivery');
export const followUpReadForbidden = () => ApiError.forbidden('FOLLOW_UP_READ_FORBIDDEN', '无权查看该差评跟进', 'You may not read this follow-up');

/** The parties' own records, and the region's for those who read by region. */
export function mayReadService(actor: Actor, record: Parties): boolean {
  if (actor.role === 'ENTERPRISE') return sameOrganisation(actor.orgId, record.enterprise.uscc);
  if (sameOrganisation(actor.orgId, record.server.orgId) && (SERVES.includes(actor.role) || actor.role === 'HUB')) return true;
  return regionalRead(actor, READS_REGION, record.regionCode) ?? false;
}

/** A follow-up is read as its delivery is: its region is the enterprise's. */
export const mayReadFollowUp = (actor: Actor, followUp: Pick<FollowUpView, 'server' | 'enterprise'>): boolean =>
  mayReadService(actor, { server: followUp.server, enterprise: followUp.enterprise, regionCode: followUp.enterprise.regionCode });

/** A list as the actor may read it: its own, or its region's. */
export function scopeServiceFilter<F extends DeliveryListFilter | FollowUpListFilter>(actor: Actor, filter: F, what: { zh: string; en: string }): F {
  if (actor.role === 'ADMIN') return filter;
  if (actor.role === 'ENTERPRISE') return { ...filter, enterpriseUscc: organisationKey(actor.orgId) };
  if (SERVES.includes(actor.role)) return { ...filter, serverOrgId: actor.orgId };
  if (!READS_REGION.includes(actor.role)) throw ApiError.forbidden('SERVICE_READ_FORBIDDEN', `无权查看${what.zh}`, `You may not read ${what.en}`);
  return withinActorRegion(actor, filter, what);
}
