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
