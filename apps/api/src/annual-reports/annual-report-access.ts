import { sameOrganisation, type Actor, type Role } from '@sme/domain';
import type { AnnualReportListFilter, AnnualReportView } from '@sme/read-models';
import { ApiError } from '../http/api-error';
import { regionalRead, withinActorRegion } from '../records/read-scope';

/**
 * Who reads which reports: the organisation its own (the hub its city report); the stewards (the hub,
 * the city authority) and the oversight roles (EVALUATOR, AUDITOR, SUPERVISOR) those inside their
 * region; ADMIN all.
 */
const READS_REGION: readonly Role[] = ['HUB', 'CITY_AUTHORITY', 'EVALUATOR', 'AUDITOR', 'SUPERVISOR'];
const REPORTS: readonly Role[] = ['PROVIDER', 'STATION_OPERATOR', 'CENTRE_OPERATOR'];
const WHAT = { zh: '年度总结', en: 'annual reports' };

export const annualReportReadForbidden = () => ApiError.forbidden('ANNUAL_REPORT_READ_FORBIDDEN', '无权查看该年度总结', 'You may not read this annual report');

export function mayReadAnnualReport(actor: Actor, r: Pick<AnnualReportView, 'subject' | 'hub' | 'regionCode'>): boolean {
  if (REPORTS.includes(actor.role)) return r.subject !== null && sameOrganisation(actor.orgId, r.subject.orgId);
  if (actor.role === 'HUB' && r.hub !== null && sameOrganisation(actor.orgId, r.hub.orgId)) return true;
  return regionalRead(actor, READS_REGION, r.regionCode) ?? false;
}

/** A list as the actor may read it: its own, or its region's. */
export function scopeAnnualReportFilter(actor: Actor, filter: AnnualReportListFilter): AnnualReportListFilter {
  if (actor.role === 'ADMIN') return filter;
  if (REPORTS.includes(actor.role)) return { ...filter, subjectOrgId: actor.orgId };
  if (!READS_REGION.includes(actor.role)) throw ApiError.forbidden('ANNUAL_REPORT_READ_FORBIDDEN', '无权查看年度总结', 'You may not read annual reports');
  return withinActorRegion(actor, filter, WHAT);
}

/** Who is late or missing: the stewards and the oversight roles, in their region. */
export function scopeMissingRegion(actor: Actor, regionCode: string | undefined): string | undefined {
  if (actor.role === 'ADMIN') return regionCode;
  if (!READS_REGION.includes(actor.role)) throw ApiError.forbidden('ANNUAL_REPORT_READ_FORBIDDEN', '无权查看年度总结报送情况', 'You may not read who has reported');
  return withinActorRegion(actor, { regionCode }, WHAT).regionCode;
}

export const MISSING_READERS: readonly Role[] = ['ADMIN', ...READS_REGION];
