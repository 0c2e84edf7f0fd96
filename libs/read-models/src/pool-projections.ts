import { productKind, providerKind, serviceCaseKind } from '@sme/domain';
import type { StoredDocument } from './document-store/document-store.port';
import { projectProduct, projectServiceCase, type ProductView, type ServiceCaseView } from './product.projection';
import type { Projection } from './projector/projection';
import { projectProvider, type ProviderView } from './provider.projection';

type Stored<V> = V & StoredDocument;

/** A projection's prefix is the kind's stream id before the record id: `provider-`, `product-`, `case-`. */
const streamPrefixOf = (kind: { streamId(id: string): string }): string => kind.streamId('');

/** 优质服务机构库: one document per provider with its status, domains, region and dated pool periods. */
export const providersProjection: Projection<Stored<ProviderView>> = {
  name: 'providers',
  version: 1,
  streamPrefix: streamPrefixOf(providerKind),
  apply: (view, event) => projectProvider(view, event) as Stored<ProviderView> | undefined,
  indexes: [
    { keys: { cityCode: 1, regionCode: 1, status: 1 } },
    { keys: { serviceDomains: 1 } },
    { keys: { uscc: 1 } },
    { keys: { appliedAt: 1 } },
    { keys: { poolSpanCount: -1 } },
  ],
};

/** 服务产品库. */
export const productsProjection: Projection<Stored<ProductView>> = {
  name: 'products',
  version: 1,
  streamPrefix: streamPrefixOf(productKind),
  apply: (view, event) => projectProduct(view, event) as Stored<ProductView> | undefined,
  indexes: [{ keys: { providerId: 1, status: 1 } }, { keys: { status: 1, publishedAt: -1 } }, { keys: { serviceDomains: 1 } }],
};

/** 服务案例库. */
export const casesProjection: Projection<Stored<ServiceCaseView>> = {
  name: 'cases',
  version: 1,
  streamPrefix: streamPrefixOf(serviceCaseKind),
  apply: (view, event) => projectServiceCase(view, event) as Stored<ServiceCaseView> | undefined,
  indexes: [{ keys: { providerId: 1, status: 1 } }, { keys: { status: 1, publishedAt: -1 } }],
};

/** The 优质服务机构库 and 服务产品和案例库 projections, registered with the others. */
export const POOL_PROJECTIONS = [providersProjection, productsProjection, casesProjection] as const;
