import type { RecordLabel } from '../shared/record-kind';
import { createdOnce, decideByType } from '../shared/decide-by-type';
import { assertNever, type Decider } from '../shared/decider';
import { requireText } from '../shared/validation';
import { checkRevision } from '../shared/revisions';
import { requireTextList } from '../shared/code-lists';
import { requirePublished, retired, retirementOf, type Retirement } from '../shared/retirement';
import type { FaqCommand, PublishFaq, RetireFaq, ReviseFaq } from './faq.commands';
import { FAQ_CONTENT_FIELDS, type FaqContent, type FaqEvent } from './faq.events';

export type FaqVersion = FaqContent & { version: number; recordedAt: string };

export type FaqRecord = FaqContent & {
  faqId: string;
  /** The publishing actor's region: editors whose region contains it keep the FAQ. */
  regionCode: string;
  version: number;
  versions: FaqVersion[];
  publishedAt: string;
};

export type FaqState =
  | { status: 'NONE' }
  | ({ status: 'PUBLISHED' } & FaqRecord)
  | (Retirement & FaqRecord);

export type ExistingFaq = Exclude<FaqState, { status: 'NONE' }>;

const initialState = (): FaqState => ({ status: 'NONE' });

const faqContentOf = ({ question, answer, topics, policyIds }: FaqContent): FaqContent => ({ question, answer, topics, policyIds });

function evolve(state: FaqState, event: FaqEvent): FaqState {
  switch (event.type) {
    case 'FaqPublished': {
      const { faqId, regionCode, version, publishedAt } = event.data;
      const content = faqContentOf(event.data);
      return { status: 'PUBLISHED', faqId, regionCode, ...content, version, versions: [{ ...content, version, recordedAt: publishedAt }], publishedAt };
    }
    case 'FaqRevised': {
      if (state.status !== 'PUBLISHED') return state;
      const content = faqContentOf(event.data);
      const { version, revisedAt } = event.data;
      return { ...state, ...content, version, versions: [...state.versions, { ...content, version, recordedAt: revisedAt }] };
    }
    case 'FaqRetired':
      return state.status === 'PUBLISHED' ? retired(state, event.data) : state;
    default:
      return assertNever(event);
  }
}

/** How FAQ records are named when one is missing or is created a second time. */
export const FAQ_RECORD: RecordLabel = { code: 'FAQ', zh: '常见问题', en: 'FAQ' };

const decide = decideByType<FaqCommand, FaqState, FaqEvent, 'PublishFaq'>({
  onNew: { PublishFaq: createdOnce(FAQ_RECORD, publish) },
  on: { ReviseFaq: revise, RetireFaq: retire },
  record: FAQ_RECORD,
});


function checkFaqContent(content: Partial<FaqContent>, prefix: string): FaqContent {
  const at = (name: string) => (prefix === '' ? name : `${prefix}.${name}`);
  return {
    question: requireText(content.question, at('question'), { zh: '问题', en: 'Question' }),
    answer: requireText(content.answer, at('answer'), { zh: '解答', en: 'Answer' }),
    topics: requireTextList(content.topics, at('topics'), { zh: '主题', en: 'Topic' }),
    policyIds: requireTextList(content.policyIds, at('policyIds'), { zh: '相关政策', en: 'Policy id' }, 0),
  };
}

function publish(command: PublishFaq, state: FaqState): FaqEvent[] {
  const { data, metadata } = command;
  const faqId = requireText(data.faqId, 'faqId', { zh: '常见问题编号', en: 'FAQ id' });
  const content = checkFaqContent(data, '');
  return [
    {
      type: 'FaqPublished',
      data: { faqId, regionCode: metadata.actor.regionCode, version: 1, ...content, publishedAt: metadata.now.toISOString() },
    },
  ];
}

function revise(command: ReviseFaq, faq: ExistingFaq): FaqEvent[] {
  const { data, metadata } = command;
  requirePublished(faq, FAQ_RECORD);
  const { content, changedFields } = checkRevision(faqContentOf(faq), data.changes, FAQ_CONTENT_FIELDS, checkFaqContent);
  return [{ type: 'FaqRevised', data: { faqId: faq.faqId, version: faq.version + 1, ...content, changedFields, revisedAt: metadata.now.toISOString() } }];
}

function retire(command: RetireFaq, faq: ExistingFaq): FaqEvent[] {
  return [{ type: 'FaqRetired', data: { faqId: faq.faqId, ...retirementOf(faq, command, FAQ_RECORD) } }];
}

export const faqDecider: Decider<FaqCommand, FaqState, FaqEvent> = { initialState, evolve, decide };
