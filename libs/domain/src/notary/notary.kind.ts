import { defineKind } from '../shared/record-kind';
import { NOTARY_CHECKPOINT_RECORD, NOTARY_EVENTS, notaryDecider } from './notary';
import { notaryAccess } from './notary.access';

/** 存证检查点: the one stream `notary-checkpoints` of the ledger's signed checkpoints. */
export const notaryKind = defineKind({
  name: 'notary',
  labelZh: '存证检查点',
  label: NOTARY_CHECKPOINT_RECORD,
  decider: notaryDecider,
  access: notaryAccess,
  events: NOTARY_EVENTS,
  publication: { topic: 'checkpoints.v1', typeNamespace: 'cn.sme-ledger.notary' },
});
