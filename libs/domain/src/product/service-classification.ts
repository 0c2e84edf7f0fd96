import { fieldRequired, L } from '../shared/validation';
import { requireCodeSet, requireCodeSetOrAny } from '../shared/code-lists';
import { arrayOf, closed, exactly, exactlyOneOf, oneOf, singletonOf, type Static, type TSchema } from '../shared/schema/builders';
import { serviceDomains, ServiceDomainSchema } from '../shared/service-domains';
import { industries, IndustryCodeSchema } from '../shared/size-class';

/** Products and cases are for SMEs: 中/小/微 (large enterprises are not their audience). */
export const SERVED_ENTERPRISE_SIZES = ['MEDIUM', 'SMALL', 'MICRO'] as const;
export type ServedEnterpriseSize = (typeof SERVED_ENTERPRISE_SIZES)[number];

/** A set of codes in list order, or `['ANY']` alone for no restriction. */
const codesOrAny = <T extends TSchema>(item: T, description: string) =>
  exactlyOneOf([arrayOf(item, { minItems: 1, uniqueItems: true }), singletonOf(exactly('ANY'))], {
    description: `${description}; ['ANY'] alone for no restriction`,
  });

/**
 * 按照不同行业、服务内容、企业类型等维度 (工信部企业〔2023〕213号 (四)): industries of the size standard,
 * the service domains providers enter the pool with, and enterprise sizes. `['ANY']` means no restriction.
 */
export const ServiceClassificationSchema = closed(
  {
    industries: codesOrAny(IndustryCodeSchema, '适用行业, in the order of the size standard’s industries'),
    serviceDomains: arrayOf(ServiceDomainSchema, { minItems: 1, uniqueItems: true, description: `服务领域, in the order ${serviceDomains.codes.join(', ')}` }),
    enterpriseSizes: codesOrAny(
      oneOf(SERVED_ENTERPRISE_SIZES),
      `服务企业规模 (${SERVED_ENTERPRISE_SIZES.join(', ')}: products are for SMEs)`,
    ),
  },
  {
    $id: 'ServiceClassification',
    description: 'What the product or case is for (工信部企业〔2023〕213号 (四)): industries, service domains and enterprise sizes',
  },
);
export type ServiceClassification = Static<typeof ServiceClassificationSchema>;

/** Checks a classification and returns it with codes in list order. */
export function checkServiceClassification(value: unknown, path: string): ServiceClassification {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw fieldRequired(path, L('分类', 'Classification'));
  const given = value as Record<keyof ServiceClassification, unknown>;
  return {
    industries: requireCodeSetOrAny(given.industries, industries.codes, `${path}.industries`, L('适用行业', 'Industry')),
    serviceDomains: requireCodeSet(given.serviceDomains, serviceDomains.codes, `${path}.serviceDomains`, L('服务领域', 'Service domain')),
    enterpriseSizes: requireCodeSetOrAny(given.enterpriseSizes, SERVED_ENTERPRISE_SIZES, `${path}.enterpriseSizes`, L('服务企业规模', 'Enterprise size')),
  };
}
