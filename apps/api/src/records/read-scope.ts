import { isCityCode, isProvinceCode, isWithinRegion, organisationKey, sameOrganisation, type Actor, type Role } from '@sme/domain';
import { ApiError } from '../http/api-error';

/**
 * Whether a reader whose access follows its region may read a record of `regionCode`: ADMIN reads
 * everything; anyone else the records inside its own region (GB/T 2260: a province-level role its
 * province, a city-level role its city, a district-level role its district). A record whose region is
 * unknown is read by ADMIN only.
 */
export function readsRegion(actor: Actor, regionCode: string | undefined): boolean {
  if (actor.role === 'ADMIN') return true;
  return regionCode !== undefined && isWithinRegion(regionCode, actor.regionCode);
}

/**
 * The region part of a kind's read rule: ADMIN reads every record, the `regional` roles those inside
 * their region. Undefined for any other role: the kind's own rule (its owner, …) decides.
 */
export function regionalRead(actor: Actor, regional: readonly Role[], regionCode: string | undefined): boolean | undefined {
  return actor.role === 'ADMIN' || regional.includes(actor.role) ? readsRegion(actor, regionCode) : undefined;
}

/**
 * The read rule of a record one organisation owns (an enterprise's record, its demand, a provider's
 * record): the `owner` role reads its own organisation's, the `regional` roles those inside their
 * region, ADMIN every one; others none (`forbidden`).
 */
export interface OwnedReads {
  owner: Role;
  regional: readonly Role[];
  forbidden: () => ApiError;
}

/** Whether `actor` may read a record of `regionCode` owned by the organisation `ownerOrg`. */
export function mayReadOwned(actor: Actor, reads: OwnedReads, ownerOrg: string, regionCode: string | undefined): boolean {
  return regionalRead(actor, reads.regional, regionCode) ?? (actor.role === reads.owner && sameOrganisation(actor.orgId, ownerOrg));
}

/**
 * A list as `actor` may read it: ADMIN's as asked; the owner's narrowed by `own` to its organisation's
 * key (trimmed, upper case, as records keep it); a regional role's by `inRegion`; others refused.
 */
export function scopeOwnedList<F>(actor: Actor, reads: OwnedReads, filter: F, narrow: { own: (orgKey: string) => F; inRegion: (filter: F) => F }): F {
  if (actor.role === 'ADMIN') return filter;
  if (actor.role === reads.owner) return narrow.own(organisationKey(actor.orgId));
  if (!reads.regional.includes(actor.role)) throw reads.forbidden();
  return narrow.inRegion(filter);
}

/**
 * A list's `regionCode` filter for a reader who reads by region: its own region when none is asked;
 * a region outside its own is a 403 naming what the list holds (`{ zh: '企业', en: 'enterprises' }`).
 */
export function withinActorRegion<F extends { regionCode?: string }>(actor: Actor, filter: F, records: { zh: string; en: string }): F {
  if (filter.regionCode === undefined) return { ...filter, regionCode: actor.regionCode };
  if (!isWithinRegion(filter.regionCode, actor.regionCode)) {
    throw ApiError.forbidden(
      'REGION_NOT_PERMITTED',
      `无权查看 ${filter.regionCode} 的${records.zh}（您的辖区：${actor.regionCode}）`,
      `You may not read ${records.en} of ${filter.regionCode} (your region: ${actor.regionCode})`,
    );
  }
  return filter;
}

/** The records inside a region as a list filter (the read models' form of `isWithinRegion`). */
export function regionFilterWithin(regionCode: string): { regionPrefix?: string; cityCode?: string; regionCode?: string } {
  if (isProvinceCode(regionCode)) return { regionPrefix: regionCode.slice(0, 2) };
  if (isCityCode(regionCode)) return { cityCode: regionCode };
  return { regionCode };
}
