import { defineKind } from '../shared/record-kind';
import { ERASURE_RECORD, ERASURE_EVENTS, erasureDecider } from './erasure';
import { erasureAccess } from './erasure.access';

/** 个人信息删除: one stream per erasure request, `erasure-<id>`. */
export const erasureKind = defineKind({
  name: 'erasure',
  labelZh: '个人信息删除',
  label: ERASURE_RECORD,
  decider: erasureDecider,
  access: erasureAccess,
  events: ERASURE_EVENTS,
  publication: { topic: 'erasures.v1', typeNamespace: 'cn.sme-ledger.erasure' },
});
