import { at, businessDate, closed, exactly, exactlyOneOf, optional, recordId, retiredEvent, text, type Static } from '../shared/schema/builders';
import type { EventOf, EventsByType, EventSpecs } from '../shared/schema/event-spec';
import { providerOrgIdField } from './product.rules';
import { ServiceClassificationSchema } from './service-classification';

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

/** 服务案例: every event of a case's record. */
export const CASE_EVENTS = {
  CasePublished: {
    version: 1,
    action: 'published',
    title: 'Case published (发布服务案例)',
    summary: 'A provider in the quality pool published a case of a service it delivered, naming the enterprise or an alias.',
    payload: closed({
      caseId: recordId('The case'),
      providerId: recordId('The provider'),
      providerOrgId: providerOrgIdField,
      productId: optional(recordId('The product delivered, when there was one')),
      title: text('案例标题'),
      enterprise: CaseEnterpriseSchema,
      summary: text('案例概述'),
      outcome: text('服务成效'),
      servedOn: businessDate('The day the service was delivered, not after the day of publication'),
      classification: ServiceClassificationSchema,
      publishedAt: at('When it was published'),
    }),
  },
  CaseRetired: retiredEvent({ caseId: recordId('The case') }, {
    title: 'Case retired (服务案例下架)',
    summary: 'The provider, or an administrator, took the case off.',
  }),
} satisfies EventSpecs;

export type ServiceCaseEvent = EventOf<typeof CASE_EVENTS>;
export type ServiceCaseEvents = EventsByType<typeof CASE_EVENTS>;
