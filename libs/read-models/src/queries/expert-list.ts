import type { Filter } from '../document-store/document-store.port';
import type { ExpertView } from '../expert.projection';
import { allOf, equalFields, regionCodeStartsWith } from './conditions';
import { cursorPage, type Page, type PageRequest } from './cursor-page';
import { containsText, sortKeys, type ReadModelReader } from './read-model-reader';

/** REGISTERED, REMOVED as recorded; ADMITTED: admitted and not suspended at `at`; SUSPENDED: a suspension in force at `at`. */
export const EXPERT_LIST_STATUSES = ['REGISTERED', 'ADMITTED', 'SUSPENDED', 'REMOVED'] as const;
export type ExpertListStatus = (typeof EXPERT_LIST_STATUSES)[number];

export interface ExpertListFilter {
  status?: ExpertListStatus;
  /** The moment `status` is judged at (ISO instant); defaults to now. */
  at?: string;
  cityCode?: string;
  regionCode?: string;
  /** Experts of every region whose code starts with these digits (a province: two). */
  regionPrefix?: string;
  /** Only this expert (an expert reads their own record). */
  expertId?: string;
  /** A service domain among the expert's specialties. */
  specialty?: string;
  /** The organisation's id exactly (a USCC in any case), or text in its name. */
  organisation?: string;
  /** Case-insensitive text in the expert's name. */
  q?: string;
}

export const EXPERT_SORTS = ['registeredAt', 'name', 'updatedAt'] as const;

export function expertFilter(filter: ExpertListFilter): Filter {
  const all: Filter[] = [];
  if (filter.expertId !== undefined) all.push({ _id: filter.expertId });
  all.push(...equalFields(filter, ['cityCode', 'regionCode']));
  if (filter.regionPrefix) all.push(regionCodeStartsWith(filter.regionPrefix));
  if (filter.specialty) all.push({ 'specialties.domain': filter.specialty });
  if (filter.organisation) {
    const organisation = filter.organisation.trim();
    all.push({
      $or: [{ 'organisation.id': organisation }, { 'organisation.id': organisation.toUpperCase() }, { 'organisation.name': containsText(organisation) }],
    });
  }
  if (filter.q) all.push({ name: containsText(filter.q) });
  const at = filter.at ?? new Date().toISOString();
  switch (filter.status) {
    case undefined:
      break;
    case 'REGISTERED':
    case 'REMOVED':
      all.push({ status: filter.status });
      break;
    case 'ADMITTED':
      all.push({ status: 'ADMITTED' }, { $or: [{ suspension: null }, { 'suspension.from': { $gt: at } }, { 'suspension.endsAt': { $lt: at } }] });
      break;
    case 'SUSPENDED':
      all.push(
        { status: 'ADMITTED' },
        { suspension: { $ne: null } },
        { 'suspension.from': { $lte: at } },
        { $or: [{ 'suspension.endsAt': null }, { 'suspension.endsAt': { $gte: at } }] },
      );
      break;
  }
  return allOf(all);
}

/** The expert registry list: filters, sort, keyset paging and the total. */
export async function listExperts(
  reader: ReadModelReader,
  filter: ExpertListFilter,
  sort: string | undefined,
  page: PageRequest,
): Promise<Page<ExpertView & { _id: string; _position: number }>> {
  return cursorPage(await reader.collection<ExpertView>('experts'), expertFilter(filter), sortKeys(sort, EXPERT_SORTS, 'registeredAt'), page);
}
