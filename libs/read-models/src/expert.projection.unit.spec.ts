import { applicationKind } from '@sme/domain/application/application.kind';
import { expertKind } from '@sme/domain/expert/expert.kind';
import type { ExpertCommand, RegisterExpert } from '@sme/domain/expert/expert.commands';
import { expertDecider } from '@sme/domain/expert/expert.decider';
import type { Actor } from '@sme/domain/shared/decider';
import type { RecordedEvent } from '@sme/event-store';
import { anActor, cityBureau, GZ, hub } from '@sme/domain/shared/testing';
import { expertBlanks, type ExpertChange, type ExpertSuspensionRecord } from './expert.projection';
import { expertsProjection } from './projections';
import { describeDelivery, describeNoViewWithoutStart } from './testing/delivery-cases';
import { actOn, eventLog, givenEvents, type ActNotes, type CommandData } from './testing/projection-gwt';

const EXPERT_ID = 'expert-wang';
const UNIVERSITY = { id: '12440000455858371B', name: '广东某大学' };
const FIRM = { id: '91440106MA59C3PL24', name: '广州知产通知识产权代理有限公司' };

const self = anActor('EXPERT', '440106', EXPERT_ID, UNIVERSITY.id);

const registration: RegisterExpert['data'] = {
  expertId: EXPERT_ID,
  name: '王志明',
  specialties: [{ domain: 'IP', detail: '专利布局' }, { domain: 'LEGAL' }],
  organisation: UNIVERSITY,
  regionCode: '440106',
  title: '教授、专利代理师',
};

/** An expert's registry stream (服务专家库), written through the expert decider. */
function anExpert(expertId = EXPERT_ID, log = eventLog()) {
  const one = actOn(log, expertDecider, expertKind.streamId(expertId), { expertId });
  return {
    log,
    register: () => one('RegisterExpert', registration, { ...self, id: expertId }, '2024-01-10T10:00:00+08:00'),
    admit: () => one('AdmitExpert', { opinion: '同意入库' }, cityBureau, '2024-02-01T10:00:00+08:00'),
    suspend: (when: string, until?: string, notes?: ActNotes) =>
      one('SuspendExpert', { reason: '评审中未申明利益关系', ...(until === undefined ? {} : { until }) }, hub, when, notes),
    reinstate: (when: string) => one('ReinstateExpert', { opinion: '已整改' }, hub, when),
    remove: (when: string, notes?: ActNotes) => one('RemoveExpert', { reason: '本人申请出库' }, cityBureau, when, notes),
    update: (data: CommandData<ExpertCommand, 'UpdateExpertProfile', 'expertId'>, when: string) => one('UpdateExpertProfile', data, { ...self, id: expertId }, when),
  };
}

const change = (event: string, at: string, by: Actor, reason: string | null = null): ExpertChange => ({ event, at, by: by.id, byRole: by.role, reason });

/** The view after an act, which adds a line to its history. */
const changedBy = <V extends { history: ExpertChange[] }>(before: V, ...act: Parameters<typeof change>) => ({
  ...before,
  history: [...before.history, change(...act)],
});

const suspension = (from: string, until: string | null, endsAt: string | null, reinstated?: { at: string; opinion: string }): ExpertSuspensionRecord => ({
  reason: '评审中未申明利益关系',
  from,
  until,
  endsAt,
  reinstatedAt: reinstated?.at ?? null,
  reinstatementOpinion: reinstated?.opinion ?? null,
});

