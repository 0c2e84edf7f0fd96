import { defineKind } from '../shared/record-kind';
import { evaluationAccess } from './evaluation.access';
import { evaluationDecider, EVALUATION_RECORD } from './evaluation.decider';
import { EVALUATION_EVENTS } from './evaluation.events';

/** 综合评价: one per city, year and subject; run, scored, published, then 优胜劣汰. */
export const evaluationKind = defineKind({
  name: 'evaluation',
  labelZh: '综合评价',
  label: EVALUATION_RECORD,
  decider: evaluationDecider,
  access: evaluationAccess,
  events: EVALUATION_EVENTS,
  publication: { topic: 'evaluations.v1', typeNamespace: 'cn.sme-ledger.evaluation' },
});
