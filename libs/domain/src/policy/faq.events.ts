import { arrayOf, publishedEvent, recordId, regionCode, retiredEvent, revisedEvent, text, type Static, type TObject } from '../shared/schema/builders';
import type { EventOf, EventsByType, EventSpecs } from '../shared/schema/event-spec';

/** 常见问题解答 in the 基础信息库. `topics` are free keywords (e.g. 融资, 税收优惠); `policyIds` the policies it explains. */
export const FAQ_CONTENT = {
  question: text('问题'),
  answer: text('解答'),
  topics: arrayOf(text(), { minItems: 1, uniqueItems: true, description: '主题: free keywords, e.g. 融资, 税收优惠' }),
  policyIds: arrayOf(text(), { uniqueItems: true, description: 'The policies it explains (policy ids), possibly none' }),
};
export type FaqContent = Static<TObject<typeof FAQ_CONTENT>>;

export const FAQ_CONTENT_FIELDS = ['question', 'answer', 'topics', 'policyIds'] as const;

/** 常见问题解答: every event of an FAQ's record. */
export const FAQ_EVENTS = {
  FaqPublished: publishedEvent(
    { faqId: recordId('The FAQ'), regionCode: regionCode('The publishing actor’s region: editors whose region contains it keep the FAQ') },
    FAQ_CONTENT,
    { title: 'FAQ published (发布常见问题解答)', summary: 'The hub or an authority published a question and answer for its region, version 1.' },
  ),
  FaqRevised: revisedEvent({ faqId: recordId('The FAQ') }, FAQ_CONTENT, FAQ_CONTENT_FIELDS, {
    action: 'revised',
    title: 'FAQ revised (常见问题解答修订)',
    summary: 'A new version of the FAQ; the event carries the whole version and the fields that changed.',
  }),
  FaqRetired: retiredEvent({ faqId: recordId('The FAQ') }, {
    title: 'FAQ retired (常见问题解答下架)',
    summary: 'The FAQ was taken off; it takes no more revisions.',
  }),
} satisfies EventSpecs;

export type FaqEvent = EventOf<typeof FAQ_EVENTS>;
export type FaqEvents = EventsByType<typeof FAQ_EVENTS>;
