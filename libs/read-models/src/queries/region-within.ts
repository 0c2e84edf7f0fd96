import { isCityCode, isProvinceCode } from '@sme/domain/shared/region-code';
import type { Filter } from '../document-store/document-store.port';

/**
 * Documents whose region code at `field` (a dotted path) lies within `code`: a province holds its
 * cities and districts, a city its districts (and itself), a district only itself.
 */
export function regionWithin(field: string, code: string): Filter {
  if (isProvinceCode(code)) return { [field]: { $regex: `^${code.slice(0, 2)}` } };
  if (isCityCode(code)) return { [field]: { $regex: `^${code.slice(0, 4)}` } };
  return { [field]: code };
}
