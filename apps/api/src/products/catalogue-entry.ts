import type { ProductView } from '@sme/read-models/product.projection';
import type { ProviderView } from '@sme/read-models/provider.projection';

/** A product as the public catalogue shows it, with its provider's name and region. */
export type CatalogueEntry = ReturnType<typeof catalogueEntry>;

/** What the public catalogue shows of a product: the 六公开, the fee and time limit, the classification and the provider. */
export function catalogueEntry(p: Omit<ProductView, '_id' | '_position'>, providers: Map<string, ProviderView>) {
  const provider = providers.get(p.providerId);
  return {
    id: p.id,
    version: p.version,
    provider: { id: p.providerId, name: provider?.name ?? null, regionCode: provider?.regionCode ?? null },
    item: p.item,
    content: p.content,
    process: p.process,
    standard: p.standard,
    supervision: p.supervision,
    contact: p.contact,
    fee: p.fee,
    timeLimit: p.timeLimit,
    classification: p.classification,
    publishedAt: p.publishedAt,
    updatedAt: p.updatedAt,
  };
}
