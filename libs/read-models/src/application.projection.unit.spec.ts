import { applicationKind } from '@sme/domain/application/application.kind';
import { callKind } from '@sme/domain/call/call.kind';
import type { ApplicationCommand } from '@sme/domain/application/application.commands';
import { applicationDecider } from '@sme/domain/application/application.decider';
import {
  aForm,
  APPLICATION_ID,
  callSnapshot,
  candidates,
  cityBureau,
  command,
  expertActor,
  experts,
  hub,
  material,
  operator,
  OPERATOR_USCC,
  TIANHE,
  tianheReviewer,
} from '@sme/domain/application/application.fixtures';
import type { ApplicationForm } from '@sme/domain/application/application.form';
import { call2019, GZ } from '@sme/domain/call/call.fixtures';
import type { Actor } from '@sme/domain/shared/decider';
import { applicationBlanks } from './application.projection';
import { applicationsProjection } from './projections';
import { describeDelivery, describeNoViewWithoutStart } from './testing/delivery-cases';
import { eventLog, givenEvents } from './testing/projection-gwt';

/** One application's stream, written by the operator, the district, the hub, the experts and the city through the decider. */
function anApplication(applicationId = APPLICATION_ID, log = eventLog()) {
  const stream = log.stream(applicationDecider, applicationKind.streamId(applicationId));
  const act = <T extends ApplicationCommand['type']>(type: T, data: Parameters<typeof command<T>>[1], actor: Actor, when: string) =>
    stream.recordOne(command(type, { ...data, applicationId }, actor, when));
  return {
    log,
    draft: (form: ApplicationForm = aForm()) => act('CreateApplication', { call: callSnapshot, form }, operator, '2019-06-03T10:00:00+08:00'),
    attach: (kind: ApplicationForm['materials'][number]['kind'], fileName: string) =>
      act('AttachMaterial', { kind, fileName, sha256: 'b'.repeat(64) }, operator, '2019-06-05T10:00:00+08:00'),
    submit: () => act('SubmitApplication', { call: callSnapshot }, operator, '2019-06-10T10:00:00+08:00'),
    review: (passed: boolean, opinion: string) => act('ReviewByDistrict', { call: callSnapshot, passed, opinion }, tianheReviewer, '2019-06-19T10:00:00+08:00'),
    formPanel: () => act('FormExpertPanel', { experts: candidates }, hub, '2019-07-01T10:00:00+08:00'),
    score: (i: number, score: number) => act('ScoreApplication', { score, opinion: `意见${i + 1}` }, expertActor(i), `2019-07-0${2 + i}T10:00:00+08:00`),
    recommend: (recommended: boolean, opinion: string) => act('IssueRecommendation', { recommended, opinion }, hub, '2019-07-10T10:00:00+08:00'),
    decide: (approved: boolean, opinion: string) => act('DecideApplication', { approved, opinion }, cityBureau, '2019-07-20T10:00:00+08:00'),
    designate: () => act('MarkDesignated', { stationId: 'st-007', plaqueNumber: '440100-2019-007' }, cityBureau, '2019-09-10T10:00:00+08:00'),
  };
}

/** Drafted, submitted, passed by the district, panel formed. */
function underPanel(application = anApplication()) {
  return [application.draft(), application.submit(), application.review(true, '同意'), application.formPanel()];
}

/** …and scored 80, 85 and 91 (mean 85.33). */
function scored(application = anApplication()) {
  return [...underPanel(application), application.score(0, 80), application.score(1, 85), application.score(2, 91)];
}

const panelMember = (i: number, score: number | null = null) => ({
  ...experts[i],
  score,
  opinion: score === null ? null : `意见${i + 1}`,
  scoredAt: score === null ? null : `2019-07-0${2 + i}T02:00:00.000Z`,
});

/** The view moved on to `stage`, which its history records with the time and the actor. */
const movedTo = <V extends { history: object[] }>(before: V, stage: string, at: string, by: string) => ({
  ...before,
  stage,
  history: [...before.history, { stage, at, by }],
});

