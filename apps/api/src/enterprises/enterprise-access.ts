import type { Actor, Role } from '@sme/domain';
import type { EnterpriseListFilter, EnterpriseView } from '@sme/read-models';
import { ApiError } from '../http/api-error';
import { mayReadOwned, scopeOwnedList, withinActorRegion, type OwnedReads } from '../records/read-scope';

/**
 * Who reads which enterprise records (中小企业数据库). An enterprise's figures are its own business, so:
 * - ENTERPRISE: its own record only (the one whose USCC is its orgId);
 * - CITY_AUTHORITY, DISTRICT_AUTHORITY, HUB, STATION_OPERATOR: the enterprises inside their region
 *   (a district holds itself, a city its districts, a province its cities) — the ones they serve or oversee;
 * - AUDITOR, SUPERVISOR, EVALUATOR: likewise the enterprises inside their region — a province's reads
 *   its province, a city's its city;
 * - ADMIN: every record;
 * - EXPERT, PROVIDER: none.
 */
export const ENTERPRISE_READS_ALL: readonly Role[] = ['ADMIN'];
export const ENTERPRISE_READS_REGION: readonly Role[] = ['CITY_AUTHORITY', 'DISTRICT_AUTHORITY', 'HUB', 'STATION_OPERATOR', 'AUDITOR', 'SUPERVISOR', 'EVALUATOR'];

export const enterpriseReadForbidden = () =>
  ApiError.forbidden('ENTERPRISE_READ_FORBIDDEN', '无权查看该企业信息', 'You may not read this enterprise');

const ENTERPRISE_READS: OwnedReads = { owner: 'ENTERPRISE', regional: ENTERPRISE_READS_REGION, forbidden: enterpriseReadForbidden };

export function mayReadEnterprise(actor: Actor, enterprise: Pick<EnterpriseView, 'uscc' | 'regionCode'>): boolean {
  return mayReadOwned(actor, ENTERPRISE_READS, enterprise.uscc, enterprise.regionCode);
}

/** Narrows a list request to what the actor may read; a region filter outside the actor's region is a 403. */
export function scopeEnterpriseFilter(actor: Actor, filter: EnterpriseListFilter): EnterpriseListFilter {
  return scopeOwnedList(actor, ENTERPRISE_READS, filter, {
    // Stored USCCs are canonical (trimmed, upper case): the organisation's key finds its record. A blank
    // one would filter nothing.
    own: (uscc) => {
      if (uscc === '') throw enterpriseReadForbidden();
      return { ...filter, uscc };
    },
    inRegion: (asked) => withinActorRegion(actor, asked, { zh: '企业', en: 'enterprises' }),
  });
}
