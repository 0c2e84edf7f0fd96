import { at, businessDate, closed, documentNumber, optional, text, type Static } from '../shared/schema/builders';
import { codeLists, type CodeOf } from '../shared/code-lists';
import codes from './enterprise.codes.json';

export const { enterpriseTags } = codeLists(codes);

/** Recognitions an enterprise may hold for a period, each granted under an authority's document. */
export type EnterpriseTagCode = CodeOf<typeof enterpriseTags>;

export const EnterpriseTagSchema = enterpriseTags.schema('企业称号', 'EnterpriseTag');

/** What a grant of a tag records (EnterpriseTagGranted carries it, with the enterprise's id). Dates are business dates (YYYY-MM-DD), both ends inclusive. */
export const ENTERPRISE_TAG_GRANT_TERMS = {
  tag: EnterpriseTagSchema,
  issuedBy: text('认定机关, e.g. 广东省工业和信息化厅'),
  documentNumber: optional(documentNumber('发文字号 of the recognition: issuer〔year〕number号')),
  validFrom: businessDate('First day it counts'),
  validUntil: businessDate('Last day it counts, not before validFrom; no overlap with another grant of the same tag'),
  grantedAt: at('When it was recorded'),
};
const EnterpriseTagGrantTermsSchema = closed(ENTERPRISE_TAG_GRANT_TERMS);
export type EnterpriseTagGrantTerms = Static<typeof EnterpriseTagGrantTermsSchema>;

/** One grant of a tag, as the record holds it. */
export type EnterpriseTagGrant = EnterpriseTagGrantTerms & {
  /** Set once revoked: the grant stops counting from `revokedOn` (that day included). */
  revocation?: { revokedOn: string; reason: string; revokedAt: string };
};

/** Whether the grant counts on a business date. */
export function isTagGrantValidOn(grant: EnterpriseTagGrant, date: string): boolean {
  if (date < grant.validFrom || date > grant.validUntil) return false;
  return grant.revocation === undefined || date < grant.revocation.revokedOn;
}

/** Whether the grant counts on some day of [from, until]. */
export function tagGrantOverlaps(grant: EnterpriseTagGrant, from: string, until: string): boolean {
  if (until < grant.validFrom || from > grant.validUntil) return false;
  const revokedOn = grant.revocation?.revokedOn;
  return revokedOn === undefined || (from < revokedOn && grant.validFrom < revokedOn);
}

/** Not yet over on `date` and not revoked: what a revocation on that date takes away. */
export const isTagGrantOutstandingOn = (grant: EnterpriseTagGrant, date: string): boolean =>
  grant.revocation === undefined && grant.validUntil >= date;

/** The business date before `date` (calendar arithmetic only; reads no clock). */
function dayBefore(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

/** The days a grant actually counts, both ends inclusive, or undefined when a revocation left none. */
export function effectiveTagPeriod(grant: EnterpriseTagGrant): { tag: EnterpriseTagCode; validFrom: string; validUntil: string } | undefined {
  const revokedOn = grant.revocation?.revokedOn;
  if (revokedOn === undefined || revokedOn > grant.validUntil) return { tag: grant.tag, validFrom: grant.validFrom, validUntil: grant.validUntil };
  if (revokedOn <= grant.validFrom) return undefined;
  return { tag: grant.tag, validFrom: grant.validFrom, validUntil: dayBefore(revokedOn) };
}
