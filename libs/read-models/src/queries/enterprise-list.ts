import { isCityCode, isProvinceCode } from '@sme/domain/shared/region-code';
import type { EnterpriseTagCode } from '@sme/domain/enterprise/enterprise-tags';
import type { IndustryCode, SizeClass } from '@sme/domain/shared/size-class';
import type { Filter } from '../document-store/document-store.port';
import type { EnterpriseView } from '../enterprise.projection';
import { allOf, equalFields } from './conditions';
import { cursorPage, type PageRequest } from './cursor-page';
import { containsText, sortKeys, type ReadModelReader } from './read-model-reader';

export interface EnterpriseListFilter {
  /** A district, a city (every district in it) or a province (every code in it). */
  regionCode?: string;
  industryCode?: IndustryCode;
  sizeClass?: SizeClass;
  /** Only with `tagValidOn`: enterprises holding this tag on that date. */
  tag?: EnterpriseTagCode;
  /** A business date YYYY-MM-DD: enterprises holding `tag` (or, without it, any tag) on that date. */
  tagValidOn?: string;
  /** Only the enterprise with this USCC (an enterprise reading its own). */
  uscc?: string;
  /** Case-insensitive text in the name, or part of the USCC. */
  q?: string;
}

export const ENTERPRISE_SORTS = ['name', 'registeredAt', 'updatedAt'] as const;

/** The documents of enterprises inside `regionCode`, by the level of the code. */
export function regionCondition(regionCode: string): Filter {
  if (isProvinceCode(regionCode)) return { provinceCode: regionCode };
  if (isCityCode(regionCode)) return { cityCode: regionCode };
  return { regionCode };
}

/**
 * The query for a list request. `tagSlots` is the largest `tagPeriodCount` of any document: a period is
 * matched entry by entry (`tagPeriods.<i>.…`), since the stores share no $elemMatch.
 */
export function enterpriseFilter(filter: EnterpriseListFilter, tagSlots = 0): Filter {
  const all: Filter[] = [];
  if (filter.regionCode) all.push(regionCondition(filter.regionCode));
  all.push(...equalFields(filter, ['industryCode', 'sizeClass', 'uscc']));
  if (filter.tagValidOn) {
    const day = filter.tagValidOn;
    const slots = Array.from({ length: tagSlots }, (_, i) => ({
      ...(filter.tag ? { [`tagPeriods.${i}.tag`]: filter.tag } : {}),
      [`tagPeriods.${i}.validFrom`]: { $lte: day },
      [`tagPeriods.${i}.validUntil`]: { $gte: day },
    }));
    all.push(slots.length > 0 ? { $or: slots } : { tagPeriodCount: { $lt: 0 } });
  }
  if (filter.q) all.push({ $or: [{ name: containsText(filter.q) }, { uscc: containsText(filter.q.toUpperCase()) }] });
  return allOf(all);
}

/** The 中小企业数据库 list: filters, sort (name, registeredAt, updatedAt), cursor paging, total. */
export async function listEnterprises(reader: ReadModelReader, filter: EnterpriseListFilter, sort: string | undefined, page: PageRequest) {
  const keys = sortKeys(sort, ENTERPRISE_SORTS, 'name');
  const collection = await reader.collection<EnterpriseView>('enterprises');
  let tagSlots = 0;
  if (filter.tagValidOn) {
    const [widest] = await collection.find({}, { sort: { tagPeriodCount: -1, _id: 1 }, limit: 1 });
    tagSlots = widest?.tagPeriodCount ?? 0;
  }
  return cursorPage(collection, enterpriseFilter(filter, tagSlots), keys, page);
}
