import { GZ } from '../call/call.fixtures';
import type { Actor } from '../shared/decider';
import { anActor, given } from '../shared/testing';
import type { ApplicationCommand } from './application.commands';
import { decideAuthorized } from '../shared/record-kind';
import { applicationDecider } from './application.decider';
import { applicationKind } from './application.kind';
import { applicationStages, applicationStage, averageOf, missingMaterials, type ApplicationState } from './application.state';
import type { ApplicationEvent } from './application.events';
import { materialKinds, type MaterialKind } from './application.form';
import {
  aForm,
  allMaterials,
  allScored,
  APPLICATION_ID,
  callSnapshot,
  candidate,
  candidates,
  cityBureau,
  command,
  drafted,
  experts,
  expertActor,
  haizhuReviewer,
  HISTORY,
  hub,
  material,
  operator,
  OPERATOR_USCC,
  scored,
  submitted,
  tianheReviewer,
  TIANHE,
} from './application.fixtures';

const stageOf = (state: ApplicationState) => applicationStage(state);
const incompleteDraft = () => {
  const form = aForm();
  form.materials = allMaterials().filter((m) => m.kind !== 'VENUE_PROOF' && m.kind !== 'STAFF_CREDENTIALS');
  return drafted(form);
};

const submit = (now = '2019-06-10T10:00:00+08:00', call = callSnapshot, actor = operator) =>
  command('SubmitApplication', { call }, actor, now);
const review = (passed: boolean, actor = tianheReviewer, now = '2019-06-19T10:00:00+08:00', opinion = '同意', call = callSnapshot) =>
  command('ReviewByDistrict', { call, passed, opinion }, actor, now);
const formPanel = (panel = candidates, actor = hub) => command('FormExpertPanel', { experts: panel }, actor);
const scoreBy = (i: number, score: number, opinion = '基础扎实') => command('ScoreApplication', { score, opinion }, expertActor(i));
const recommend = (recommended: boolean, actor = hub, opinion = '综合评分较高') => command('IssueRecommendation', { recommended, opinion }, actor);
const decideIt = (approved: boolean, actor = cityBureau, opinion = '同意认定') => command('DecideApplication', { approved, opinion }, actor);
const designate = (plaqueNumber = '440100-2019-007', actor = cityBureau) =>
  command('MarkDesignated', { stationId: 'station-007', plaqueNumber }, actor);

/**
 * A city step is for one role of the application's city: the other city role is refused, and so is the
 * same role of another city (Shenzhen).
 */
const itIsForTheCity = (role: 'HUB' | 'CITY_AUTHORITY', history: readonly ApplicationEvent[], act: (actor: Actor) => ApplicationCommand) =>
  it(`is for the ${role === 'HUB' ? 'hub' : 'city authority'} of the application’s city`, () => {
    given(applicationKind, history).when(act(role === 'HUB' ? cityBureau : hub)).thenThrows('ROLE_NOT_PERMITTED');
    given(applicationKind, history).when(act(anActor(role, '440300'))).thenThrows('REGION_NOT_PERMITTED');
  });

