import { defineKind } from '../shared/record-kind';
import { faqAccess } from './faq.access';
import { faqDecider } from './faq.decider';
import { FAQ_EVENT_SCHEMA_VERSIONS } from './faq.events';

/** 常见问题解答 of the 基础信息库: published into a region, revised, retired. */
export const faqKind = defineKind({
  name: 'faq',
  labelZh: '常见问题解答',
  decider: faqDecider,
  access: faqAccess,
  schemaVersions: FAQ_EVENT_SCHEMA_VERSIONS,
  publication: {
    topic: 'faqs.v1',
    typeNamespace: 'cn.sme-ledger.faq',
    actions: {
      FaqPublished: 'published',
      FaqRevised: 'revised',
      FaqRetired: 'retired',
    },
  },
});
