import type { Actor } from '../shared/decider';
import { anActor, commandsOn, commandWith, gzHub, TIANHE, tianheAuthority, type CommandData } from '../shared/testing';
import type { PolicyCommand, PublishPolicy } from './policy.commands';
import type { PolicyEvent, PolicyEvents } from './policy.events';

/** A district policy of 天河区 (2024) and the actors around it, as test data. */
export { admin, GZ, gzBureau, gzHub, HAIZHU, haizhuAuthority, szBureau, szHub, TIANHE, tianheAuthority } from '../shared/testing';
export const provider = anActor('PROVIDER', TIANHE, 'provider-user');
export const NOW = '2024-03-01T10:00:00+08:00';
export const NOW_ISO = '2024-03-01T02:00:00.000Z';
export const POLICY_ID = 'policy-th-2024-01';

export const tianhePolicy: PublishPolicy['data'] = {
  policyId: POLICY_ID,
  level: 'DISTRICT',
  regionCode: TIANHE,
  title: '天河区促进专精特新企业高质量发展若干措施',
  issuer: '广州市天河区商务和金融工作局',
  documentNumber: '穗天商金〔2024〕12号',
  effectiveFrom: '2024-03-01',
  effectiveUntil: '2026-02-28',
  summary: '对新认定的专精特新中小企业给予一次性奖励。',
  eligibility: { sizeClasses: ['SMALL', 'MEDIUM'], tags: ['SPECIALISED'], tagsMode: 'ANY' },
};

export const publish = commandWith('PublishPolicy', tianhePolicy, tianheAuthority, NOW);
export type DataOf<T extends PolicyCommand['type']> = CommandData<PolicyCommand, T, 'policyId'>;
export const cmd = commandsOn<PolicyCommand>()({ policyId: POLICY_ID }, tianheAuthority, NOW);
export const amend = (changes: unknown, actor = tianheAuthority) => cmd('AmendPolicy', { changes } as DataOf<'AmendPolicy'>, actor);
export const repeal = (on: string, reason = '被新政策替代', actor = tianheAuthority) => cmd('RepealPolicy', { on, reason }, actor);
export const push = (enterpriseIds: string[], pushId = 'push-1', actor: Actor = gzHub, now = NOW) =>
  cmd('PushPolicy', { pushId, enterpriseIds }, actor, now);

export const published: PolicyEvents['PolicyPublished'] = {
  type: 'PolicyPublished',
  data: {
    policyId: POLICY_ID,
    level: 'DISTRICT',
    regionCode: TIANHE,
    version: 1,
    title: tianhePolicy.title,
    issuer: tianhePolicy.issuer,
    documentNumber: tianhePolicy.documentNumber,
    effectiveFrom: '2024-03-01',
    effectiveUntil: '2026-02-28',
    summary: tianhePolicy.summary,
    // As applied: sizes in list order, the district as the default region.
    eligibility: { sizeClasses: ['MEDIUM', 'SMALL'], tags: ['SPECIALISED'], tagsMode: 'ANY', regionCodes: [TIANHE] },
    publishedAt: NOW_ISO,
  },
};
const { policyId: _policyId, level: _level, regionCode: _regionCode, version: _version, publishedAt: _publishedAt, ...publishedContent } = published.data;
/** What the publication says, without the record's level, region and version. */
export const content = publishedContent;
export const amended: PolicyEvent = {
  type: 'PolicyAmended',
  data: { policyId: POLICY_ID, version: 2, ...content, summary: '奖励标准调整。', changedFields: ['summary'], amendedAt: '2024-06-01T02:00:00.000Z' },
};
export const repealed: PolicyEvent = { type: 'PolicyRepealed', data: { policyId: POLICY_ID, on: '2025-01-01', reason: '被新政策替代', repealedAt: '2024-12-01T02:00:00.000Z' } };
export const pushed = (enterpriseId: string, version = 1, pushId = 'push-0'): PolicyEvent => ({
  type: 'PolicyPushed',
  data: { policyId: POLICY_ID, pushId, enterpriseId, version, pushedAt: '2024-03-02T02:00:00.000Z' },
});
