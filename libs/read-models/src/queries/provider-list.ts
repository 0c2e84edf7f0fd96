import type { Filter } from '../document-store/document-store.port';
import type { ProviderMovementView, ProviderView } from '../provider.projection';
import { allOf, equalFields, regionCodeStartsWith } from './conditions';
import { cursorPage, type Page, type PageRequest } from './cursor-page';
import { containsText, sortKeys, type ReadModelReader } from './read-model-reader';

export const PROVIDER_STATUSES = ['APPLIED', 'REFUSED', 'IN_POOL', 'REMOVED'] as const;
export const PROVIDER_SORTS = ['appliedAt', 'name', 'updatedAt'] as const;

export interface ProviderListFilter {
  status?: (typeof PROVIDER_STATUSES)[number];
  /** A service domain among the provider's. */
  domain?: string;
  regionCode?: string;
  cityCode?: string;
  /** Providers of every region whose code starts with these digits (a province: two). */
  regionPrefix?: string;
  /** Only the provider of this organisation (a PROVIDER reads its own record). */
  uscc?: string;
  /** Case-insensitive text in the name, or the USCC. */
  q?: string;
  /** In the 库 at this instant (ISO), judged from the dated pool periods. */
  inPoolAt?: string;
  warned?: boolean;
}

export function providerFilter(filter: ProviderListFilter, maxSpans = 0): Filter {
  const all: Filter[] = [];
  if (filter.status) all.push({ status: filter.status });
  if (filter.domain) all.push({ serviceDomains: filter.domain });
  all.push(...equalFields(filter, ['regionCode', 'cityCode']));
  if (filter.regionPrefix) all.push(regionCodeStartsWith(filter.regionPrefix));
  if (filter.uscc) all.push({ uscc: filter.uscc });
  if (filter.warned !== undefined) all.push({ warned: filter.warned });
  if (filter.q) all.push({ $or: [{ name: containsText(filter.q) }, { uscc: filter.q.trim().toUpperCase() }] });
  if (filter.inPoolAt !== undefined) {
    // Matched span by span: the stores share no $elemMatch.
    const at = filter.inPoolAt;
    const spans = Array.from({ length: maxSpans }, (_, i) => ({
      $and: [{ [`poolSpans.${i}.from`]: { $lte: at } }, { $or: [{ [`poolSpans.${i}.to`]: null }, { [`poolSpans.${i}.to`]: { $gt: at } }] }],
    }));
    all.push(spans.length === 0 ? { _id: { $in: [] } } : { $or: spans });
  }
  return allOf(all);
}

async function largestSpanCount(reader: ReadModelReader): Promise<number> {
  const [top] = await (await reader.collection<ProviderView>('providers')).find({}, { sort: { poolSpanCount: -1, _id: 1 }, limit: 1 });
  return top?.poolSpanCount ?? 0;
}

/** The provider registry: filters, sort, keyset paging and the total. */
export async function listProviders(
  reader: ReadModelReader,
  filter: ProviderListFilter,
  sort: string | undefined,
  page: PageRequest,
): Promise<Page<ProviderView & { _id: string; _position: number }>> {
  const spans = filter.inPoolAt !== undefined ? await largestSpanCount(reader) : 0;
  return cursorPage(await reader.collection<ProviderView>('providers'), providerFilter(filter, spans), sortKeys(sort, PROVIDER_SORTS, 'appliedAt'), page);
}

export type ProviderMovementRow = ProviderMovementView & { providerId: string; uscc: string; name: string; regionCode: string };

/**
 * 有进有出: every 入库 and 出库 whose business date lies in [from, to] ('YYYY-MM-DD', China), oldest
 * first, with the counts. Read from the providers' documents (a city's scale).
 */
export async function providerMovements(
  reader: ReadModelReader,
  scope: ProviderListFilter,
  from: string | undefined,
  to: string | undefined,
): Promise<{ items: ProviderMovementRow[]; total: number; entries: number; exits: number }> {
  const docs = await (await reader.collection<ProviderView>('providers')).find(providerFilter({ ...scope, inPoolAt: undefined }), { sort: { _id: 1 } });
  const items = docs
    .flatMap((d) => d.movements.map((m) => ({ ...m, providerId: d.id, uscc: d.uscc, name: d.name, regionCode: d.regionCode })))
    .filter((m) => (from === undefined || m.on >= from) && (to === undefined || m.on <= to))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.providerId < b.providerId ? -1 : 1));
  const entries = items.filter((m) => m.kind === 'ENTRY').length;
  return { items, total: items.length, entries, exits: items.length - entries };
}
