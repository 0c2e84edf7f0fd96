import type { CaseEnterprise, FeeKind, ProductContent, ProductEvent, ServiceCaseEvent, ServiceClassification } from '@sme/domain';
import { assertNever } from '@sme/domain/shared/decider';
import { projectionStep } from './view-version';
import type { ViewVersion } from './views';

/** A service product (`product-<id>`): the current version's 六公开/五公开 fields, flat codes for filters, and every version. */
export type ProductView = ViewVersion &
  ProductContent & {
    id: string;
    providerId: string;
    providerOrgId: string;
    status: 'PUBLISHED' | 'RETIRED';
    version: number;
    feeKind: FeeKind;
    industries: string[];
    serviceDomains: string[];
    enterpriseSizes: string[];
    publishedAt: string;
    retiredAt: string | null;
    retirementReason: string | null;
    versions: (ProductContent & { version: number; at: string; changedFields: string[] })[];
  };

/** A service case (`case-<id>`). */
export interface ServiceCaseView extends ViewVersion {
  id: string;
  providerId: string;
  providerOrgId: string;
  productId: string | null;
  title: string;
  enterprise: CaseEnterprise;
  summary: string;
  outcome: string;
  servedOn: string;
  classification: ServiceClassification;
  industries: string[];
  serviceDomains: string[];
  enterpriseSizes: string[];
  status: 'PUBLISHED' | 'RETIRED';
  publishedAt: string;
  retiredAt: string | null;
  retirementReason: string | null;
}

const contentOf = (data: ProductContent): ProductContent => {
  const { item, content, process, standard, supervision, contact, fee, timeLimit, classification } = data;
  return { item, content, process, standard, supervision, contact, fee, timeLimit, classification };
};

const codesOf = (c: ServiceClassification) => ({
  industries: [...c.industries] as string[],
  serviceDomains: [...c.serviceDomains] as string[],
  enterpriseSizes: [...c.enterpriseSizes] as string[],
});

/** Pure: the product's view after one more of its events. */
export const projectProduct = projectionStep<ProductView, ProductEvent>((view, event, version) => {
  switch (event.type) {
    case 'ProductPublished': {
      const { productId, providerId, providerOrgId, publishedAt } = event.data;
      const content = contentOf(event.data);
      return {
        _id: productId,
        ...version,
        ...content,
        id: productId,
        providerId,
        providerOrgId,
        status: 'PUBLISHED',
        version: event.data.version,
        feeKind: content.fee.kind,
        ...codesOf(content.classification),
        publishedAt,
        retiredAt: null,
        retirementReason: null,
        versions: [{ ...content, version: event.data.version, at: publishedAt, changedFields: [] }],
      };
    }
    case 'ProductRevised': {
      if (!view) return view;
      const content = contentOf(event.data);
      return {
        ...view,
        ...version,
        ...content,
        version: event.data.version,
        feeKind: content.fee.kind,
        ...codesOf(content.classification),
        versions: [...view.versions, { ...content, version: event.data.version, at: event.data.revisedAt, changedFields: event.data.changedFields }],
      };
    }
    case 'ProductRetired':
      if (!view) return view;
      return { ...view, ...version, status: 'RETIRED', retiredAt: event.data.retiredAt, retirementReason: event.data.reason };
    default:
      return assertNever(event);
  }
});

/** Pure: the case's view after one more of its events. */
export const projectServiceCase = projectionStep<ServiceCaseView, ServiceCaseEvent>((view, event, version) => {
  switch (event.type) {
    case 'CasePublished': {
      const { caseId, productId, publishedAt, ...rest } = event.data;
      return {
        _id: caseId,
        ...version,
        ...rest,
        id: caseId,
        productId: productId ?? null,
        ...codesOf(rest.classification),
        status: 'PUBLISHED',
        publishedAt,
        retiredAt: null,
        retirementReason: null,
      };
    }
    case 'CaseRetired':
      if (!view) return view;
      return { ...view, ...version, status: 'RETIRED', retiredAt: event.data.retiredAt, retirementReason: event.data.reason };
    default:
      return assertNever(event);
  }
});