describe('Station application (服务站申请)', () => {
  describe('CreateApplication', () => {
    it('drafts the application for the operator’s organisation', () => {
      given(applicationKind, [])
        .when(command('CreateApplication', { call: callSnapshot, form: aForm() }, operator, '2019-06-01T10:00:00+08:00'))
        .then([
          {
            type: 'ApplicationDrafted',
            data: {
              applicationId: APPLICATION_ID,
              callId: callSnapshot.id,
              cityCode: GZ,
              ownerOrgId: operator.orgId,
              form: aForm(),
              draftedAt: '2019-06-01T02:00:00.000Z',
            },
          },
        ])
        .andState((state) => {
          expect(state).toMatchObject({ status: 'DRAFT', districtCode: TIANHE, ownerOrgId: OPERATOR_USCC, cityCode: GZ });
          expect(state.status === 'DRAFT' && state.materials).toEqual(allMaterials());
        });
    });

    it('cannot create the same application twice', () => {
      given(applicationKind, HISTORY.DRAFT)
        .when(command('CreateApplication', { call: callSnapshot, form: aForm() }))
        .thenThrows('APPLICATION_ALREADY_EXISTS', { kind: 'CONFLICT' });
    });

    it('is for station operators only', () => {
      given(applicationKind, [])
        .when(command('CreateApplication', { call: callSnapshot, form: aForm() }, hub))
        .thenThrows('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
    });

    it('is for the organisation the form names: an operator’s token binds it to its own', () => {
      const otherOperator = anActor('STATION_OPERATOR', TIANHE, 'op-2', '914401056187432107');
      given(applicationKind, [])
        .when(command('CreateApplication', { call: callSnapshot, form: aForm() }, otherOperator))
        .thenThrows('NOT_OWNER', { kind: 'FORBIDDEN' });
      const typedByHand = anActor('STATION_OPERATOR', TIANHE, 'op-3', ` ${OPERATOR_USCC.toLowerCase()} `);
      given(applicationKind, []).when(command('CreateApplication', { call: callSnapshot, form: aForm() }, typedByHand)).thenEmits(['ApplicationDrafted']);
    });

    it.each(['CLOSED', 'PUBLISHED'] as const)('needs an open call, not a %s one', (status) => {
      given(applicationKind, [])
        .when(command('CreateApplication', { call: { ...callSnapshot, status }, form: aForm() }))
        .thenThrows('CALL_NOT_OPEN', { kind: 'CONFLICT' });
    });
  });

  describe('AttachMaterial', () => {
    it('adds a missing material to the draft', () => {
      const venue = material('VENUE_PROOF');
      given(applicationKind, [incompleteDraft()])
        .when(command('AttachMaterial', { ...venue, sha256: venue.sha256.toUpperCase() }))
        .then([
          {
            type: 'ApplicationMaterialAttached',
            data: { applicationId: APPLICATION_ID, material: venue, attachedAt: '2019-06-10T02:00:00.000Z' },
          },
        ])
        .andState((state) => expect(state.status === 'DRAFT' && missingMaterials(state.materials)).toEqual(['STAFF_CREDENTIALS']));
    });

    it('replaces a material of the same kind', () => {
      const newer = { kind: 'VENUE_PROOF' as const, fileName: '租赁合同-续签.pdf', sha256: 'b'.repeat(64) };
      const { state } = given(applicationKind, HISTORY.DRAFT).when(command('AttachMaterial', newer)).thenEmits(['ApplicationMaterialAttached']);
      if (state.status !== 'DRAFT') throw new Error('expected a draft');
      expect(state.materials.filter((m) => m.kind === 'VENUE_PROOF')).toEqual([newer]);
      expect(state.materials).toHaveLength(6);
    });

    it('keeps the materials in the form’s order, whatever order they are attached or replaced in', () => {
      const kinds = (history: ApplicationEvent[]) => {
        const state = history.reduce(applicationDecider.evolve, applicationDecider.initialState());
        return state.status === 'DRAFT' ? state.materials.map((m) => m.kind) : [];
      };
      const attached = (kind: MaterialKind, n = 0): ApplicationEvent => ({
        type: 'ApplicationMaterialAttached',
        data: { applicationId: APPLICATION_ID, material: { ...material(kind), sha256: String(n).repeat(64) }, attachedAt: '2019-06-10T02:00:00.000Z' },
      });
      const lastKind = materialKinds.codes[materialKinds.codes.length - 1];
      const history = [incompleteDraft(), attached('STAFF_CREDENTIALS'), attached('VENUE_PROOF'), attached(materialKinds.codes[0], 1), attached(lastKind, 2)];
      expect(kinds(history)).toEqual([...materialKinds.codes]);
    });

    it('is for the owner only', () => {
      const otherOperator = anActor('STATION_OPERATOR', TIANHE, 'op-2', '914401056187432107');
      given(applicationKind, HISTORY.DRAFT).when(command('AttachMaterial', material('VENUE_PROOF'), otherOperator)).thenThrows('NOT_OWNER', { kind: 'FORBIDDEN' });
      given(applicationKind, HISTORY.DRAFT).when(command('AttachMaterial', material('VENUE_PROOF'), hub)).thenThrows('ROLE_NOT_PERMITTED');
    });

    it('is refused once submitted', () => {
      given(applicationKind, HISTORY.SUBMITTED)
        .when(command('AttachMaterial', material('VENUE_PROOF')))
        .thenThrows('INVALID_STAGE', { kind: 'CONFLICT', message: /SUBMITTED/ });
    });

    it('checks the material', () => {
      given(applicationKind, HISTORY.DRAFT).when(command('AttachMaterial', { ...material('VENUE_PROOF'), sha256: 'xyz' })).thenThrows('FIELD_INVALID', { field: 'sha256' });
      given(applicationKind, HISTORY.DRAFT).when(command('AttachMaterial', { ...material('VENUE_PROOF'), kind: 'PHOTO' as never })).thenThrows('FIELD_INVALID', { field: 'kind' });
      given(applicationKind, HISTORY.DRAFT).when(command('AttachMaterial', { ...material('VENUE_PROOF'), fileName: '' })).thenThrows('FIELD_REQUIRED', { field: 'fileName' });
    });
  });

  describe('SubmitApplication', () => {
    it('submits a complete draft before the district deadline', () => {
      given(applicationKind, HISTORY.DRAFT)
        .when(submit())
        .then([submitted])
        .andState((state) => expect(state).toMatchObject({ status: 'SUBMITTED', submittedAt: '2019-06-10T02:00:00.000Z' }));
    });

    it('accepts a submission at the deadline itself (17:00:00)', () => {
      given(applicationKind, HISTORY.DRAFT).when(submit('2019-06-18T17:00:00+08:00')).thenEmits(['ApplicationSubmitted']);
    });

    it('refuses a late submission (逾期不予受理)', () => {
      given(applicationKind, HISTORY.DRAFT)
        .when(submit('2019-06-18T17:00:01+08:00'))
        .thenThrows('APPLICATION_DEADLINE_PASSED', { kind: 'CONFLICT', message: /逾期不予受理/ });
    });

    it('lists the missing materials', () => {
      given(applicationKind, [incompleteDraft()])
        .when(submit())
        .thenThrows('MATERIALS_INCOMPLETE', { message: /专职工作人员情况、固定经营服务场所证明.*STAFF_CREDENTIALS, VENUE_PROOF/ });
    });

    it('accepts once the missing materials are attached', () => {
      given(applicationKind, [
        incompleteDraft(),
        { type: 'ApplicationMaterialAttached', data: { applicationId: APPLICATION_ID, material: material('VENUE_PROOF'), attachedAt: '2019-06-05T00:00:00.000Z' } },
        { type: 'ApplicationMaterialAttached', data: { applicationId: APPLICATION_ID, material: material('STAFF_CREDENTIALS'), attachedAt: '2019-06-05T00:00:00.000Z' } },
      ])
        .when(submit())
        .then([submitted]);
    });

    it('needs the call still open', () => {
      given(applicationKind, HISTORY.DRAFT).when(submit(undefined, { ...callSnapshot, status: 'CLOSED' })).thenThrows('CALL_NOT_OPEN');
    });

    it('needs the application’s own call', () => {
      given(applicationKind, HISTORY.DRAFT).when(submit(undefined, { ...callSnapshot, id: 'call-gz-2020' })).thenThrows('CALL_MISMATCH', { field: 'call.id' });
    });

    it('submits once', () => {
      given(applicationKind, HISTORY.SUBMITTED).when(submit()).thenThrows('INVALID_STAGE', { message: /SUBMITTED.*DRAFT/ });
    });

    it('is for the owner only', () => {
      const otherOperator = anActor('STATION_OPERATOR', TIANHE, 'op-2', '914401056187432107');
      given(applicationKind, HISTORY.DRAFT).when(submit(undefined, undefined, otherOperator)).thenThrows('NOT_OWNER');
    });
  });

  describe('ReviewByDistrict (区初审)', () => {
    it('passes the application', () => {
      given(applicationKind, HISTORY.SUBMITTED)
        .when(review(true, tianheReviewer, '2019-06-19T10:00:00+08:00', '材料齐全，同意推荐'))
        .then([
          {
            type: 'ApplicationPassedDistrictReview',
            data: { applicationId: APPLICATION_ID, districtCode: TIANHE, opinion: '材料齐全，同意推荐', reviewedAt: '2019-06-19T02:00:00.000Z' },
          },
        ])
        .andState((state) => {
          expect(stageOf(state)).toBe('DISTRICT_PASSED');
          expect(state.status === 'DISTRICT_PASSED' && state.districtReview.passed).toBe(true);
        });
    });

    it('rejects the application, for good', () => {
      const { state } = given(applicationKind, HISTORY.SUBMITTED)
        .when(review(false, tianheReviewer, '2019-06-19T10:00:00+08:00', '场所证明不符'))
        .then([
          {
            type: 'ApplicationRejectedByDistrict',
            data: { applicationId: APPLICATION_ID, districtCode: TIANHE, opinion: '场所证明不符', reviewedAt: '2019-06-19T02:00:00.000Z' },
          },
        ]);
      expect(stageOf(state)).toBe('DISTRICT_REJECTED');
      given(applicationKind, HISTORY.DISTRICT_REJECTED).when(formPanel()).thenThrows('INVALID_STAGE', { message: /DISTRICT_REJECTED/ });
      given(applicationKind, HISTORY.DISTRICT_REJECTED).when(review(true)).thenThrows('INVALID_STAGE');
    });

    it('a 海珠区 reviewer may not review a 天河区 application', () => {
      given(applicationKind, HISTORY.SUBMITTED).when(review(true, haizhuReviewer)).thenThrows('REGION_NOT_PERMITTED', { kind: 'FORBIDDEN' });
    });

    it('is for district authorities only', () => {
      given(applicationKind, HISTORY.SUBMITTED).when(review(true, anActor('HUB', TIANHE))).thenThrows('ROLE_NOT_PERMITTED');
    });

    it('needs a submitted application', () => {
      given(applicationKind, HISTORY.DRAFT).when(review(true)).thenThrows('INVALID_STAGE', { message: /DRAFT/ });
      given(applicationKind, HISTORY.DISTRICT_PASSED).when(review(true)).thenThrows('INVALID_STAGE');
    });

    it('is refused after the city deadline', () => {
      given(applicationKind, HISTORY.SUBMITTED).when(review(true, tianheReviewer, '2019-06-21T17:00:00+08:00')).thenEmits(['ApplicationPassedDistrictReview']);
      given(applicationKind, HISTORY.SUBMITTED)
        .when(review(true, tianheReviewer, '2019-06-21T17:00:01+08:00'))
        .thenThrows('DISTRICT_REVIEW_DEADLINE_PASSED', { kind: 'CONFLICT' });
    });

    it('needs a yes or no', () => {
      given(applicationKind, HISTORY.SUBMITTED).when(review('yes' as never)).thenThrows('FIELD_INVALID', { field: 'passed' });
    });

    it('needs the application’s own call', () => {
      given(applicationKind, HISTORY.SUBMITTED)
        .when(review(true, tianheReviewer, undefined, undefined, { ...callSnapshot, id: 'other' }))
        .thenThrows('CALL_MISMATCH');
    });
  });

  describe('FormExpertPanel (专家评审)', () => {
    it('forms a panel of three experts, as the registry has them', () => {
      given(applicationKind, HISTORY.DISTRICT_PASSED)
        .when(formPanel())
        .then([{ type: 'ExpertPanelFormed', data: { applicationId: APPLICATION_ID, experts, formedAt: '2019-06-10T02:00:00.000Z' } }])
        .andState((state) => expect(state).toMatchObject({ status: 'PANEL_FORMED', panel: experts, scores: [] }));
    });

    it('needs at least three experts', () => {
      given(applicationKind, HISTORY.DISTRICT_PASSED).when(formPanel(candidates.slice(0, 2))).thenThrows('EXPERT_PANEL_TOO_SMALL', { kind: 'VALIDATION', field: 'experts' });
    });

    it('refuses an expert listed twice', () => {
      given(applicationKind, HISTORY.DISTRICT_PASSED)
        .when(formPanel([...candidates.slice(0, 2), { ...candidates[0] }]))
        .thenThrows('DUPLICATE_EXPERT', { kind: 'VALIDATION', field: 'experts.2.expertId' });
    });

    it('needs each expert’s id', () => {
      given(applicationKind, HISTORY.DISTRICT_PASSED)
        .when(formPanel([...candidates.slice(0, 2), { ...candidates[2], expertId: ' ' }]))
        .thenThrows('FIELD_REQUIRED', { field: 'experts.2.expertId' });
    });

    it('refuses an expert who is not in the expert registry', () => {
      given(applicationKind, HISTORY.DISTRICT_PASSED)
        .when(formPanel([...candidates, { expertId: 'expert-9' }]))
        .thenThrows('EXPERT_NOT_REGISTERED', { kind: 'CONFLICT', field: 'experts.3.expertId', message: /expert-9/ });
    });

    it('refuses an expert not available then (not admitted, suspended or removed), naming them', () => {
      given(applicationKind, HISTORY.DISTRICT_PASSED)
        .when(formPanel([candidates[0], candidate(experts[1], false), candidates[2]]))
        .thenThrows('EXPERT_NOT_AVAILABLE', { kind: 'CONFLICT', field: 'experts.1.expertId', message: /王芳/ });
    });

    it('refuses an expert from the applicant (by its credit code, as the registry has it)', () => {
      const insider = candidate({ expertId: 'expert-9', name: '赵某', organisation: OPERATOR_USCC.toLowerCase() });
      given(applicationKind, HISTORY.DISTRICT_PASSED)
        .when(formPanel([...candidates, insider]))
        .thenThrows('EXPERT_CONFLICT_OF_INTEREST', { kind: 'CONFLICT', field: 'experts.3.expertId', message: /赵某/ });
    });

    it('refuses an expert from the owning organisation', () => {
      const owner = 'org-owner-registry-id';
      const insider = candidate({ expertId: 'expert-9', name: '赵某', organisation: owner });
      given(applicationKind, [drafted(aForm(), owner), submitted, HISTORY.DISTRICT_PASSED[2]])
        .when(formPanel([insider, ...candidates]))
        .thenThrows('EXPERT_CONFLICT_OF_INTEREST', { field: 'experts.0.expertId' });
    });

    itIsForTheCity('HUB', HISTORY.DISTRICT_PASSED, (actor) => formPanel(candidates, actor));

    it('needs a district-passed application, and forms the panel once', () => {
      given(applicationKind, HISTORY.SUBMITTED).when(formPanel()).thenThrows('INVALID_STAGE');
      given(applicationKind, HISTORY.PANEL_FORMED).when(formPanel()).thenThrows('INVALID_STAGE', { message: /PANEL_FORMED/ });
    });
  });

  describe('ScoreApplication', () => {
    it('records an expert’s score', () => {
      given(applicationKind, HISTORY.PANEL_FORMED)
        .when(scoreBy(1, 85, '服务基础较好'))
        .then([
          {
            type: 'ExpertScoreRecorded',
            data: { applicationId: APPLICATION_ID, expertId: 'expert-2', score: 85, opinion: '服务基础较好', scoredAt: '2019-06-10T02:00:00.000Z' },
          },
        ])
        .andState((state) => {
          expect(stageOf(state)).toBe('PANEL_FORMED');
          expect(state.status === 'PANEL_FORMED' && state.scores.map((s) => s.expertId)).toEqual(['expert-2']);
        });
    });

    it('says when every score is in, with the average', () => {
      const { state } = given(applicationKind, [...HISTORY.PANEL_FORMED, scored(0, 80), scored(1, 85)])
        .when(scoreBy(2, 91))
        .thenEmits(['ExpertScoreRecorded']);
      expect(state).toMatchObject({ status: 'SCORED', averageScore: 85.33 });
      expect(state.status === 'SCORED' && state.scores).toHaveLength(3);
    });

    it('is for experts on the panel only', () => {
      const outsider = anActor('EXPERT', GZ, 'expert-42');
      given(applicationKind, HISTORY.PANEL_FORMED).when(command('ScoreApplication', { score: 90, opinion: '好' }, outsider)).thenThrows('EXPERT_NOT_ON_PANEL', { kind: 'FORBIDDEN' });
      given(applicationKind, HISTORY.DISTRICT_PASSED).when(scoreBy(0, 90)).thenThrows('EXPERT_NOT_ON_PANEL');
      given(applicationKind, HISTORY.PANEL_FORMED).when(command('ScoreApplication', { score: 90, opinion: '好' }, hub)).thenThrows('ROLE_NOT_PERMITTED');
    });

    it('takes one score per expert', () => {
      given(applicationKind, [...HISTORY.PANEL_FORMED, scored(0, 80)]).when(scoreBy(0, 95)).thenThrows('EXPERT_ALREADY_SCORED', { kind: 'CONFLICT' });
      given(applicationKind, HISTORY.RECOMMENDED).when(scoreBy(2, 95)).thenThrows('EXPERT_ALREADY_SCORED');
    });

    it.each([-1, 101, 85.5])('refuses the score %s (integer 0–100)', (score) => {
      given(applicationKind, HISTORY.PANEL_FORMED).when(scoreBy(0, score)).thenThrows('FIELD_INVALID', { field: 'score' });
    });

    it.each([0, 100])('accepts the score %s', (score) => {
      given(applicationKind, HISTORY.PANEL_FORMED).when(scoreBy(0, score)).thenEmits(['ExpertScoreRecorded']);
    });
  });

  describe('IssueRecommendation (推荐意见)', () => {
    it('recommends with the panel’s average', () => {
      given(applicationKind, HISTORY.SCORED)
        .when(recommend(true, hub, '推荐'))
        .then([{ type: 'ApplicationRecommended', data: { applicationId: APPLICATION_ID, averageScore: 85.33, opinion: '推荐', issuedAt: '2019-06-10T02:00:00.000Z' } }])
        .andState((state) => expect(state).toMatchObject({ status: 'RECOMMENDED', recommendation: { recommended: true, averageScore: 85.33 } }));
    });

    it('may not recommend', () => {
      given(applicationKind, HISTORY.SCORED)
        .when(recommend(false, hub, '服务能力不足'))
        .then([{ type: 'ApplicationNotRecommended', data: { applicationId: APPLICATION_ID, averageScore: 85.33, opinion: '服务能力不足', issuedAt: '2019-06-10T02:00:00.000Z' } }])
        .andState((state) => expect(stageOf(state)).toBe('NOT_RECOMMENDED'));
    });

    it('waits for every score', () => {
      given(applicationKind, [...HISTORY.PANEL_FORMED, ...allScored.slice(0, 2)])
        .when(recommend(true))
        .thenThrows('SCORES_INCOMPLETE', { kind: 'CONFLICT', message: /2\/3/ });
    });

    it('comes after the panel and only once', () => {
      given(applicationKind, HISTORY.DISTRICT_PASSED).when(recommend(true)).thenThrows('INVALID_STAGE');
      given(applicationKind, HISTORY.RECOMMENDED).when(recommend(true)).thenThrows('INVALID_STAGE', { message: /RECOMMENDED/ });
    });

    itIsForTheCity('HUB', HISTORY.SCORED, (actor) => recommend(true, actor));
  });

  describe('DecideApplication (审定)', () => {
    it('approves a recommended application', () => {
      given(applicationKind, HISTORY.RECOMMENDED)
        .when(decideIt(true, cityBureau, '同意认定'))
        .then([{ type: 'ApplicationApproved', data: { applicationId: APPLICATION_ID, opinion: '同意认定', decidedAt: '2019-06-10T02:00:00.000Z' } }])
        .andState((state) => expect(state).toMatchObject({ status: 'APPROVED', decision: { approved: true } }));
    });

    it('rejects an application', () => {
      given(applicationKind, HISTORY.RECOMMENDED)
        .when(decideIt(false, cityBureau, '不予认定'))
        .then([{ type: 'ApplicationRejected', data: { applicationId: APPLICATION_ID, opinion: '不予认定', decidedAt: '2019-06-10T02:00:00.000Z' } }])
        .andState((state) => expect(stageOf(state)).toBe('REJECTED'));
    });

    it('has the last word after a negative recommendation too', () => {
      given(applicationKind, HISTORY.NOT_RECOMMENDED).when(decideIt(true)).thenEmits(['ApplicationApproved']);
    });

    it('comes after the recommendation and only once', () => {
      given(applicationKind, HISTORY.SCORED).when(decideIt(true)).thenThrows('INVALID_STAGE', { message: /SCORED/ });
      given(applicationKind, HISTORY.APPROVED).when(decideIt(false)).thenThrows('INVALID_STAGE');
    });

    itIsForTheCity('CITY_AUTHORITY', HISTORY.RECOMMENDED, (actor) => decideIt(true, actor));
  });

  describe('MarkDesignated', () => {
    it('records the station and plaque of an approved application', () => {
      given(applicationKind, HISTORY.APPROVED)
        .when(designate('440100-2019-007'))
        .then([
          {
            type: 'ApplicationDesignated',
            data: { applicationId: APPLICATION_ID, stationId: 'station-007', plaqueNumber: '440100-2019-007', designatedAt: '2019-06-10T02:00:00.000Z' },
          },
        ])
        .andState((state) => expect(state).toMatchObject({ status: 'DESIGNATED', designation: { stationId: 'station-007', plaqueNumber: '440100-2019-007' } }));
    });

    it('needs an approved application', () => {
      given(applicationKind, HISTORY.REJECTED).when(designate()).thenThrows('INVALID_STAGE', { message: /REJECTED/ });
      given(applicationKind, HISTORY.RECOMMENDED).when(designate()).thenThrows('INVALID_STAGE');
    });

    it.each(['440300-2019-001', '2019-001', '440100-2019-000'])('refuses the plaque number %s', (plaqueNumber) => {
      given(applicationKind, HISTORY.APPROVED).when(designate(plaqueNumber)).thenThrows('PLAQUE_NUMBER_INVALID', { field: 'plaqueNumber' });
    });

    it('needs the station id', () => {
      given(applicationKind, HISTORY.APPROVED)
        .when(command('MarkDesignated', { stationId: '', plaqueNumber: '440100-2019-007' }, cityBureau))
        .thenThrows('FIELD_REQUIRED', { field: 'stationId' });
    });

    itIsForTheCity('CITY_AUTHORITY', HISTORY.APPROVED, (actor) => designate(undefined, actor));
  });

  it.each<ApplicationCommand>([
    command('AttachMaterial', material('VENUE_PROOF')),
    submit(),
    review(true),
    formPanel(),
    scoreBy(0, 80),
    recommend(true),
    decideIt(true),
    designate(),
  ])('$type on an application that does not exist is APPLICATION_NOT_FOUND', (cmd) => {
    given(applicationKind, []).when(cmd).thenThrows('APPLICATION_NOT_FOUND', { kind: 'NOT_FOUND' });
  });

  it.each<{ step: ApplicationCommand; history: readonly ApplicationEvent[] }>([
    { step: review(false, tianheReviewer, undefined, '  '), history: HISTORY.SUBMITTED },
    { step: scoreBy(0, 80, ''), history: HISTORY.PANEL_FORMED },
    { step: recommend(true, hub, ''), history: HISTORY.SCORED },
    { step: decideIt(true, cityBureau, ''), history: HISTORY.RECOMMENDED },
  ])('$step.type needs an opinion', ({ step, history }) => {
    given(applicationKind, history).when(step).thenThrows('FIELD_REQUIRED', { field: 'opinion' });
  });

  it('goes through every stage from draft to designation', () => {
    const steps: Array<[ApplicationCommand, string]> = [
      [command('CreateApplication', { call: callSnapshot, form: aForm() }, operator, '2019-06-01T10:00:00+08:00'), 'DRAFT'],
      [submit(), 'SUBMITTED'],
      [review(true), 'DISTRICT_PASSED'],
      [formPanel(), 'PANEL_FORMED'],
      [scoreBy(0, 80), 'PANEL_FORMED'],
      [scoreBy(1, 85), 'PANEL_FORMED'],
      [scoreBy(2, 91), 'SCORED'],
      [recommend(true), 'RECOMMENDED'],
      [decideIt(true), 'APPROVED'],
      [designate(), 'DESIGNATED'],
    ];
    let state = applicationDecider.initialState();
    const history: ApplicationEvent[] = [];
    for (const [cmd, stage] of steps) {
      const events = decideAuthorized(applicationKind, cmd, state);
      history.push(...events);
      state = events.reduce(applicationDecider.evolve, state);
      expect(stageOf(state)).toBe(stage);
    }
    expect(history.map((e) => e.type)).toEqual([
      'ApplicationDrafted',
      'ApplicationSubmitted',
      'ApplicationPassedDistrictReview',
      'ExpertPanelFormed',
      'ExpertScoreRecorded',
      'ExpertScoreRecorded',
      'ExpertScoreRecorded',
      'ApplicationRecommended',
      'ApplicationApproved',
      'ApplicationDesignated',
    ]);
  });

  it('names every stage', () => {
    expect(applicationStages.codes).toHaveLength(11);
    expect(applicationStage(applicationDecider.initialState())).toBeUndefined();
    expect(averageOf([80, 85, 91])).toBe(85.33);
    expect(averageOf([90, 90, 91])).toBe(90.33);
  });
});
