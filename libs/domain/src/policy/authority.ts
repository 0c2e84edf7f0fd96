import type { Actor } from '../shared/decider';
import { forbidden } from '../shared/domain-error';
import { regionNameZh } from '../shared/region-code';
import { isWithinRegion } from '../shared/region-code';

/**
 * The record's region must lie within the actor's: a district actor acts on its district, a city
 * actor (a city bureau, the hub) on the city and its districts, a province actor on the province.
 */
export function requireRegionWithin(actor: Actor, regionCode: string): void {
  if (!isWithinRegion(regionCode, actor.regionCode)) {
    throw forbidden(
      'REGION_NOT_PERMITTED',
      `此记录属于${regionNameZh(regionCode)}，不在您的管辖范围（${regionNameZh(actor.regionCode)}）内`,
      `This record belongs to region ${regionCode}, outside the actor's region ${actor.regionCode}`,
    );
  }
}
