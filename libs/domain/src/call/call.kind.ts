import { defineKind } from '../shared/record-kind';
import { callAccess } from './call.access';
import { callDecider, CALL_RECORD } from './call.decider';
import { CALL_EVENTS } from './call.events';

/** 征集批次: opened by a city's bureau, closed, and its approved stations published as a list. */
export const callKind = defineKind({
  name: 'call',
  labelZh: '征集批次',
  label: CALL_RECORD,
  decider: callDecider,
  access: callAccess,
  events: CALL_EVENTS,
  publication: { topic: 'calls.v1', typeNamespace: 'cn.sme-ledger.station.call' },
});
