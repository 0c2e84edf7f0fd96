import { isBusinessDate } from '@sme/domain/shared/dates';
import { isCityCode, isProvinceCode } from '@sme/domain/shared/region-code';
import type { Filter } from '../document-store/document-store.port';

/** The documents matching every condition: `{}` for none, the condition itself for one. */
export function allOf(conditions: readonly Filter[]): Filter {
  if (conditions.length === 0) return {};
  return conditions.length === 1 ? conditions[0] : { $and: [...conditions] };
}

/** Documents whose region code starts with the digits of `prefix` (a province's or a city's leading digits). */
export function regionCodeStartsWith(prefix: string): Filter {
  return { regionCode: { $regex: `^${prefix.replace(/\D/g, '')}` } };
}

/** For each of `fields` the filter gives (a non-empty value), the documents whose field of the same name equals it. */
export function equalFields<F extends object>(filter: F, fields: readonly (keyof F & string)[]): Filter[] {
  return fields.filter((field) => filter[field]).map((field) => ({ [field]: filter[field] }));
}

/** For each filter field given (neither undefined nor empty), the documents whose field at its path (dotted) equals it. */
export function equalAt<F extends object>(filter: F, paths: { readonly [K in keyof F]?: string }): Filter[] {
  return (Object.entries(paths) as [keyof F, string][])
    .filter(([field]) => filter[field] !== undefined && filter[field] !== '')
    .map(([field, path]) => ({ [path]: filter[field] }));
}

/** The read models' form of a region: a province's codes, a city's districts, or one district. */
export function placeCondition(code: string): Filter {
  return isProvinceCode(code) ? regionCodeStartsWith(code.slice(0, 2)) : isCityCode(code) ? { cityCode: code } : { regionCode: code };
}

/** `value` as a bound of a period of business dates, or a RangeError naming the parameter. */
export function requireDay(value: string, name: string): string {
  if (!isBusinessDate(value)) throw new RangeError(`${name} must be a date YYYY-MM-DD`);
  return value;
}
