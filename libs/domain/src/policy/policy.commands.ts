import type { DomainCommand } from '../shared/decider';
import type { PolicyEvents } from './policy.events';
import type { PolicyContent } from './policy.rules';

/**
 * 基础信息库: a policy enters the library. `regionCode` is the issuing region (none for NATIONAL);
 * `policyAccess` says who may publish which level.
 */
export type PublishPolicy = DomainCommand<'PublishPolicy', Omit<PolicyEvents['PolicyPublished']['data'], 'version' | 'publishedAt'>>;

/** A new version: the fields given replace the current ones; `effectiveUntil: null` makes it open-ended. */
export type AmendPolicy = DomainCommand<
  'AmendPolicy',
  { policyId: string; changes: Partial<Omit<PolicyContent, 'effectiveUntil'>> & { effectiveUntil?: string | null } }
>;

/** 废止: `on` is the first day the policy is no longer in force (自…起废止). */
export type RepealPolicy = DomainCommand<'RepealPolicy', Omit<PolicyEvents['PolicyRepealed']['data'], 'repealedAt'>>;

/** 政策推送: the enterprises matched by the projection; one `PolicyPushed` per enterprise. */
export type PushPolicy = DomainCommand<'PushPolicy', { policyId: string; pushId: string; enterpriseIds: string[] }>;

export type PolicyCommand = PublishPolicy | AmendPolicy | RepealPolicy | PushPolicy;
