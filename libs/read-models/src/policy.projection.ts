import type { FaqEvent } from '@sme/domain/policy/faq.events';
import type { PolicyEligibility } from '@sme/domain/policy/policy-matching';
import type { PolicyEvent, PolicyEvents } from '@sme/domain/policy/policy.events';
import type { PolicyLevel } from '@sme/domain/policy/policy.rules';
import { assertNever } from '@sme/domain/shared/decider';
import { projectionStep } from './view-version';
import type { ViewVersion } from './views';

/** A policy of the 基础信息库 as it stands: the current version at the top, nulls where a field is absent (filters and sorts need them). */
export interface PolicyView extends ViewVersion {
  id: string;
  level: PolicyLevel;
  /** The issuing region; null for a national policy. */
  regionCode: string | null;
  title: string;
  issuer: string;
  documentNumber: string;
  effectiveFrom: string;
  /** Last day in force, inclusive; null when open-ended. */
  effectiveUntil: string | null;
  summary: string;
  eligibility: PolicyEligibility;
  version: number;
  status: 'PUBLISHED' | 'REPEALED';
  /** First day no longer in force because of a repeal; null when not repealed. */
  repealedOn: string | null;
  repealReason: string | null;
  publishedAt: string;
  /** How many PolicyPushed events, and the version each enterprise was last pushed. */
  pushCount: number;
  pushedVersions: Record<string, number>;
}

export interface FaqView extends ViewVersion {
  id: string;
  regionCode: string;
  question: string;
  answer: string;
  topics: string[];
  policyIds: string[];
  version: number;
  status: 'ACTIVE' | 'RETIRED';
  publishedAt: string;
  retiredAt: string | null;
  retireReason: string | null;
}

/** Pure: the policy's document after one more of its events. */
export const projectPolicy = projectionStep<PolicyView, PolicyEvent>((view, event, version) => {
  switch (event.type) {
    case 'PolicyPublished': {
      const d = event.data;
      return {
        _id: d.policyId,
        id: d.policyId,
        level: d.level,
        regionCode: d.regionCode ?? null,
        ...policyContent(d),
        status: 'PUBLISHED',
        repealedOn: null,
        repealReason: null,
        publishedAt: d.publishedAt,
        pushCount: 0,
        pushedVersions: {},
        ...version,
      };
    }
    case 'PolicyAmended': {
      if (!view) return view;
      return { ...view, ...policyContent(event.data), ...version };
    }
    case 'PolicyRepealed':
      return view && { ...view, status: 'REPEALED', repealedOn: event.data.on, repealReason: event.data.reason, ...version };
    case 'PolicyPushed':
      return (
        view && {
          ...view,
          pushCount: view.pushCount + 1,
          pushedVersions: { ...view.pushedVersions, [event.data.enterpriseId]: event.data.version },
          ...version,
        }
      );
    default:
      return assertNever(event);
  }
});

/** What publishing or amending a policy sets: its current version's content. */
function policyContent(d: Omit<PolicyEvents['PolicyAmended']['data'], 'changedFields' | 'amendedAt'>) {
  return {
    title: d.title,
    issuer: d.issuer,
    documentNumber: d.documentNumber,
    effectiveFrom: d.effectiveFrom,
    effectiveUntil: d.effectiveUntil ?? null,
    summary: d.summary,
    eligibility: d.eligibility,
    version: d.version,
  };
}

/** Pure: the FAQ's document after one more of its events. */
export const projectFaq = projectionStep<FaqView, FaqEvent>((view, event, version) => {
  switch (event.type) {
    case 'FaqPublished': {
      const d = event.data;
      return {
        _id: d.faqId,
        id: d.faqId,
        regionCode: d.regionCode,
        question: d.question,
        answer: d.answer,
        topics: d.topics,
        policyIds: d.policyIds,
        version: d.version,
        status: 'ACTIVE',
        publishedAt: d.publishedAt,
        retiredAt: null,
        retireReason: null,
        ...version,
      };
    }
    case 'FaqRevised': {
      if (!view) return view;
      const d = event.data;
      return { ...view, question: d.question, answer: d.answer, topics: d.topics, policyIds: d.policyIds, version: d.version, ...version };
    }
    case 'FaqRetired':
      return view && { ...view, status: 'RETIRED', retiredAt: event.data.retiredAt, retireReason: event.data.reason, ...version };
    default:
      return assertNever(event);
  }
});
