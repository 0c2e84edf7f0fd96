import { admin, anActor, commandsOn, commandWith, given, GZ, gzBureau, gzHub, haizhuAuthority, TIANHE, tianheAuthority } from '../shared/testing';
import type { FaqCommand, PublishFaq } from './faq.commands';
import { faqDecider } from './faq.decider';
import { faqKind } from './faq.kind';
import type { FaqEvent } from './faq.events';

const operator = anActor('STATION_OPERATOR', TIANHE, 'op-user');
const NOW = '2024-03-01T10:00:00+08:00';
const NOW_ISO = new Date(NOW).toISOString();
const FAQ_ID = 'faq-001';

const question: PublishFaq['data'] = {
  faqId: FAQ_ID,
  question: '小微企业如何申请服务券？',
  answer: '通过市中小企业信息化服务平台在线申领。',
  topics: ['服务券', '小微企业'],
  policyIds: ['policy-gz-2024-03'],
};

const publish = commandWith('PublishFaq', question, tianheAuthority, NOW);
const cmd = commandsOn<FaqCommand>()({ faqId: FAQ_ID }, tianheAuthority, NOW);
const revise = (changes: unknown, actor = tianheAuthority) => cmd('ReviseFaq', { changes: changes as never }, actor);
const retire = (reason = '政策已废止', actor = tianheAuthority) => cmd('RetireFaq', { reason }, actor);

const content = { question: question.question, answer: question.answer, topics: question.topics, policyIds: ['policy-gz-2024-03'] };
const published: FaqEvent = {
  type: 'FaqPublished',
  data: { faqId: FAQ_ID, regionCode: TIANHE, version: 1, ...content, publishedAt: '2024-02-01T02:00:00.000Z' },
};
const retired: FaqEvent = { type: 'FaqRetired', data: { faqId: FAQ_ID, reason: '过时', retiredAt: '2024-02-10T02:00:00.000Z' } };

describe('FAQ (基础信息库 · 常见问题解答)', () => {
  describe('PublishFaq', () => {
    it('publishes version 1 in the actor’s region', () => {
      given(faqKind, [])
        .when(publish())
        .then([{ type: 'FaqPublished', data: { faqId: FAQ_ID, regionCode: TIANHE, version: 1, ...content, publishedAt: NOW_ISO } }])
        .andState((state) => expect(state).toMatchObject({ status: 'PUBLISHED', version: 1, regionCode: TIANHE }));
    });

    it('links no policy unless told', () => {
      const [event] = faqDecider.decide(publish({ policyIds: undefined }), { status: 'NONE' });
      expect(event.type === 'FaqPublished' && event.data.policyIds).toEqual([]);
    });

    it.each([gzHub, gzBureau, admin])('is for the hub, the authorities and admins ($role)', (actor) => {
      given(faqKind, []).when(publish({}, actor)).thenEmits(['FaqPublished']);
    });

    it('is not for others', () => {
      given(faqKind, []).when(publish({}, operator)).thenThrows('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
    });

    it('publishes once', () => {
      given(faqKind, [published]).when(publish()).thenThrows('FAQ_ALREADY_EXISTS', { kind: 'CONFLICT' });
    });

    it.each(['faqId', 'question', 'answer'] as const)('needs %s', (field) => {
      given(faqKind, []).when(publish({ [field]: ' ' })).thenThrows('FIELD_REQUIRED', { field });
    });

    it('needs topics, each once', () => {
      given(faqKind, []).when(publish({ topics: [] })).thenThrows('FIELD_INVALID', { field: 'topics' });
      given(faqKind, []).when(publish({ topics: ['融资', ' 融资 '] })).thenThrows('FIELD_INVALID', { field: 'topics.1' });
      given(faqKind, []).when(publish({ policyIds: ['p-1', ''] })).thenThrows('FIELD_REQUIRED', { field: 'policyIds.1' });
    });
  });

  describe('ReviseFaq', () => {
    it('records a new version with the whole content', () => {
      given(faqKind, [published])
        .when(revise({ answer: '线上线下均可申领。' }))
        .then([
          {
            type: 'FaqRevised',
            data: { faqId: FAQ_ID, version: 2, ...content, answer: '线上线下均可申领。', changedFields: ['answer'], revisedAt: NOW_ISO },
          },
        ])
        .andState((state) => {
          expect(state).toMatchObject({ version: 2, answer: '线上线下均可申领。' });
          expect(state.status === 'PUBLISHED' && state.versions.map((v) => v.version)).toEqual([1, 2]);
        });
    });

    it('unlinks policies with null', () => {
      const [event] = faqDecider.decide(revise({ policyIds: null }), given(faqKind, [published]).state);
      expect(event.data).toMatchObject({ policyIds: [], changedFields: ['policyIds'] });
    });

    it('must change something', () => {
      given(faqKind, [published]).when(revise({ topics: ['服务券', '小微企业'] })).thenThrows('NOTHING_CHANGED', { kind: 'CONFLICT' });
      given(faqKind, [published]).when(revise({ regionCode: GZ })).thenThrows('FIELD_INVALID', { field: 'changes.regionCode' });
      given(faqKind, [published]).when(revise({ question: '' })).thenThrows('FIELD_REQUIRED', { field: 'changes.question' });
    });

    it('is for editors whose region contains the FAQ’s', () => {
      given(faqKind, [published]).when(revise({ answer: '新' }, gzHub)).thenEmits(['FaqRevised']);
      given(faqKind, [published]).when(revise({ answer: '新' }, admin)).thenEmits(['FaqRevised']);
      given(faqKind, [published]).when(revise({ answer: '新' }, haizhuAuthority)).thenThrows('REGION_NOT_PERMITTED', { kind: 'FORBIDDEN' });
      given(faqKind, [published]).when(revise({ answer: '新' }, operator)).thenThrows('ROLE_NOT_PERMITTED');
    });

    it('cannot revise a retired FAQ', () => {
      given(faqKind, [published, retired]).when(revise({ answer: '新' })).thenThrows('FAQ_RETIRED', { kind: 'CONFLICT' });
    });
  });

  describe('RetireFaq', () => {
    it('retires with a reason', () => {
      given(faqKind, [published])
        .when(retire())
        .then([{ type: 'FaqRetired', data: { faqId: FAQ_ID, reason: '政策已废止', retiredAt: NOW_ISO } }])
        .andState((state) => expect(state).toMatchObject({ status: 'RETIRED', retirementReason: '政策已废止' }));
    });

    it('retires once, with a reason, by an editor of the region', () => {
      given(faqKind, [published, retired]).when(retire()).thenThrows('FAQ_RETIRED');
      given(faqKind, [published]).when(retire('')).thenThrows('FIELD_REQUIRED', { field: 'reason' });
      given(faqKind, [published]).when(retire('过时', haizhuAuthority)).thenThrows('REGION_NOT_PERMITTED');
    });
  });

  it.each<FaqCommand>([revise({ answer: 'x' }), retire()])('$type on an FAQ that does not exist is FAQ_NOT_FOUND', (command) => {
    given(faqKind, []).when(command).thenThrows('FAQ_NOT_FOUND', { kind: 'NOT_FOUND' });
  });
});
