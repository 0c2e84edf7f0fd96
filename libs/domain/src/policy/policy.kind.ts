import { defineKind } from '../shared/record-kind';
import { policyAccess } from './policy.access';
import { policyDecider, POLICY_RECORD } from './policy.decider';
import { POLICY_EVENTS } from './policy.events';

/** 法律政策 of the 基础信息库: published by level and region, amended, repealed, pushed to enterprises. */
export const policyKind = defineKind({
  name: 'policy',
  labelZh: '法律政策',
  label: POLICY_RECORD,
  decider: policyDecider,
  access: policyAccess,
  events: POLICY_EVENTS,
  publication: { topic: 'policies.v1', typeNamespace: 'cn.sme-ledger.policy' },
});
