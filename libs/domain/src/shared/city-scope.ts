import type { Actor, Role } from './decider';
import { forbidden, invalid } from './domain-error';
import { cityCodeOf, isCityCode, isCountyCode, regionNameZh } from './region-code';

/** The roles that run the 库 of a city: the hub (服务总站) and the city's SME authority. */
export const CITY_STEWARD_ROLES: readonly Role[] = ['HUB', 'CITY_AUTHORITY'];

/** The city- or county-level GB/T 2260 code given, trimmed, or undefined when it is none (a provider or expert sits in a city). */
export function asLocalRegionCode(code: unknown): string | undefined {
  const value = typeof code === 'string' ? code.trim() : '';
  return isCityCode(value) || isCountyCode(value) ? value : undefined;
}

/** REGION_CODE_INVALID unless `code` is a city- or county-level GB/T 2260 code (a provider or expert sits in a city). */
export function requireLocalRegionCode(code: unknown, field: string): string {
  const value = asLocalRegionCode(code);
  if (value === undefined) {
    throw invalid(
      'REGION_CODE_INVALID',
      `“${String(code)}”不是地级市或区县级行政区划代码`,
      `"${String(code)}" is not a city- or county-level region code`,
      field,
    );
  }
  return value;
}

/** ROLE_NOT_PERMITTED unless the actor holds one of `roles`. */
export function requireAnyRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) {
    throw forbidden(
      'ROLE_NOT_PERMITTED',
      `此操作仅限以下角色：${roles.join('、')}（当前角色：${actor.role}）`,
      `Only ${roles.join(' or ')} may do this (actor's role: ${actor.role})`,
    );
  }
}

/** REGION_NOT_PERMITTED unless the actor's region lies in the same city as `regionCode` (same first four digits). */
export function requireSameCity(actor: Actor, regionCode: string): void {
  if (typeof actor.regionCode !== 'string' || actor.regionCode.slice(0, 4) !== regionCode.slice(0, 4)) {
    const city = cityCodeOf(regionCode);
    throw forbidden(
      'REGION_NOT_PERMITTED',
      `此记录属于${regionNameZh(city)}，不在您的管辖范围（${regionNameZh(actor.regionCode)}）内`,
      `This record belongs to city ${city}, outside the actor's region ${actor.regionCode}`,
    );
  }
}

/** The hub or city authority of the record's city. */
export function requireCitySteward(actor: Actor, regionCode: string): void {
  requireAnyRole(actor, CITY_STEWARD_ROLES);
  requireSameCity(actor, regionCode);
}
