import { isWithinRegion, type Actor } from '@sme/domain';

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
