import { defineKind } from '../shared/record-kind';
import { centreAccess } from './centre.access';
import { centreDecider, CENTRE_RECORD } from './centre.decider';
import { CENTRE_EVENTS } from './centre.events';

/** 服务中心: a province, city, county (or town) SME service centre, checked against its level's standard. */
export const centreKind = defineKind({
  name: 'centre',
  labelZh: '服务中心',
  label: CENTRE_RECORD,
  decider: centreDecider,
  access: centreAccess,
  events: CENTRE_EVENTS,
  publication: { topic: 'centres.v1', typeNamespace: 'cn.sme-ledger.centre' },
});
