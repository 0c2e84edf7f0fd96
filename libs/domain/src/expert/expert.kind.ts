import { defineKind } from '../shared/record-kind';
import { expertAccess } from './expert.access';
import { expertDecider, EXPERT_RECORD } from './expert.decider';
import { EXPERT_EVENTS } from './expert.events';

/** 服务专家库: an expert's registration, admission, suspensions, removal and profile (the id is the expert's user id). */
export const expertKind = defineKind({
  name: 'expert',
  labelZh: '服务专家',
  label: EXPERT_RECORD,
  decider: expertDecider,
  access: expertAccess,
  events: EXPERT_EVENTS,
  publication: { topic: 'experts.v1', typeNamespace: 'cn.sme-ledger.expert' },
});
