import { at, businessDate, closed, integer, oneOf, optional, publishedEvent, recordId, regionCode, revisedEvent, text } from '../shared/schema/builders';
import type { EventOf, EventsByType, EventSpecs } from '../shared/schema/event-spec';
import { POLICY_CONTENT, POLICY_CONTENT_FIELDS, policyLevels } from './policy.rules';

const policyId = () => recordId('The policy');

/** 法律政策: every event of a policy's record. */
export const POLICY_EVENTS = {
  PolicyPublished: publishedEvent(
    {
      policyId: policyId(),
      level: oneOf(policyLevels.codes, 'NATIONAL 国家级, PROVINCIAL 省级, MUNICIPAL 市级, DISTRICT 区（县）级'),
      regionCode: optional(
        regionCode('Issuing region: a province code for PROVINCIAL, a city code for MUNICIPAL, a district code for DISTRICT; absent for NATIONAL'),
      ),
    },
    POLICY_CONTENT,
    {
      title: 'Policy published (发布政策)',
      summary: 'A policy entered the library (基础信息库), version 1, with its level, issuing region and eligibility.',
      description:
        'NATIONAL and PROVINCIAL policies are recorded by the platform’s administrator, MUNICIPAL ones by the city authority, ' +
        'DISTRICT ones by the district or city authority.',
    },
  ),
  PolicyAmended: revisedEvent({ policyId: policyId() }, POLICY_CONTENT, POLICY_CONTENT_FIELDS, {
    action: 'amended',
    title: 'Policy amended (政策修订)',
    summary: 'A new version of the policy; the event carries the whole version and the fields that changed.',
  }),
  PolicyRepealed: {
    version: 1,
    action: 'repealed',
    title: 'Policy repealed (政策废止)',
    summary: 'The policy is repealed from a day on (自…起废止); it is no longer pushed nor amended.',
    payload: closed({
      policyId: policyId(),
      on: businessDate('First day the policy is no longer in force; not after effectiveUntil'),
      reason: text('废止原因'),
      repealedAt: at('When the repeal was recorded'),
    }),
  },
  PolicyPushed: {
    version: 1,
    action: 'pushed',
    title: 'Policy pushed (政策推送)',
    summary: 'The policy’s current version was pushed to one enterprise; one event per enterprise of a push, never the same version twice.',
    payload: closed({
      policyId: policyId(),
      pushId: text('The push (one request, many enterprises)'),
      enterpriseId: recordId('The enterprise reached'),
      version: integer(1, undefined, 'The version pushed'),
      pushedAt: at('When it was pushed'),
    }),
  },
} satisfies EventSpecs;

export type PolicyEvent = EventOf<typeof POLICY_EVENTS>;
export type PolicyEvents = EventsByType<typeof POLICY_EVENTS>;
