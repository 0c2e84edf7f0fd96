import type { DomainEvent } from '../shared/decider';
import type { FaqContent } from './faq.commands';

export type FaqPublished = DomainEvent<
  'FaqPublished',
  { faqId: string; regionCode: string; version: number; publishedAt: string } & FaqContent
>;

/** Carries the whole new version and which fields changed. */
export type FaqRevised = DomainEvent<'FaqRevised', { faqId: string; version: number; changedFields: string[]; revisedAt: string } & FaqContent>;

export type FaqRetired = DomainEvent<'FaqRetired', { faqId: string; reason: string; retiredAt: string }>;

export type FaqEvent = FaqPublished | FaqRevised | FaqRetired;

/** Current schema version of each event type (the envelope carries it). */
export const FAQ_EVENT_SCHEMA_VERSIONS: Record<FaqEvent['type'], number> = {
  FaqPublished: 1,
  FaqRevised: 1,
  FaqRetired: 1,
};
