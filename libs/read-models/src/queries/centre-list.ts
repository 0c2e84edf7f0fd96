import type { CentreLevel, CentreStanding } from '@sme/domain/centre/centre.terms';
import { chinaDateOf } from '@sme/domain/shared/dates';
import type { CentreView } from '../centre.projection';
import type { Filter } from '../document-store/document-store.port';
import { allOf, equalFields, regionCodeStartsWith } from './conditions';
import { cursorPage, type Page, type PageRequest } from './cursor-page';
import { containsText, sortKeys, type ReadModelReader } from './read-model-reader';

export interface CentreListFilter {
  level?: CentreLevel;
  status?: CentreStanding;
  /** Centres of every region whose code starts with these digits (a province: two; a city: four). */
  regionPrefix?: string;
  /** Centres of a city: its own, its counties' and its towns'. */
  cityCode?: string;
  /** Exactly this region (a county; or a city's own centre and its towns). */
  regionCode?: string;
  /** Only the centre this operator runs (a CENTRE_OPERATOR reads its own). */
  orgId?: string;
  /** BELOW_STANDARD with the plan's deadline before `today`. */
  remediationOverdue?: boolean;
  /** The day `remediationOverdue` is judged on (China, YYYY-MM-DD). */
  today?: string;
  q?: string;
}

export const CENTRE_SORTS = ['recordedAt', 'name', 'regionCode', 'updatedAt', 'remediationDeadline'] as const;

export function centreFilter(filter: CentreListFilter): Filter {
  const all: Filter[] = [...equalFields(filter, ['level', 'status', 'cityCode', 'regionCode', 'orgId'])];
  if (filter.regionPrefix) all.push(regionCodeStartsWith(filter.regionPrefix));
  if (filter.remediationOverdue === true) all.push({ status: 'BELOW_STANDARD' }, { remediationDeadline: { $lt: filter.today ?? chinaDateOf(new Date()) } });
  if (filter.q) all.push({ name: containsText(filter.q) });
  return allOf(all);
}

/** The centres (建设情况汇总表): filters, sort, keyset paging and the total. */
export async function listCentres(reader: ReadModelReader, filter: CentreListFilter, sort: string | undefined, page: PageRequest): Promise<Page<CentreView & { _id: string; _position: number }>> {
  return cursorPage(await reader.collection<CentreView>('centres'), centreFilter(filter), sortKeys(sort, CENTRE_SORTS, 'regionCode'), page);
}
