import type { RecordLabel } from '../shared/record-kind';
import { chinaDateOf, compareBusinessDates } from '../shared/dates';
import { createdOnce, decideByType } from '../shared/decide-by-type';
import { assertNever, type Decider } from '../shared/decider';
import { conflict } from '../shared/domain-error';
import { requireBusinessDate, requireOneOf, requireText } from '../shared/validation';
import { checkRevision } from '../shared/revisions';
import { requireTextList } from '../shared/code-lists';
import type { AmendPolicy, PolicyCommand, PublishPolicy, PushPolicy, RepealPolicy } from './policy.commands';
import type { PolicyEvent } from './policy.events';
import {
  checkPolicyContent,
  checkPolicyRegion,
  POLICY_CONTENT_FIELDS,
  policyLevels,
  type PolicyContent,
  type PolicyLevel,
} from './policy.rules';

/** One version of the policy and the moment it was recorded. */
export type PolicyVersion = PolicyContent & { version: number; recordedAt: string };

/** The current version's fields sit at the top, so a policy state can be passed to `isEligible`. */
export type PolicyRecord = PolicyContent & {
  policyId: string;
  level: PolicyLevel;
  regionCode?: string;
  version: number;
  /** Every version, oldest first. */
  versions: PolicyVersion[];
  publishedAt: string;
  pushIds: string[];
  /** Enterprise id → the version last pushed to it. */
  pushedVersions: Record<string, number>;
};

export type PolicyState =
  | { status: 'NONE' }
  | ({ status: 'PUBLISHED' } & PolicyRecord)
  | ({ status: 'REPEALED'; repealedOn: string; repealReason: string; repealedAt: string } & PolicyRecord);

export type ExistingPolicy = Exclude<PolicyState, { status: 'NONE' }>;

const initialState = (): PolicyState => ({ status: 'NONE' });

/** The content fields of a record or event, without anything else. */
export function policyContentOf(source: PolicyContent): PolicyContent {
  const { title, issuer, documentNumber, effectiveFrom, effectiveUntil, summary, eligibility } = source;
  return { title, issuer, documentNumber, effectiveFrom, ...(effectiveUntil === undefined ? {} : { effectiveUntil }), summary, eligibility };
}

function withContent(record: ExistingPolicy, content: PolicyContent): ExistingPolicy {
  const { effectiveUntil: _dropped, ...rest } = record;
  return { ...rest, ...content } as ExistingPolicy;
}

function evolve(state: PolicyState, event: PolicyEvent): PolicyState {
  switch (event.type) {
    case 'PolicyPublished': {
      const { policyId, level, regionCode, version, publishedAt } = event.data;
      const content = policyContentOf(event.data);
      return {
        status: 'PUBLISHED',
        policyId,
        level,
        ...(regionCode === undefined ? {} : { regionCode }),
        ...content,
        version,
        versions: [{ ...content, version, recordedAt: publishedAt }],
        publishedAt,
        pushIds: [],
        pushedVersions: {},
      };
    }
    case 'PolicyAmended': {
      if (state.status === 'NONE') return state;
      const content = policyContentOf(event.data);
      const { version, amendedAt } = event.data;
      return { ...withContent(state, content), version, versions: [...state.versions, { ...content, version, recordedAt: amendedAt }] };
    }
    case 'PolicyRepealed':
      return state.status === 'PUBLISHED'
        ? { ...state, status: 'REPEALED', repealedOn: event.data.on, repealReason: event.data.reason, repealedAt: event.data.repealedAt }
        : state;
    case 'PolicyPushed': {
      if (state.status === 'NONE') return state;
      const { pushId, enterpriseId, version } = event.data;
      return {
        ...state,
        pushIds: state.pushIds.includes(pushId) ? state.pushIds : [...state.pushIds, pushId],
        pushedVersions: { ...state.pushedVersions, [enterpriseId]: version },
      };
    }
    default:
      return assertNever(event);
  }
}

/** How policy records are named when one is missing or is created a second time. */
export const POLICY_RECORD: RecordLabel = { code: 'POLICY', zh: '政策', en: 'policy' };

const decide = decideByType<PolicyCommand, PolicyState, PolicyEvent, 'PublishPolicy'>({
  onNew: { PublishPolicy: createdOnce(POLICY_RECORD, publish) },
  on: { AmendPolicy: amend, RepealPolicy: repeal, PushPolicy: push },
  record: POLICY_RECORD,
});