describe('experts projection', () => {
  /** An act on an expert registered and admitted. */
  const onAnAdmittedExpert = (act: (expert: ReturnType<typeof anExpert>) => RecordedEvent) => {
    const expert = anExpert();
    return givenEvents(expertsProjection, [expert.register(), expert.admit()]).when(act(expert));
  };

  it('ExpertRegistered: registered, its organisation the one open spell, not admitted, suspended or removed; the first line of its history', () => {
    const expert = anExpert();
    givenEvents(expertsProjection, [])
      .when(expert.register())
      .then({
        _id: EXPERT_ID,
        id: EXPERT_ID,
        name: '王志明',
        specialties: [{ domain: 'IP', detail: '专利布局' }, { domain: 'LEGAL' }],
        organisation: UNIVERSITY,
        organisationHistory: [{ organisation: UNIVERSITY, from: '2024-01-10T02:00:00.000Z', to: null }],
        regionCode: '440106',
        cityCode: GZ,
        title: '教授、专利代理师',
        registeredBy: 'SELF',
        registeredAt: '2024-01-10T02:00:00.000Z',
        status: 'REGISTERED',
        ...expertBlanks(),
        history: [change('ExpertRegistered', '2024-01-10T02:00:00.000Z', self)],
      });
  });

  it('ExpertAdmitted: admitted, with the time and the opinion', () => {
    const expert = anExpert();
    givenEvents(expertsProjection, [expert.register()])
      .when(expert.admit())
      .then((before) => ({
        ...changedBy(before, 'ExpertAdmitted', '2024-02-01T02:00:00.000Z', cityBureau),
        status: 'ADMITTED',
        admittedAt: '2024-02-01T02:00:00.000Z',
        admissionOpinion: '同意入库',
      }));
  });

  describe('ExpertSuspended', () => {
    it('until a day: the suspension ends at the close of that day in China; the reason given with the act goes into the history', () => {
      const running = suspension('2024-03-01T02:00:00.000Z', '2024-03-31', '2024-03-31T15:59:59.999Z');
      onAnAdmittedExpert((expert) => expert.suspend('2024-03-01T10:00:00+08:00', '2024-03-31', { reason: '专家组投诉' })).then((before) => ({
        ...changedBy(before, 'ExpertSuspended', '2024-03-01T02:00:00.000Z', hub, '专家组投诉'),
        suspension: running,
        suspensions: [running],
      }));
    });

    it('until reinstated: no end', () => {
      const running = suspension('2024-03-01T02:00:00.000Z', null, null);
      onAnAdmittedExpert((expert) => expert.suspend('2024-03-01T10:00:00+08:00')).then((before) => ({
        ...changedBy(before, 'ExpertSuspended', '2024-03-01T02:00:00.000Z', hub),
        suspension: running,
        suspensions: [running],
      }));
    });

    it('again, after one ran out: the new one is current, both are kept', () => {
      const expert = anExpert();
      const ranOut = suspension('2024-03-01T02:00:00.000Z', '2024-03-31', '2024-03-31T15:59:59.999Z');
      const running = suspension('2024-05-01T02:00:00.000Z', null, null);
      givenEvents(expertsProjection, [expert.register(), expert.admit(), expert.suspend('2024-03-01T10:00:00+08:00', '2024-03-31')])
        .when(expert.suspend('2024-05-01T10:00:00+08:00'))
        .then((before) => ({
          ...changedBy(before, 'ExpertSuspended', '2024-05-01T02:00:00.000Z', hub),
          suspension: running,
          suspensions: [ranOut, running],
        }));
    });
  });

  describe('ExpertReinstated', () => {
    it('lifts the running suspension, with the time and the opinion', () => {
      const expert = anExpert();
      givenEvents(expertsProjection, [expert.register(), expert.admit(), expert.suspend('2024-03-01T10:00:00+08:00')])
        .when(expert.reinstate('2024-04-01T10:00:00+08:00'))
        .then((before) => ({
          ...changedBy(before, 'ExpertReinstated', '2024-04-01T02:00:00.000Z', hub),
          suspension: null,
          suspensions: [suspension('2024-03-01T02:00:00.000Z', null, null, { at: '2024-04-01T02:00:00.000Z', opinion: '已整改' })],
        }));
    });

    it('leaves alone a suspension lifted before and one that ran out', () => {
      const expert = anExpert();
      const lifted = suspension('2024-02-10T02:00:00.000Z', null, null, { at: '2024-02-20T02:00:00.000Z', opinion: '已整改' });
      const ranOut = suspension('2024-03-01T02:00:00.000Z', '2024-03-31', '2024-03-31T15:59:59.999Z');
      givenEvents(expertsProjection, [
        expert.register(),
        expert.admit(),
        expert.suspend('2024-02-10T10:00:00+08:00'),
        expert.reinstate('2024-02-20T10:00:00+08:00'),
        expert.suspend('2024-03-01T10:00:00+08:00', '2024-03-31'),
        expert.suspend('2024-05-01T10:00:00+08:00'),
      ])
        .when(expert.reinstate('2024-06-01T10:00:00+08:00'))
        .then((before) => ({
          ...changedBy(before, 'ExpertReinstated', '2024-06-01T02:00:00.000Z', hub),
          suspension: null,
          suspensions: [lifted, ranOut, suspension('2024-05-01T02:00:00.000Z', null, null, { at: '2024-06-01T02:00:00.000Z', opinion: '已整改' })],
        }));
    });
  });

  it('ExpertRemoved: removed, with the time and the reason', () => {
    onAnAdmittedExpert((expert) => expert.remove('2024-10-01T10:00:00+08:00', { reason: '本人来函' })).then((before) => ({
      ...changedBy(before, 'ExpertRemoved', '2024-10-01T02:00:00.000Z', cityBureau, '本人来函'),
      status: 'REMOVED',
      removedAt: '2024-10-01T02:00:00.000Z',
      removalReason: '本人申请出库',
    }));
  });

  it('ExpertProfileUpdated: the fields changed, a move to another city with its city code', () => {
    onAnAdmittedExpert((expert) =>
      expert.update({ name: '王志明（更正）', specialties: [{ domain: 'LEGAL' }], regionCode: '440305', title: '研究员' }, '2024-07-01T10:00:00+08:00'),
    ).then((before) => ({
      ...changedBy(before, 'ExpertProfileUpdated', '2024-07-01T02:00:00.000Z', self),
      name: '王志明（更正）',
      specialties: [{ domain: 'LEGAL' }],
      regionCode: '440305',
      cityCode: '440300',
      title: '研究员',
    }));
  });

  describe('ExpertOrganisationChanged', () => {
    it('the new organisation; the old spell closes when the new one opens', () => {
      onAnAdmittedExpert((expert) => expert.update({ organisation: FIRM }, '2024-09-01T10:00:00+08:00')).then((before) => ({
        ...changedBy(before, 'ExpertOrganisationChanged', '2024-09-01T02:00:00.000Z', self),
        organisation: FIRM,
        organisationHistory: [
          { organisation: UNIVERSITY, from: '2024-01-10T02:00:00.000Z', to: '2024-09-01T02:00:00.000Z' },
          { organisation: FIRM, from: '2024-09-01T02:00:00.000Z', to: null },
        ],
      }));
    });

    it('a spell closed before keeps its end', () => {
      const expert = anExpert();
      givenEvents(expertsProjection, [expert.register(), expert.update({ organisation: FIRM }, '2024-09-01T10:00:00+08:00')])
        .when(expert.update({ organisation: UNIVERSITY }, '2024-11-01T10:00:00+08:00'))
        .then((before) => ({
          ...changedBy(before, 'ExpertOrganisationChanged', '2024-11-01T02:00:00.000Z', self),
          organisation: UNIVERSITY,
          organisationHistory: [
            { organisation: UNIVERSITY, from: '2024-01-10T02:00:00.000Z', to: '2024-09-01T02:00:00.000Z' },
            { organisation: FIRM, from: '2024-09-01T02:00:00.000Z', to: '2024-11-01T02:00:00.000Z' },
            { organisation: UNIVERSITY, from: '2024-11-01T02:00:00.000Z', to: null },
          ],
        }));
    });
  });

  describeNoViewWithoutStart(expertsProjection, 'an event for an expert the view never saw registered makes no view', () => {
    const expert = anExpert();
    expert.register();
    return {
      ExpertAdmitted: expert.admit(),
      ExpertSuspended: expert.suspend('2024-03-01T10:00:00+08:00'),
      ExpertReinstated: expert.reinstate('2024-04-01T10:00:00+08:00'),
      ExpertProfileUpdated: expert.update({ title: '研究员' }, '2024-07-01T10:00:00+08:00'),
      ExpertOrganisationChanged: expert.update({ organisation: FIRM }, '2024-09-01T10:00:00+08:00'),
      ExpertRemoved: expert.remove('2024-10-01T10:00:00+08:00'),
    };
  });

  describeDelivery(expertsProjection, {
    of: anExpert,
    firstTwo: (expert) => [expert.register(), expert.admit()],
    againBecause: 'not even a second line in the history',
    olderBecause: 'a registration replayed does not undo the admission',
    anotherKind: applicationKind,
  });
});
