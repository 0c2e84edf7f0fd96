import { grant, roleLabelZh, type AccessPolicy } from '../shared/access';
import type { Actor } from '../shared/decider';
import { forbidden } from '../shared/domain-error';
import type { PolicyCommand, PublishPolicy } from './policy.commands';
import type { ExistingPolicy, PolicyState } from './policy.decider';
import { policyLevels, type PolicyLevel } from './policy.rules';

/** What the rules read of a policy: its level and issuing region (none for a national one). */
type Scope = { level: PolicyLevel; regionCode?: string };

/**
 * The levels a local authority publishes, amends and repeals: a district authority its district's
 * policies; a city authority municipal ones of its city and district ones of its districts. National
 * and provincial policies, which no local authority issues, the platform's ADMIN records.
 */
const MANAGED_LEVELS = {
  CITY_AUTHORITY: ['MUNICIPAL', 'DISTRICT'],
  DISTRICT_AUTHORITY: ['DISTRICT'],
} as const satisfies Record<string, readonly PolicyLevel[]>;

type LocalAuthority = keyof typeof MANAGED_LEVELS;

const policyLevelNotPermitted = (actor: Actor, level: PolicyLevel, levels: readonly PolicyLevel[]) =>
  forbidden(
    'POLICY_LEVEL_NOT_PERMITTED',
    `${roleLabelZh(actor.role)}不能发布或管理${policyLevels.labels[level].zh}政策（可管理：${levels.map((l) => policyLevels.labels[l].zh).join('、')}）`,
    `${actor.role} may not publish or manage ${policyLevels.labels[level].en} policies (only ${levels.join(', ')})`,
  );

/**
 * A local authority over the policies of its levels inside its region. The level is judged before the
 * region: a district authority asking for a municipal policy is told the level is not its to manage,
 * so a level it does not manage has no region to compare. A level that is no level at all is the
 * decider's to refuse (FIELD_INVALID).
 */
function authorityOver<Data>(role: LocalAuthority, scopeOf: (policy: ExistingPolicy | undefined, data: Data) => Scope | undefined) {
  const levels: readonly PolicyLevel[] = MANAGED_LEVELS[role];
  return grant<ExistingPolicy, Data>({
    roles: [role],
    region: {
      of: (policy, data) => {
        const scope = scopeOf(policy, data);
        return scope !== undefined && levels.includes(scope.level) ? scope.regionCode : undefined;
      },
      match: 'within',
    },
    also: (actor, policy, data) => {
      const scope = scopeOf(policy, data);
      if (scope === undefined || !policyLevels.codes.includes(scope.level) || levels.includes(scope.level)) return;
      throw policyLevelNotPermitted(actor, scope.level, levels);
    },
  });
}

/** A policy being published is judged by its data, an existing one by its record. */
const published = (_: ExistingPolicy | undefined, data: PublishPolicy['data']): Scope => data;
const recorded = (policy: ExistingPolicy | undefined): Scope | undefined => policy;

const anyLevelAnywhere = grant<ExistingPolicy, unknown>({ roles: ['ADMIN'] });
const managers = [authorityOver('CITY_AUTHORITY', recorded), authorityOver('DISTRICT_AUTHORITY', recorded), anyLevelAnywhere];

/** Who may do what to a policy of the 基础信息库 (README: Who acts on a policy). */
export const policyAccess: AccessPolicy<PolicyCommand, PolicyState> = {
  PublishPolicy: [authorityOver('CITY_AUTHORITY', published), authorityOver('DISTRICT_AUTHORITY', published), anyLevelAnywhere],
  AmendPolicy: managers,
  RepealPolicy: managers,
  // 政策分类推送 is the hub's duty too. A national policy has no region and overlaps every one; the
  // enterprises pushed to come from a projection over the actor's region.
  PushPolicy: [
    { roles: ['CITY_AUTHORITY', 'DISTRICT_AUTHORITY', 'HUB'], region: { of: (policy) => policy?.regionCode, match: 'overlaps' } },
    anyLevelAnywhere,
  ],
};
