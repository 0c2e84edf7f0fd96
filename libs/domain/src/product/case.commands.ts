import type { DomainCommand } from '../shared/decider';
import type { ServiceCaseEvents } from './case.events';

/**
 * 服务案例 by the PROVIDER itself, in the pool (as for products); `productId` is the product it delivered,
 * if any; `servedOn` the business date the service was delivered (or completed), not in the future.
 * The handler passes whether the provider is in the pool now.
 */
export type PublishCase = DomainCommand<'PublishCase', Omit<ServiceCaseEvents['CasePublished']['data'], 'publishedAt'> & { providerInPool: boolean }>;

/** By the provider, or an ADMIN. */
export type RetireCase = DomainCommand<'RetireCase', Omit<ServiceCaseEvents['CaseRetired']['data'], 'retiredAt'>>;

export type ServiceCaseCommand = PublishCase | RetireCase;
