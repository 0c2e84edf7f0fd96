import type { Actor } from '@sme/domain';
import type { ApplicationListFilter, ApplicationView } from '@sme/read-models';
import { ApiError } from '../http/api-error';

/**
 * Who may read which applications. An application holds an operator's finances and contacts, so:
 * an operator reads its own, a district authority those of its district, an expert those on whose
 * panel it sits; city, hub, auditors, supervisors, evaluators and admins read all; others none.
 */
const READS_ALL = new Set(['CITY_AUTHORITY', 'HUB', 'AUDITOR', 'SUPERVISOR', 'EVALUATOR', 'ADMIN']);

export function mayRead(actor: Actor, application: ApplicationView): boolean {
  if (READS_ALL.has(actor.role)) return true;
  switch (actor.role) {
    case 'STATION_OPERATOR':
      return application.ownerOrgId === actor.orgId;
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

/** Narrows a list request to what the actor may see; refuses a filter outside it. */
export function scopeFilter(actor: Actor, filter: ApplicationListFilter): ApplicationListFilter {
  if (READS_ALL.has(actor.role)) return filter;
  switch (actor.role) {
    case 'STATION_OPERATOR':
      return { ...filter, ownerOrgId: actor.orgId };
    case 'DISTRICT_AUTHORITY':
      if (filter.districtCode && filter.districtCode !== actor.regionCode) {
        throw ApiError.forbidden(
          'REGION_NOT_PERMITTED',
          `无权查看 ${filter.districtCode} 的申请`,
          `You may not read applications of ${filter.districtCode}`,
        );
      }
      return { ...filter, districtCode: actor.regionCode };
    case 'EXPERT':
      return { ...filter, expertId: actor.id };
    default:
      throw applicationReadForbidden();
  }
}
