import { defineKind } from '../shared/record-kind';
import { applicationAccess } from './application.access';
import { applicationDecider, APPLICATION_RECORD } from './application.decider';
import { APPLICATION_EVENTS } from './application.events';

/** 服务站申请: drafted by an operator, reviewed by its district, scored, recommended and decided. */
export const applicationKind = defineKind({
  name: 'application',
  labelZh: '服务站申请',
  label: APPLICATION_RECORD,
  decider: applicationDecider,
  access: applicationAccess,
  events: APPLICATION_EVENTS,
  publication: { topic: 'applications.v1', typeNamespace: 'cn.sme-ledger.station.application' },
});
