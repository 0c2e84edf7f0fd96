import { defineKind } from '../shared/record-kind';
import { voucherAccess } from './voucher.access';
import { voucherDecider, VOUCHER_PROGRAMME_RECORD } from './voucher.decider';
import { VOUCHER_EVENTS } from './voucher.events';

/** 服务券计划: a programme's terms, budget and the quotas granted from it, one stream per programme (its books are one consistency boundary). */
export const voucherKind = defineKind({
  name: 'voucher',
  labelZh: '服务券计划',
  label: VOUCHER_PROGRAMME_RECORD,
  decider: voucherDecider,
  access: voucherAccess,
  events: VOUCHER_EVENTS,
  publication: { topic: 'vouchers.v1', typeNamespace: 'cn.sme-ledger.voucher' },
});
