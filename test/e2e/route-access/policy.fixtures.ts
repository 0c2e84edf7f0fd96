import { actors } from '../support/station-lifecycle';
import type { Fixtures } from './fixtures';
import { faqBody, policyBody } from '../support/library-bodies';

/** 基础信息库: the city authority publishes and manages a municipal policy; the city's hub keeps the FAQs. */
export const policyFixtures: Fixtures = {
  'policy.PublishPolicy': async () => ({ path: '/policies', body: policyBody, actor: actors.city }),
  'policy.AmendPolicy': async (w) => ({ path: `/policies/${await w.policy()}/amendments`, body: { summary: '补贴标准提高' }, actor: actors.city }),
  'policy.RepealPolicy': async (w) => ({ path: `/policies/${await w.policy()}/repeal`, body: { on: '2025-10-01', reason: '被新政策替代' }, actor: actors.city }),
  'policy.PushPolicy': async (w) => ({ path: `/policies/${await w.policy()}/push`, body: {}, actor: actors.city }),
  'faq.PublishFaq': async () => ({ path: '/faqs', body: faqBody, actor: actors.hub }),
  'faq.ReviseFaq': async (w) => ({ path: `/faqs/${await w.faq()}/revisions`, body: { answer: '通过广东省中小企业服务平台提交申请。' }, actor: actors.hub }),
  'faq.RetireFaq': async (w) => ({ path: `/faqs/${await w.faq()}/retirement`, body: { reason: '政策已调整' }, actor: actors.hub }),
};
