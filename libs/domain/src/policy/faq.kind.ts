import { defineKind } from '../shared/record-kind';
import { faqAccess } from './faq.access';
import { faqDecider, FAQ_RECORD } from './faq.decider';
import { FAQ_EVENTS } from './faq.events';

/** 常见问题解答 of the 基础信息库: published into a region, revised, retired. */
export const faqKind = defineKind({
  name: 'faq',
  labelZh: '常见问题解答',
  label: FAQ_RECORD,
  decider: faqDecider,
  access: faqAccess,
  events: FAQ_EVENTS,
  publication: { topic: 'faqs.v1', typeNamespace: 'cn.sme-ledger.faq' },
});
