import type { DomainCommand } from '../shared/decider';
import type { ServiceClassification } from './service-classification';

/**
 * The enterprise served, named or anonymised. An anonymised case carries only an alias (e.g.
 * 天河区某软件企业): the real name must not be sent, because an event once stored is never erased.
 */
export type CaseEnterprise = { anonymised: false; name: string } | { anonymised: true; alias: string };

/** 服务案例 by the PROVIDER itself, in the pool (as for products); `productId` is the product it delivered, if any. */
export type PublishCase = DomainCommand<
  'PublishCase',
  {
    caseId: string;
    providerId: string;
    providerOrgId: string;
    providerInPool: boolean;
    productId?: string;
    title: string;
    enterprise: CaseEnterprise;
    summary: string;
    outcome: string;
    /** The business date the service was delivered (or completed); not in the future. */
    servedOn: string;
    classification: ServiceClassification;
  }
>;

/** By the provider, or an ADMIN. */
export type RetireCase = DomainCommand<'RetireCase', { caseId: string; reason: string }>;

export type ServiceCaseCommand = PublishCase | RetireCase;
