import type { DomainEvent } from '../shared/decider';
import type { PolicyContent, PolicyLevel } from './policy.rules';

export type PolicyPublished = DomainEvent<
  'PolicyPublished',
  { policyId: string; level: PolicyLevel; regionCode?: string; version: number; publishedAt: string } & PolicyContent
>;

/** Carries the whole new version and which fields changed. */
export type PolicyAmended = DomainEvent<
  'PolicyAmended',
  { policyId: string; version: number; changedFields: string[]; amendedAt: string } & PolicyContent
>;

export type PolicyRepealed = DomainEvent<'PolicyRepealed', { policyId: string; on: string; reason: string; repealedAt: string }>;

/** One enterprise reached by one push, with the version it was shown. */
export type PolicyPushed = DomainEvent<
  'PolicyPushed',
  { policyId: string; pushId: string; enterpriseId: string; version: number; pushedAt: string }
>;

export type PolicyEvent = PolicyPublished | PolicyAmended | PolicyRepealed | PolicyPushed;

/** Current schema version of each event type (the envelope carries it). */
export const POLICY_EVENT_SCHEMA_VERSIONS: Record<PolicyEvent['type'], number> = {
  PolicyPublished: 1,
  PolicyAmended: 1,
  PolicyRepealed: 1,
  PolicyPushed: 1,
};
