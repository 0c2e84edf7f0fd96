import { defineKind } from '../shared/record-kind';
import { deliveryAccess } from './delivery.access';
import { deliveryDecider, DELIVERY_RECORD } from './delivery.decider';
import { DELIVERY_EVENTS } from './delivery.events';

/** 服务项目: one service to one enterprise, from registration to 归档, with its feedback, complaints and 回访. */
export const deliveryKind = defineKind({
  name: 'delivery',
  labelZh: '服务项目',
  label: DELIVERY_RECORD,
  decider: deliveryDecider,
  access: deliveryAccess,
  events: DELIVERY_EVENTS,
  publication: { topic: 'deliveries.v1', typeNamespace: 'cn.sme-ledger.delivery' },
});
