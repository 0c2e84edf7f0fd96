import type { DomainEvent } from '../shared/decider';
import type { CaseEnterprise } from './case.commands';
import type { ServiceClassification } from './service-classification';

export type CasePublished = DomainEvent<
  'CasePublished',
  {
    caseId: string;
    providerId: string;
    providerOrgId: string;
    productId?: string;
    title: string;
    enterprise: CaseEnterprise;
    summary: string;
    outcome: string;
    servedOn: string;
    classification: ServiceClassification;
    publishedAt: string;
  }
>;

export type CaseRetired = DomainEvent<'CaseRetired', { caseId: string; reason: string; retiredAt: string }>;

export type ServiceCaseEvent = CasePublished | CaseRetired;

/** Current schema version of each event type (the envelope carries it). */
export const CASE_EVENT_SCHEMA_VERSIONS: Record<ServiceCaseEvent['type'], number> = {
  CasePublished: 1,
  CaseRetired: 1,
};
