import type { DomainCommand } from '../shared/decider';
import type { ProductEvents } from './product.events';
import type { ProductContent } from './product.rules';

/**
 * By the PROVIDER itself. The handler reads the provider's record and passes its organisation
 * (`providerOrgId`, which must be the actor's) and whether it is in the 优质服务机构库 now.
 */
export type PublishProduct = DomainCommand<'PublishProduct', Omit<ProductEvents['ProductPublished']['data'], 'version' | 'publishedAt'> & { providerInPool: boolean }>;

/** A new version: the fields given replace the current ones (a nested object such as `fee` as a whole). */
export type ReviseProduct = DomainCommand<
  'ReviseProduct',
  { productId: string; providerInPool: boolean; changes: Partial<ProductContent> }
>;

/** By the provider, or an ADMIN (e.g. once the provider has left the pool). */
export type RetireProduct = DomainCommand<'RetireProduct', Omit<ProductEvents['ProductRetired']['data'], 'retiredAt'>>;

export type ProductCommand = PublishProduct | ReviseProduct | RetireProduct;
