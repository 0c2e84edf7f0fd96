import { fieldRequired, type Label } from '../shared/validation';
import { requireCodeSet, requireCodeSetOrAny } from '../shared/code-lists';
import { SERVICE_DOMAINS, type ServiceDomain } from '../provider/service-domains';
import { INDUSTRY_CODES, type IndustryCode } from '../shared/size-class';

/** Products and cases are for SMEs: 中/小/微 (large enterprises are not their audience). */
export const SERVED_ENTERPRISE_SIZES = ['MEDIUM', 'SMALL', 'MICRO'] as const;
export type ServedEnterpriseSize = (typeof SERVED_ENTERPRISE_SIZES)[number];

/**
 * 按照不同行业、服务内容、企业类型等维度 (工信部企业〔2023〕213号 (四)): industries of the size standard,
 * the service domains providers enter the pool with, and enterprise sizes. `['ANY']` means no restriction.
 */
export type ServiceClassification = {
  industries: IndustryCode[] | ['ANY'];
  serviceDomains: ServiceDomain[];
  enterpriseSizes: ServedEnterpriseSize[] | ['ANY'];
};

const L = (zh: string, en: string): Label => ({ zh, en });

/** Checks a classification and returns it with codes in list order. */
export function checkServiceClassification(value: unknown, path: string): ServiceClassification {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw fieldRequired(path, L('分类', 'Classification'));
  const given = value as Record<keyof ServiceClassification, unknown>;
  return {
    industries: requireCodeSetOrAny(given.industries, INDUSTRY_CODES, `${path}.industries`, L('适用行业', 'Industry')),
    serviceDomains: requireCodeSet(given.serviceDomains, SERVICE_DOMAINS, `${path}.serviceDomains`, L('服务领域', 'Service domain')),
    enterpriseSizes: requireCodeSetOrAny(given.enterpriseSizes, SERVED_ENTERPRISE_SIZES, `${path}.enterpriseSizes`, L('服务企业规模', 'Enterprise size')),
  };
}
