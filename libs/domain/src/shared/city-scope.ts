import type { Role } from './decider';
import { invalid } from './domain-error';
import { isCityCode, isCountyCode } from './region-code';

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

