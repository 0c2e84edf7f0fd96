import type { Filter } from '../document-store/document-store.port';
import type { ProductView, ServiceCaseView } from '../product.projection';
import type { ProviderView } from '../provider.projection';
import { allOf, equalFields } from './conditions';
import { cursorPage, type Page, type PageRequest } from './cursor-page';
import { containsText, sortKeys, type ReadModelReader } from './read-model-reader';

export const PRODUCT_SORTS = ['publishedAt', 'item', 'updatedAt'] as const;
export const CASE_SORTS = ['publishedAt', 'servedOn', 'title', 'updatedAt'] as const;

export interface ProductListFilter {
  providerId?: string;
  /** Only this organisation's records (a PROVIDER reads its own). */
  providerOrgId?: string;
  /** Only these providers (the catalogue: those in the pool now). */
  providerIds?: string[];
  domain?: string;
  /** An industry code: products for it or for any industry. */
  industry?: string;
  /** MEDIUM, SMALL or MICRO: products for it or for any size. */
  enterpriseSize?: string;
  feeKind?: string;
  status?: 'PUBLISHED' | 'RETIRED';
  q?: string;
}

function commonFilter(filter: ProductListFilter, textField: string): Filter[] {
  const all = equalFields(filter, ['providerId', 'providerOrgId']);
  if (filter.providerIds) all.push({ providerId: { $in: filter.providerIds } });
  if (filter.domain) all.push({ serviceDomains: filter.domain });
  if (filter.industry) all.push({ industries: { $in: [filter.industry, 'ANY'] } });
  if (filter.enterpriseSize) all.push({ enterpriseSizes: { $in: [filter.enterpriseSize, 'ANY'] } });
  if (filter.status) all.push({ status: filter.status });
  if (filter.q) all.push({ [textField]: containsText(filter.q) });
  return all;
}

export function productFilter(filter: ProductListFilter): Filter {
  const all = commonFilter(filter, 'item');
  if (filter.feeKind) all.push({ feeKind: filter.feeKind });
  return allOf(all);
}

export async function listProducts(reader: ReadModelReader, filter: ProductListFilter, sort: string | undefined, page: PageRequest): Promise<Page<ProductView & { _id: string; _position: number }>> {
  return cursorPage(await reader.collection<ProductView>('products'), productFilter(filter), sortKeys(sort, PRODUCT_SORTS, '-publishedAt'), page);
}

export async function listServiceCases(reader: ReadModelReader, filter: ProductListFilter, sort: string | undefined, page: PageRequest): Promise<Page<ServiceCaseView & { _id: string; _position: number }>> {
  return cursorPage(await reader.collection<ServiceCaseView>('cases'), allOf(commonFilter(filter, 'title')), sortKeys(sort, CASE_SORTS, '-publishedAt'), page);
}

/** The public catalogue: products on show (PUBLISHED) of providers in the 库 now. */
export async function listCatalogue(reader: ReadModelReader, filter: ProductListFilter, sort: string | undefined, page: PageRequest) {
  const inPool = await (await reader.collection<ProviderView>('providers')).find({ status: 'IN_POOL' }, { sort: { _id: 1 } });
  return listProducts(reader, { ...filter, status: 'PUBLISHED', providerIds: inPool.map((p) => p.id) }, sort, page);
}