describe('applications projection', () => {
  it('ApplicationDrafted: a draft with the form, its materials apart, nothing reviewed yet, and the first stage in its history', () => {
    const application = anApplication();
    const { materials, ...form } = aForm();
    givenEvents(applicationsProjection, [])
      .when(application.draft())
      .then({
        _id: APPLICATION_ID,
        id: APPLICATION_ID,
        callId: call2019.callId,
        cityCode: GZ,
        districtCode: TIANHE,
        ownerOrgId: OPERATOR_USCC,
        operatorName: '广州天河软件园发展有限公司',
        stationName: '广州市中小企业服务站（天河软件园站）',
        stage: 'DRAFT',
        form,
        materials,
        draftedAt: '2019-06-03T02:00:00.000Z',
        ...applicationBlanks(),
        history: [{ stage: 'DRAFT', at: '2019-06-03T02:00:00.000Z', by: 'op-user-1' }],
      });
  });

  describe('ApplicationMaterialAttached', () => {
    it('adds a material the draft lacked; the stage and its history stay', () => {
      const application = anApplication();
      const form = aForm();
      const fiveOfSix = form.materials.filter((m) => m.kind !== 'SERVICE_EVIDENCE');
      givenEvents(applicationsProjection, [application.draft({ ...form, materials: fiveOfSix })])
        .when(application.attach('SERVICE_EVIDENCE', '服务证明.pdf'))
        .then((before) => ({ ...before, materials: [...fiveOfSix, { kind: 'SERVICE_EVIDENCE', fileName: '服务证明.pdf', sha256: 'b'.repeat(64) }] }));
    });

    it('replaces the material of the same kind (the new one listed last)', () => {
      const application = anApplication();
      const others = aForm().materials.filter((m) => m.kind !== 'APPLICATION_FORM');
      givenEvents(applicationsProjection, [application.draft()])
        .when(application.attach('APPLICATION_FORM', '申请表（更正）.pdf'))
        .then((before) => ({ ...before, materials: [...others, { kind: 'APPLICATION_FORM', fileName: '申请表（更正）.pdf', sha256: 'b'.repeat(64) }] }));
      expect(material('APPLICATION_FORM').sha256).not.toBe('b'.repeat(64));
    });
  });

  it('ApplicationSubmitted: SUBMITTED, with the time, in the history', () => {
    const application = anApplication();
    givenEvents(applicationsProjection, [application.draft()])
      .when(application.submit())
      .then((before) => ({
        ...movedTo(before, 'SUBMITTED', '2019-06-10T02:00:00.000Z', 'op-user-1'),
        submittedAt: '2019-06-10T02:00:00.000Z',
      }));
  });

  it.each([
    { event: 'ApplicationPassedDistrictReview', passed: true, opinion: '材料齐全，同意推荐', stage: 'DISTRICT_PASSED' },
    { event: 'ApplicationRejectedByDistrict', passed: false, opinion: '场所证明不符', stage: 'DISTRICT_REJECTED' },
  ])('$event: $stage, with the review and its reviewer', ({ passed, opinion, stage }) => {
    const application = anApplication();
    givenEvents(applicationsProjection, [application.draft(), application.submit()])
      .when(application.review(passed, opinion))
      .then((before) => ({
        ...movedTo(before, stage, '2019-06-19T02:00:00.000Z', 'th-reviewer'),
        districtReview: { passed, opinion, reviewedAt: '2019-06-19T02:00:00.000Z', reviewerId: 'th-reviewer' },
      }));
  });

  it('ExpertPanelFormed: PANEL_FORMED, every member as the registry named them and none scored', () => {
    const application = anApplication();
    givenEvents(applicationsProjection, [application.draft(), application.submit(), application.review(true, '同意')])
      .when(application.formPanel())
      .then((before) => ({
        ...movedTo(before, 'PANEL_FORMED', '2019-07-01T02:00:00.000Z', 'hub-staff-1'),
        panel: [panelMember(0), panelMember(1), panelMember(2)],
      }));
  });

  describe('ExpertScoreRecorded', () => {
    it('a first score: only that member’s score; no average, the stage and its history stay', () => {
      const application = anApplication();
      givenEvents(applicationsProjection, underPanel(application))
        .when(application.score(1, 85))
        .then((before) => ({ ...before, panel: [panelMember(0), panelMember(1, 85), panelMember(2)] }));
    });

    it('the last score: SCORED, with the mean to two decimals', () => {
      const application = anApplication();
      givenEvents(applicationsProjection, [...underPanel(application), application.score(0, 80), application.score(1, 85)])
        .when(application.score(2, 91))
        .then((before) => ({
          ...movedTo(before, 'SCORED', '2019-07-04T02:00:00.000Z', 'expert-3'),
          panel: [panelMember(0, 80), panelMember(1, 85), panelMember(2, 91)],
          averageScore: 85.33,
        }));
    });
  });

  it.each([
    { event: 'ApplicationRecommended', recommended: true, opinion: '推荐', stage: 'RECOMMENDED' },
    { event: 'ApplicationNotRecommended', recommended: false, opinion: '服务能力不足', stage: 'NOT_RECOMMENDED' },
  ])('$event: $stage, with the hub’s opinion and the mean it was given', ({ recommended, opinion, stage }) => {
    const application = anApplication();
    givenEvents(applicationsProjection, scored(application))
      .when(application.recommend(recommended, opinion))
      .then((before) => ({
        ...movedTo(before, stage, '2019-07-10T02:00:00.000Z', 'hub-staff-1'),
        recommendation: { recommended, opinion, issuedAt: '2019-07-10T02:00:00.000Z', averageScore: 85.33 },
      }));
  });

  it.each([
    { event: 'ApplicationApproved', approved: true, opinion: '审定通过', stage: 'APPROVED' },
    { event: 'ApplicationRejected', approved: false, opinion: '布点饱和', stage: 'REJECTED' },
  ])('$event: $stage, with the city’s opinion', ({ approved, opinion, stage }) => {
    const application = anApplication();
    givenEvents(applicationsProjection, [...scored(application), application.recommend(true, '推荐')])
      .when(application.decide(approved, opinion))
      .then((before) => ({
        ...movedTo(before, stage, '2019-07-20T02:00:00.000Z', 'gz-bureau-1'),
        decision: { approved, opinion, decidedAt: '2019-07-20T02:00:00.000Z' },
      }));
  });

  it('ApplicationDesignated: DESIGNATED, with the station and its plaque', () => {
    const application = anApplication();
    givenEvents(applicationsProjection, [...scored(application), application.recommend(true, '推荐'), application.decide(true, '审定通过')])
      .when(application.designate())
      .then((before) => ({
        ...movedTo(before, 'DESIGNATED', '2019-09-10T02:00:00.000Z', 'gz-bureau-1'),
        station: { stationId: 'st-007', plaqueNumber: '440100-2019-007', designatedAt: '2019-09-10T02:00:00.000Z' },
      }));
  });

  describeNoViewWithoutStart(applicationsProjection, 'an event for an application the view never saw drafted makes no view', () => {
    const designated = anApplication('app-a');
    const form = aForm();
    designated.draft({ ...form, materials: form.materials.slice(1) });
    const a = {
      ApplicationMaterialAttached: designated.attach('APPLICATION_FORM', '申请表.pdf'),
      ApplicationSubmitted: designated.submit(),
      ApplicationPassedDistrictReview: designated.review(true, '同意'),
      ExpertPanelFormed: designated.formPanel(),
      ExpertScoreRecorded: designated.score(0, 80),
    };
    designated.score(1, 85);
    designated.score(2, 91);
    const b = { ApplicationRecommended: designated.recommend(true, '推荐'), ApplicationApproved: designated.decide(true, '同意') };
    const c = { ApplicationDesignated: designated.designate() };

    const districtRejected = anApplication('app-b');
    districtRejected.draft();
    districtRejected.submit();
    const d = { ApplicationRejectedByDistrict: districtRejected.review(false, '不符') };

    const cityRejected = anApplication('app-c');
    scored(cityRejected);
    const e = { ApplicationNotRecommended: cityRejected.recommend(false, '不推荐'), ApplicationRejected: cityRejected.decide(false, '不同意') };

    return { ...a, ...b, ...c, ...d, ...e };
  });

  describeDelivery(applicationsProjection, {
    of: anApplication,
    firstTwo: (application) => [application.draft(), application.submit()],
    againBecause: 'not even a second line in the history',
    olderBecause: 'a draft replayed does not send the application back to DRAFT',
    anotherKind: callKind,
  });
});
