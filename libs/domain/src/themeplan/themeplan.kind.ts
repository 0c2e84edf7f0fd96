import { defineKind } from '../shared/record-kind';
import { themePlanAccess } from './themeplan.access';
import { themePlanDecider, THEME_PLAN_RECORD } from './themeplan.decider';
import { THEMEPLAN_EVENTS } from './themeplan.events';

/** 主题月计划: one per city and year, its id derived from both. */
export const themePlanKind = defineKind({
  name: 'themeplan',
  labelZh: '主题月计划',
  label: THEME_PLAN_RECORD,
  decider: themePlanDecider,
  access: themePlanAccess,
  events: THEMEPLAN_EVENTS,
  publication: { topic: 'themeplans.v1', typeNamespace: 'cn.sme-ledger.themeplan' },
});
