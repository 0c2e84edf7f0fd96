import { defineKind } from '../shared/record-kind';
import { evaluationSchemeAccess, evaluationSchemeDecider, EVALUATION_SCHEME_RECORD } from './evalscheme.decider';
import { EVALUATION_SCHEME_EVENTS } from './evalscheme.events';

/** 评价方案: one per city, year and subject (station, centre, provider), versioned. */
export const evaluationSchemeKind = defineKind({
  name: 'evalscheme',
  labelZh: '评价方案',
  label: EVALUATION_SCHEME_RECORD,
  decider: evaluationSchemeDecider,
  access: evaluationSchemeAccess,
  events: EVALUATION_SCHEME_EVENTS,
  publication: { topic: 'evalschemes.v1', typeNamespace: 'cn.sme-ledger.evalscheme' },
});