function requireNotRepealed(policy: ExistingPolicy): asserts policy is Extract<ExistingPolicy, { status: 'PUBLISHED' }> {
  if (policy.status === 'REPEALED') {
    throw conflict('POLICY_REPEALED', `该政策已自${policy.repealedOn}起废止`, `The policy is repealed from ${policy.repealedOn}`);
  }
}

function publish(command: PublishPolicy, state: PolicyState): PolicyEvent[] {
  const { data, metadata } = command;
  const level = requireOneOf(data.level, policyLevels.codes, 'level', { zh: '政策层级', en: 'Level' });
  const regionCode = checkPolicyRegion(level, data.regionCode);
  const policyId = requireText(data.policyId, 'policyId', { zh: '政策编号', en: 'Policy id' });
  const content = checkPolicyContent(data, '', regionCode);
  return [
    {
      type: 'PolicyPublished',
      data: {
        policyId,
        level,
        ...(regionCode === undefined ? {} : { regionCode }),
        version: 1,
        ...content,
        publishedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function amend(command: AmendPolicy, policy: ExistingPolicy): PolicyEvent[] {
  const { data, metadata } = command;
  requireNotRepealed(policy);
  const { content, changedFields } = checkRevision(policyContentOf(policy), data.changes, POLICY_CONTENT_FIELDS, (merged, path) =>
    checkPolicyContent(merged, path, policy.regionCode),
  );
  return [
    {
      type: 'PolicyAmended',
      data: { policyId: policy.policyId, version: policy.version + 1, ...content, changedFields, amendedAt: metadata.now.toISOString() },
    },
  ];
}

function repeal(command: RepealPolicy, policy: ExistingPolicy): PolicyEvent[] {
  const { data, metadata } = command;
  requireNotRepealed(policy);
  const on = requireBusinessDate(data.on, 'on', { zh: '废止日期', en: 'Repeal date' });
  const reason = requireText(data.reason, 'reason', { zh: '废止原因', en: 'Reason' });
  if (policy.effectiveUntil !== undefined && compareBusinessDates(on, policy.effectiveUntil) > 0) {
    // Repealing after expiry would change nothing and leave a misleading date on the record.
    throw conflict(
      'REPEAL_AFTER_EXPIRY',
      `该政策有效期至${policy.effectiveUntil}，废止日期${on}在其后`,
      `The policy expires after ${policy.effectiveUntil}; a repeal from ${on} comes too late`,
      'on',
    );
  }
  return [{ type: 'PolicyRepealed', data: { policyId: policy.policyId, on, reason, repealedAt: metadata.now.toISOString() } }];
}

function push(command: PushPolicy, policy: ExistingPolicy): PolicyEvent[] {
  const { data, metadata } = command;
  requireNotRepealed(policy);
  const today = chinaDateOf(metadata.now);
  if (policy.effectiveUntil !== undefined && compareBusinessDates(today, policy.effectiveUntil) > 0) {
    throw conflict('POLICY_EXPIRED', `该政策有效期已于${policy.effectiveUntil}届满`, `The policy expired after ${policy.effectiveUntil}`);
  }
  const pushId = requireText(data.pushId, 'pushId', { zh: '推送批次编号', en: 'Push id' });
  const enterpriseIds = requireTextList(data.enterpriseIds, 'enterpriseIds', { zh: '推送企业', en: 'Enterprise id' });
  if (policy.pushIds.includes(pushId)) {
    throw conflict('PUSH_ID_ALREADY_USED', `推送批次编号“${pushId}”已使用`, `Push id "${pushId}" is already used`, 'pushId');
  }
  // An enterprise already shown this version is not pushed it again; a later version is news.
  const fresh = enterpriseIds.filter((id) => !Object.hasOwn(policy.pushedVersions, id) || policy.pushedVersions[id] !== policy.version);
  if (fresh.length === 0) {
    throw conflict(
      'NOTHING_TO_PUSH',
      `所列企业均已收到该政策当前版本（第${policy.version}版）`,
      `Every enterprise listed has already been pushed the current version (${policy.version})`,
      'enterpriseIds',
    );
  }
  const pushedAt = metadata.now.toISOString();
  return fresh.map((enterpriseId) => ({
    type: 'PolicyPushed',
    data: { policyId: policy.policyId, pushId, enterpriseId, version: policy.version, pushedAt },
  }));
}

export const policyDecider: Decider<PolicyCommand, PolicyState, PolicyEvent> = { initialState, evolve, decide };
