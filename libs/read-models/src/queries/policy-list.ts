import type { PolicyLevel } from '@sme/domain/policy/policy.rules';
import type { Filter } from '../document-store/document-store.port';
import type { EnterpriseView } from '../enterprise.projection';
import type { FaqView, PolicyView } from '../policy.projection';
import { allOf, equalFields } from './conditions';
import { cursorPage, type PageRequest } from './cursor-page';
import { regionCondition } from './enterprise-list';
import { containsText, sortKeys, type ReadModelReader } from './read-model-reader';

export interface PolicyListFilter {
  level?: PolicyLevel;
  /** Case-insensitive text in the issuing authority's name. */
  issuer?: string;
  /** A business date: only policies in force that day (started, not expired, not yet repealed). */
  inForceOn?: string;
  status?: PolicyView['status'];
  /** Case-insensitive text in the title, the document number or the summary. */
  q?: string;
}

export const POLICY_SORTS = ['effectiveFrom', 'publishedAt', 'title', 'updatedAt'] as const;

/** Policies in force on a business date (from ≤ day ≤ until, and a repeal, if any, from a later day). */
export function inForceCondition(on: string): Filter {
  return {
    $and: [
      { effectiveFrom: { $lte: on } },
      { $or: [{ effectiveUntil: null }, { effectiveUntil: { $gte: on } }] },
      { $or: [{ repealedOn: null }, { repealedOn: { $gt: on } }] },
    ],
  };
}

export function policyFilter(filter: PolicyListFilter): Filter {
  const all = equalFields(filter, ['level', 'status']);
  if (filter.issuer) all.push({ issuer: containsText(filter.issuer) });
  if (filter.inForceOn) all.push(inForceCondition(filter.inForceOn));
  if (filter.q) all.push({ $or: [{ title: containsText(filter.q) }, { documentNumber: containsText(filter.q) }, { summary: containsText(filter.q) }] });
  return allOf(all);
}

/** The policy library: filters, sort (effectiveFrom, publishedAt, title, updatedAt; default newest in force first), cursor paging, total. */
export async function listPolicies(reader: ReadModelReader, filter: PolicyListFilter, sort: string | undefined, page: PageRequest) {
  const keys = sortKeys(sort, POLICY_SORTS, '-effectiveFrom');
  return cursorPage(await reader.collection<PolicyView>('policies'), policyFilter(filter), keys, page);
}

/** Every policy in force on a date, in document id order. */
export async function policiesInForce(reader: ReadModelReader, on: string) {
  return (await reader.collection<PolicyView>('policies')).find(inForceCondition(on), { sort: { _id: 1 } });
}

/**
 * The enterprises a policy could match, narrowed on what the store indexes: region (any listed code, by
 * its level), industry and size class. Dates and tags are for the caller to check exactly (isEligible).
 * `withinRegion` narrows further to an actor's region.
 */
export async function policyCandidates(reader: ReadModelReader, policy: Pick<PolicyView, 'eligibility'>, withinRegion?: string) {
  const { regionCodes, industries, sizeClasses } = policy.eligibility;
  const all: Filter[] = [];
  if (regionCodes) all.push({ $or: regionCodes.map(regionCondition) });
  if (withinRegion) all.push(regionCondition(withinRegion));
  if (industries) all.push({ industryCode: { $in: [...industries] } });
  if (sizeClasses) all.push({ sizeClass: { $in: [...sizeClasses] } });
  return (await reader.collection<EnterpriseView>('enterprises')).find(allOf(all), { sort: { _id: 1 } });
}

export interface FaqListFilter {
  status?: FaqView['status'];
  topic?: string;
  /** FAQs of this region or of a region containing it (a district sees its city's FAQs). */
  regionCode?: string;
  /** Case-insensitive text in the question or the answer. */
  q?: string;
}

export const FAQ_SORTS = ['publishedAt', 'updatedAt', 'question'] as const;

export function faqFilter(filter: FaqListFilter): Filter {
  const all: Filter[] = [];
  if (filter.status) all.push({ status: filter.status });
  if (filter.topic) all.push({ topics: filter.topic });
  if (filter.regionCode) {
    const code = filter.regionCode;
    all.push({ regionCode: { $in: [...new Set([code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`])] } });
  }
  if (filter.q) all.push({ $or: [{ question: containsText(filter.q) }, { answer: containsText(filter.q) }] });
  return allOf(all);
}

export async function listFaqs(reader: ReadModelReader, filter: FaqListFilter, sort: string | undefined, page: PageRequest) {
  return cursorPage(await reader.collection<FaqView>('faqs'), faqFilter(filter), sortKeys(sort, FAQ_SORTS, '-publishedAt'), page);
}
