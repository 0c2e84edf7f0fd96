import { Query } from 'mingo';
import { projectDemand } from './demand.projection';
import { foldView } from './fold-view';
import { projectFaq, projectPolicy, type PolicyView } from './policy.projection';
import { demandFilter } from './queries/demand-list';
import { faqFilter, inForceCondition, policyFilter } from './queries/policy-list';
import { handMadeEvents } from './testing/hand-made-events';

const event = handMadeEvents({ id: 'a', role: 'ADMIN', orgId: 'o', regionCode: '440100' }, '2025-01-01T02:00:00.000Z');

const content = {
  title: '措施',
  issuer: '广州市工业和信息化局',
  documentNumber: '穗工信规字〔2025〕3号',
  effectiveFrom: '2025-01-01',
  effectiveUntil: '2025-12-31',
  summary: '摘要',
  eligibility: { regionCodes: ['440100'] },
};

const matches = (filter: Record<string, unknown>, doc: unknown) => new Query(filter).test(doc as Record<string, unknown>);

describe('policies projection', () => {
  const published = event('policy-p1', 'PolicyPublished', { policyId: 'p1', level: 'MUNICIPAL', regionCode: '440100', version: 1, publishedAt: 't', ...content });

  it('keeps the current version at the top, nulls for what is absent, and counts pushes per enterprise', () => {
    const view = foldView(projectPolicy, [
      published,
      event('policy-p1', 'PolicyAmended', { policyId: 'p1', version: 2, changedFields: ['effectiveUntil'], amendedAt: 't', ...content, effectiveUntil: undefined }),
      event('policy-p1', 'PolicyPushed', { policyId: 'p1', pushId: 'x', enterpriseId: 'e1', version: 2, pushedAt: 't' }),
      event('policy-p1', 'PolicyPushed', { policyId: 'p1', pushId: 'x', enterpriseId: 'e2', version: 2, pushedAt: 't' }),
    ])!;
    expect(view).toMatchObject({ id: 'p1', version: 2, effectiveUntil: null, repealedOn: null, status: 'PUBLISHED', pushCount: 2, pushedVersions: { e1: 2, e2: 2 } });
  });

  it('in force: from and until inclusive, a repeal from its day on', () => {
    const view = foldView(projectPolicy, [published, event('policy-p1', 'PolicyRepealed', { policyId: 'p1', on: '2025-07-01', reason: 'r', repealedAt: 't' })])!;
    const open: PolicyView = { ...view, status: 'PUBLISHED', repealedOn: null, effectiveUntil: null };
    expect(['2024-12-31', '2025-01-01', '2025-06-30', '2025-07-01'].map((on) => matches(inForceCondition(on), view))).toEqual([false, true, true, false]);
    expect(['2025-12-31', '2026-01-01'].map((on) => matches(inForceCondition(on), { ...view, repealedOn: null }))).toEqual([true, false]);
    expect(matches(inForceCondition('2099-01-01'), open)).toBe(true);
    expect(matches(policyFilter({ level: 'MUNICIPAL', issuer: '工业和信息化', q: '3号' }), view)).toBe(true);
    expect(matches(policyFilter({ level: 'NATIONAL' }), view)).toBe(false);
  });
});

describe('faqs projection', () => {
  it('revises and retires; a district sees its city’s FAQs', () => {
    const view = foldView(projectFaq, [
      event('faq-f1', 'FaqPublished', { faqId: 'f1', regionCode: '440100', version: 1, publishedAt: 't', question: 'Q', answer: 'A', topics: ['融资'], policyIds: [] }),
      event('faq-f1', 'FaqRevised', { faqId: 'f1', version: 2, changedFields: ['answer'], revisedAt: 't', question: 'Q', answer: 'B', topics: ['融资'], policyIds: [] }),
    ])!;
    expect(view).toMatchObject({ version: 2, answer: 'B', status: 'ACTIVE' });
    expect(matches(faqFilter({ status: 'ACTIVE', regionCode: '440106', topic: '融资' }), view)).toBe(true);
    expect(matches(faqFilter({ regionCode: '440305' }), view)).toBe(false);
    const retired = projectFaq(view, event('faq-f1', 'FaqRetired', { faqId: 'f1', reason: 'r', retiredAt: 't' }))!;
    expect(matches(faqFilter({ status: 'ACTIVE' }), retired)).toBe(false);
  });
});

describe('demands projection', () => {
  const raised = event('demand-d1', 'DemandRaised', {
    demandId: 'd1',
    enterpriseId: 'e1',
    enterpriseUscc: 'U',
    enterpriseRegionCode: '440106',
    category: 'FINANCE',
    description: '贷款',
    urgency: 'HIGH',
    raisedAt: '2025-01-01T02:00:00.000Z',
  });

  it('follows the stages, keeps the last match, the follow-up and the escalation', () => {
    const view = foldView(projectDemand, [
      raised,
      event('demand-d1', 'DemandEscalated', { demandId: 'd1', to: '440106', daysUnaccepted: 4, escalateAfterDays: 3, escalatedAt: 't' }),
      event('demand-d1', 'DemandAccepted', { demandId: 'd1', stationId: 's1', acceptedByOrgId: 'O', acceptedAt: 't' }),
      event('demand-d1', 'DemandMatched', { demandId: 'd1', providerId: 'p1', matchedAt: 't' }),
      event('demand-d1', 'DemandMatched', { demandId: 'd1', providerId: 'p2', productId: 'x', matchedAt: 't' }),
      event('demand-d1', 'DemandResolved', { demandId: 'd1', outcome: 'ok', satisfaction: 1, resolvedAt: 't' }),
      event('demand-d1', 'DemandFollowUpOpened', { demandId: 'd1', satisfaction: 1, openedAt: 't' }),
    ])!;
    expect(view).toMatchObject({
      status: 'RESOLVED',
      cityCode: '440100',
      stationId: 's1',
      match: { providerId: 'p2', productId: 'x' },
      matchCount: 2,
      followUp: { satisfaction: 1 },
      escalated: true,
      escalation: { to: '440106', daysUnaccepted: 4 },
    });
    expect(matches(demandFilter({ regionCode: '440100', stationId: 's1', escalated: true, status: 'RESOLVED' }), view)).toBe(true);
    expect(matches(demandFilter({ regionCode: '440000' }), view)).toBe(true);
    expect(matches(demandFilter({ regionCode: '440105' }), view)).toBe(false);
  });

  it('a raised demand is open, unaccepted and not escalated', () => {
    const view = foldView(projectDemand, [raised])!;
    expect(matches(demandFilter({ status: 'RAISED', escalated: false }), view)).toBe(true);
    expect(view).toMatchObject({ stationId: null, raisedByStationId: null, match: null, closure: null });
  });
});
