import { productKind, providerKind, serviceCaseKind } from '@sme/domain';
import { projectProduct, projectServiceCase, type ProductView, type ServiceCaseView } from './product.projection';
import { kindProjection } from './projector/projection';
import { projectProvider, type ProviderView } from './provider.projection';

/** 优质服务机构库: one document per provider with its status, domains, region and dated pool periods. */
export const providersProjection = kindProjection<ProviderView>({
  name: 'providers',
  version: 1,
  kind: providerKind,
  project: projectProvider,
  indexes: [
    { keys: { cityCode: 1, regionCode: 1, status: 1 } },
    { keys: { serviceDomains: 1 } },
    { keys: { uscc: 1 } },
    { keys: { appliedAt: 1 } },
    { keys: { poolSpanCount: -1 } },
  ],
});

/** 服务产品库. */
export const productsProjection = kindProjection<ProductView>({
  name: 'products',
  version: 1,
  kind: productKind,
  project: projectProduct,
  indexes: [{ keys: { providerId: 1, status: 1 } }, { keys: { status: 1, publishedAt: -1 } }, { keys: { serviceDomains: 1 } }],
});

/** 服务案例库. */
export const casesProjection = kindProjection<ServiceCaseView>({
  name: 'cases',
  version: 1,
  kind: serviceCaseKind,
  project: projectServiceCase,
  indexes: [{ keys: { providerId: 1, status: 1 } }, { keys: { status: 1, publishedAt: -1 } }],
});

/** The 优质服务机构库 and 服务产品和案例库 projections, registered with the others. */
export const POOL_PROJECTIONS = [providersProjection, productsProjection, casesProjection] as const;
