import { defineKind } from '../shared/record-kind';
import { demandAccess } from './demand.access';
import { demandDecider, DEMAND_RECORD } from './demand.decider';
import { DEMAND_EVENTS } from './demand.events';

/** 服务需求: raised by an enterprise, taken up by a station, matched, resolved or closed, escalated when left waiting. */
export const demandKind = defineKind({
  name: 'demand',
  labelZh: '服务需求',
  label: DEMAND_RECORD,
  decider: demandDecider,
  access: demandAccess,
  events: DEMAND_EVENTS,
  publication: { topic: 'demands.v1', typeNamespace: 'cn.sme-ledger.demand' },
});
