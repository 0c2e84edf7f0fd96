import { defineKind } from '../shared/record-kind';
import { activityAccess } from './activity.access';
import { activityDecider, ACTIVITY_RECORD } from './activity.decider';
import { ACTIVITY_EVENTS } from './activity.events';

/** 服务活动: one activity (培训, 沙龙, 对接会, …) from its plan to its holding and its attendees' feedback. */
export const activityKind = defineKind({
  name: 'activity',
  labelZh: '服务活动',
  label: ACTIVITY_RECORD,
  decider: activityDecider,
  access: activityAccess,
  events: ACTIVITY_EVENTS,
  publication: { topic: 'activities.v1', typeNamespace: 'cn.sme-ledger.activity' },
});
