import { defineKind } from '../shared/record-kind';
import { enterpriseAccess } from './enterprise.access';
import { enterpriseDecider, ENTERPRISE_RECORD } from './enterprise.decider';
import { ENTERPRISE_EVENTS } from './enterprise.events';

/** 中小企业数据库: an enterprise's registration, yearly figures, size class, profile and tags. */
export const enterpriseKind = defineKind({
  name: 'enterprise',
  labelZh: '中小企业',
  label: ENTERPRISE_RECORD,
  decider: enterpriseDecider,
  access: enterpriseAccess,
  events: ENTERPRISE_EVENTS,
  publication: { topic: 'enterprises.v1', typeNamespace: 'cn.sme-ledger.enterprise' },
});
