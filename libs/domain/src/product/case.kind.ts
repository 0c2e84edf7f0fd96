import { defineKind } from '../shared/record-kind';
import { serviceCaseAccess } from './case.access';
import { serviceCaseDecider, CASE_RECORD } from './case.decider';
import { CASE_EVENTS } from './case.events';

/** 服务案例: a service a provider in the 库 delivered, named or anonymised, retired when it should go. */
export const serviceCaseKind = defineKind({
  name: 'case',
  labelZh: '服务案例',
  label: CASE_RECORD,
  decider: serviceCaseDecider,
  access: serviceCaseAccess,
  events: CASE_EVENTS,
  publication: { topic: 'cases.v1', typeNamespace: 'cn.sme-ledger.case' },
});
