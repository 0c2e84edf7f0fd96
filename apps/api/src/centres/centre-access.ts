import { organisationKey, sameOrganisation, type Actor, type Role } from '@sme/domain';
import type { CentreListFilter, CentreView } from '@sme/read-models';
import { ApiError } from '../http/api-error';
import { regionalRead, regionFilterWithin, withinActorRegion } from '../records/read-scope';

/**
 * Who reads which centres: ADMIN all; the authorities, the hub and the oversight roles (AUDITOR,
 * SUPERVISOR, EVALUATOR) those inside their region; a centre's own staff (CENTRE_OPERATOR) its own.
 */
const READS_REGION: readonly Role[] = ['CITY_AUTHORITY', 'DISTRICT_AUTHORITY', 'HUB', 'AUDITOR', 'SUPERVISOR', 'EVALUATOR'];
export const CENTRE_READERS: readonly Role[] = ['ADMIN', 'CENTRE_OPERATOR', ...READS_REGION];

export const centreReadForbidden = () => ApiError.forbidden('CENTRE_READ_FORBIDDEN', '无权查看该服务中心', 'You may not read this centre');

export function mayReadCentre(actor: Actor, centre: Pick<CentreView, 'orgId' | 'regionCode'>): boolean {
  if (actor.role === 'CENTRE_OPERATOR') return sameOrganisation(actor.orgId, centre.orgId);
  return regionalRead(actor, READS_REGION, centre.regionCode) ?? false;
}

const CENTRES = { zh: '服务中心', en: 'centres' };

/** A list as the actor may read it: ADMIN any region asked; the regional roles inside theirs; an operator its own. */
export function scopeCentreFilter(actor: Actor, filter: CentreListFilter & { regionCode?: string }): CentreListFilter {
  const { regionCode, ...rest } = filter;
  if (actor.role === 'CENTRE_OPERATOR') return { ...rest, ...(regionCode ? regionFilterWithin(regionCode) : {}), orgId: organisationKey(actor.orgId) };
  if (actor.role === 'ADMIN') return { ...rest, ...(regionCode ? regionFilterWithin(regionCode) : {}) };
  if (!READS_REGION.includes(actor.role)) throw centreReadForbidden();
  const within = withinActorRegion(actor, { regionCode }, CENTRES).regionCode as string;
  return { ...rest, ...regionFilterWithin(within) };
}
