import { fold } from '../shared/decider';
import { expertDecider } from './expert.decider';
import type { ExpertEvent } from './expert.events';
import { panelCandidateOf } from './expert.panel';

const ID = 'expert-chen';
const UNIVERSITY = '12440000455858371B';
const FIRM = '91440106MA59C3PL24';

const registered: ExpertEvent = {
  type: 'ExpertRegistered',
  data: {
    expertId: ID,
    name: '陈静',
    specialties: [{ domain: 'IP' }],
    organisation: { id: UNIVERSITY, name: '广东某大学' },
    regionCode: '440106',
    cityCode: '440100',
    title: '教授',
    registeredBy: 'HUB',
    registeredAt: '2024-01-10T02:00:00.000Z',
  },
};
const admitted: ExpertEvent = { type: 'ExpertAdmitted', data: { expertId: ID, opinion: '同意入库', admittedAt: '2024-02-01T02:00:00.000Z' } };
const suspended: ExpertEvent = { type: 'ExpertSuspended', data: { expertId: ID, reason: '未申明利益关系', suspendedAt: '2024-06-01T02:00:00.000Z' } };
const moved: ExpertEvent = {
  type: 'ExpertOrganisationChanged',
  data: { expertId: ID, from: { id: UNIVERSITY, name: '广东某大学' }, to: { id: FIRM, name: '某代理公司' }, changedAt: '2024-09-01T02:00:00.000Z' },
};
const stateOf = (events: ExpertEvent[]) => fold(expertDecider, events);

describe('panelCandidateOf (what the registry says of a proposed panel member)', () => {
  it('has no registry entry for an expert never registered, or registered only later', () => {
    expect(panelCandidateOf(ID, stateOf([]), '2024-03-01T10:00:00+08:00')).toEqual({ expertId: ID });
    expect(panelCandidateOf(ID, stateOf([registered, admitted]), '2024-01-01T10:00:00+08:00')).toEqual({ expertId: ID });
  });

  it('gives the name, the organisation held at that time and availability then', () => {
    const history = stateOf([registered, admitted, moved]);
    expect(panelCandidateOf(ID, history, '2024-03-01T10:00:00+08:00')).toEqual({
      expertId: ID,
      registry: { name: '陈静', organisation: UNIVERSITY, available: true },
    });
    expect(panelCandidateOf(ID, history, '2024-10-01T10:00:00+08:00').registry?.organisation).toBe(FIRM);
  });

  it('is unavailable before admission and while suspended', () => {
    expect(panelCandidateOf(ID, stateOf([registered]), '2024-03-01T10:00:00+08:00').registry?.available).toBe(false);
    const history = stateOf([registered, admitted, suspended]);
    expect(panelCandidateOf(ID, history, '2024-05-01T10:00:00+08:00').registry?.available).toBe(true);
    expect(panelCandidateOf(ID, history, '2024-07-01T10:00:00+08:00').registry?.available).toBe(false);
  });
});
