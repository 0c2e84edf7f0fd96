import type { DomainCommand } from '../shared/decider';
import { closed, exactly, exactlyOneOf, text, type Static } from '../shared/schema/builders';
import type { CasePublished, CaseRetired } from './case.events';

/**
 * The enterprise served, named or anonymised. An anonymised case carries only an alias (e.g.
 * 天河区某软件企业): the real name must not be sent, because an event once stored is never erased.
 */
export const CaseEnterpriseSchema = exactlyOneOf(
  [
    closed({ anonymised: exactly(false), name: text('服务企业名称') }),
    closed({ anonymised: exactly(true), alias: text('企业代称, e.g. 天河区某软件企业; an anonymised case never carries the real name') }),
  ],
  { $id: 'CaseEnterprise', description: 'The enterprise served, named or anonymised' },
);
export type CaseEnterprise = Static<typeof CaseEnterpriseSchema>;

/**
 * 服务案例 by the PROVIDER itself, in the pool (as for products); `productId` is the product it delivered,
 * if any; `servedOn` the business date the service was delivered (or completed), not in the future.
 * The handler passes whether the provider is in the pool now.
 */
export type PublishCase = DomainCommand<'PublishCase', Omit<CasePublished['data'], 'publishedAt'> & { providerInPool: boolean }>;

/** By the provider, or an ADMIN. */
export type RetireCase = DomainCommand<'RetireCase', Omit<CaseRetired['data'], 'retiredAt'>>;

export type ServiceCaseCommand = PublishCase | RetireCase;
