import { defineKind } from '../shared/record-kind';
import { followUpAccess } from './follow-up.access';
import { followUpDecider, FOLLOW_UP_RECORD } from './follow-up.decider';
import { FOLLOW_UP_EVENTS } from './follow-up.events';

/** 差评跟进: opened by a 差评, dispute or complaint on a delivery; due in working days; escalated when overdue. */
export const followUpKind = defineKind({
  name: 'followup',
  labelZh: '差评跟进',
  label: FOLLOW_UP_RECORD,
  decider: followUpDecider,
  access: followUpAccess,
  events: FOLLOW_UP_EVENTS,
  publication: { topic: 'followups.v1', typeNamespace: 'cn.sme-ledger.followup' },
});
