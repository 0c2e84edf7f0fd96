import { isWithinRegion, organisationKey, sameOrganisation, type Actor } from '@sme/domain';
import type { ReadModelReader } from '@sme/read-models';
import type { ProviderView } from '@sme/read-models/provider.projection';
import type { ProductListFilter } from '@sme/read-models/queries/product-list';
import { providerFilter } from '@sme/read-models/queries/provider-list';
import { ApiError } from '../http/api-error';
import { providersWithin } from '../providers/provider-access';

/**
 * Who reads products and cases (服务产品和案例库) beyond the public catalogue, which shows everyone the
 * products on show: a PROVIDER its own; ADMIN all; any other role those of the providers inside its
 * region (a province its cities, a city its districts, a district itself). A record's region is its
 * provider's.
 */
export function mayReadLibraryRecord(actor: Actor, record: { providerOrgId: string }, providerRegionCode: string | undefined): boolean {
  if (actor.role === 'ADMIN') return true;
  if (actor.role === 'PROVIDER') return sameOrganisation(record.providerOrgId, actor.orgId);
  return providerRegionCode !== undefined && isWithinRegion(providerRegionCode, actor.regionCode);
}

/** Whether the actor's reading of a record turns on its provider's region (everyone but a PROVIDER and ADMIN). */
export const readsByRegion = (actor: Actor): boolean => actor.role !== 'ADMIN' && actor.role !== 'PROVIDER';

export const productReadForbidden = () => ApiError.forbidden('PRODUCT_READ_FORBIDDEN', '无权查看该服务产品', 'You may not read this product');
export const caseReadForbidden = () => ApiError.forbidden('CASE_READ_FORBIDDEN', '无权查看该服务案例', 'You may not read this case');

/** Narrows a list of products or cases to what the actor may read. */
export async function scopeLibraryFilter(actor: Actor, filter: ProductListFilter, reader: ReadModelReader): Promise<ProductListFilter> {
  if (actor.role === 'ADMIN') return filter;
  if (actor.role === 'PROVIDER') return { ...filter, providerOrgId: organisationKey(actor.orgId) };
  const providers = await (await reader.collection<ProviderView>('providers')).find(providerFilter(providersWithin(actor.regionCode)), { sort: { _id: 1 } });
  return { ...filter, providerIds: providers.map((p) => p.id) };
}
