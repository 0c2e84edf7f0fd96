import type { DomainCommand } from '../shared/decider';
import type { FaqContent, FaqEvents } from './faq.events';

/** By the HUB or an authority; the FAQ belongs to the actor's region. */
export type PublishFaq = DomainCommand<
  'PublishFaq',
  { faqId: string; question: string; answer: string; topics: string[]; policyIds?: string[] }
>;

/** A new version: the fields given replace the current ones. */
export type ReviseFaq = DomainCommand<'ReviseFaq', { faqId: string; changes: Partial<FaqContent> }>;

export type RetireFaq = DomainCommand<'RetireFaq', Omit<FaqEvents['FaqRetired']['data'], 'retiredAt'>>;

export type FaqCommand = PublishFaq | ReviseFaq | RetireFaq;
