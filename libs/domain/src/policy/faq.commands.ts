import type { DomainCommand } from '../shared/decider';

/** 常见问题解答 in the 基础信息库. `topics` are free keywords (e.g. 融资, 税收优惠); `policyIds` the policies it explains. */
export type FaqContent = { question: string; answer: string; topics: string[]; policyIds: string[] };

/** By the HUB or an authority; the FAQ belongs to the actor's region. */
export type PublishFaq = DomainCommand<
  'PublishFaq',
  { faqId: string; question: string; answer: string; topics: string[]; policyIds?: string[] }
>;

/** A new version: the fields given replace the current ones. */
export type ReviseFaq = DomainCommand<'ReviseFaq', { faqId: string; changes: Partial<FaqContent> }>;

export type RetireFaq = DomainCommand<'RetireFaq', { faqId: string; reason: string }>;

export type FaqCommand = PublishFaq | ReviseFaq | RetireFaq;
