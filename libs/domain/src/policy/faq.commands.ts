import type { DomainCommand } from '../shared/decider';
import { arrayOf, text, type Static, type TObject } from '../shared/schema/builders';
import type { FaqRetired } from './faq.events';

/** 常见问题解答 in the 基础信息库. `topics` are free keywords (e.g. 融资, 税收优惠); `policyIds` the policies it explains. */
export const FAQ_CONTENT = {
  question: text('问题'),
  answer: text('解答'),
  topics: arrayOf(text(), { minItems: 1, uniqueItems: true, description: '主题: free keywords, e.g. 融资, 税收优惠' }),
  policyIds: arrayOf(text(), { uniqueItems: true, description: 'The policies it explains (policy ids), possibly none' }),
};
export type FaqContent = Static<TObject<typeof FAQ_CONTENT>>;

export const FAQ_CONTENT_FIELDS = ['question', 'answer', 'topics', 'policyIds'] as const;

/** By the HUB or an authority; the FAQ belongs to the actor's region. */
export type PublishFaq = DomainCommand<
  'PublishFaq',
  { faqId: string; question: string; answer: string; topics: string[]; policyIds?: string[] }
>;

/** A new version: the fields given replace the current ones. */
export type ReviseFaq = DomainCommand<'ReviseFaq', { faqId: string; changes: Partial<FaqContent> }>;

export type RetireFaq = DomainCommand<'RetireFaq', Omit<FaqRetired['data'], 'retiredAt'>>;

export type FaqCommand = PublishFaq | ReviseFaq | RetireFaq;
