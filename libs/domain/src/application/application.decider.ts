import type { RecordLabel } from '../shared/record-kind';
/* Why this file is long: the decide half of the station application: one short function per command of the 评定程序 (the state and evolve are in application.state.ts); splitting further would scatter one procedure. */
import type { CallSnapshot } from '../call/call.snapshot';
import { chinaTimeOf, isAfter } from '../shared/dates';
import { createdOnce, decideByType } from '../shared/decide-by-type';
import type { Decider } from '../shared/decider';
import { conflict, invalid } from '../shared/domain-error';
import { sameOrganisation } from '../shared/organisation';
import { requirePlaqueNumber } from '../shared/plaque-number';
import { requireBoolean, requireInteger, requireOpinion, requireText } from '../shared/validation';
import type {
  ApplicationCommand,
  AttachMaterial,
  CreateApplication,
  DecideApplication,
  FormExpertPanel,
  IssueRecommendation,
  MarkDesignated,
  PanelCandidate,
  PanelExpert,
  ReviewByDistrict,
  ScoreApplication,
  SubmitApplication,
} from './application.commands';
import type { ApplicationEvent } from './application.events';
import { materialKinds } from './application.form';
import { checkApplicationForm, checkMaterial } from './application.form-rules';
import {
  applicationStages,
  evolve,
  initialState,
  missingMaterials,
  type ApplicationStage,
  type ApplicationState,
  type ExistingApplication,
  type InStage,
} from './application.state';

/** How application records are named when one is missing or is created a second time. */
export const APPLICATION_RECORD: RecordLabel = { code: 'APPLICATION', zh: '申请', en: 'application' };

/**
 * What an application's steps decide: stages, deadlines, the call, the form and the panel's rules.
 * Who may take each step is application.access.ts's, checked before decide runs.
 */
const decide = decideByType<ApplicationCommand, ApplicationState, ApplicationEvent, 'CreateApplication'>({
  onNew: { CreateApplication: createdOnce(APPLICATION_RECORD, create) },
  on: {
    AttachMaterial: attachMaterial,
    SubmitApplication: submit,
    ReviewByDistrict: reviewByDistrict,
    FormExpertPanel: formExpertPanel,
    ScoreApplication: score,
    IssueRecommendation: issueRecommendation,
    DecideApplication: decideApplication,
    MarkDesignated: markDesignated,
  },
  record: APPLICATION_RECORD,
});

function requireStage<S extends ApplicationStage>(
  application: ExistingApplication,
  stages: readonly S[],
): asserts application is InStage<S> {
  if (!(stages as readonly ApplicationStage[]).includes(application.status)) {
    const current = applicationStages.labels[application.status];
    const wanted = stages.map((s) => applicationStages.labels[s]);
    throw conflict(
      'INVALID_STAGE',
      `申请当前处于“${current.zh}”阶段（${application.status}），此操作仅适用于“${wanted.map((w) => w.zh).join('”或“')}”阶段`,
      `The application is ${current.en} (${application.status}); this step needs it ${wanted.map((w) => w.en).join(' or ')} (${stages.join(' or ')})`,
    );
  }
}

function requireSameCall(application: ExistingApplication, call: CallSnapshot): void {
  if (call.id !== application.callId) {
    throw conflict('CALL_MISMATCH', '所给征集批次与该申请所属批次不一致', 'The call given is not the call this application belongs to', 'call.id');
  }
}

function requireCallOpen(call: CallSnapshot): void {
  if (call.status !== 'OPEN') {
    throw conflict('CALL_NOT_OPEN', '该征集批次未在受理申请', 'The call is not open for applications', 'call.status');
  }
}

function create(command: CreateApplication, state: ApplicationState): ApplicationEvent[] {
  const { data, metadata } = command;
  requireCallOpen(data.call);
  const applicationId = requireText(data.applicationId, 'applicationId', { zh: '申请编号', en: 'Application id' });
  const form = checkApplicationForm(data.form, data.call);
  return [
    {
      type: 'ApplicationDrafted',
      data: {
        applicationId,
        callId: data.call.id,
        cityCode: data.call.cityCode,
        ownerOrgId: metadata.actor.orgId,
        form,
        draftedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function attachMaterial(command: AttachMaterial, application: ExistingApplication): ApplicationEvent[] {
  requireStage(application, ['DRAFT']);
  const { kind, fileName, sha256 } = command.data;
  const material = checkMaterial({ kind, fileName, sha256 }, '');
  return [
    {
      type: 'ApplicationMaterialAttached',
      data: { applicationId: application.applicationId, material, attachedAt: command.metadata.now.toISOString() },
    },
  ];
}

function submit(command: SubmitApplication, application: ExistingApplication): ApplicationEvent[] {
  const { data, metadata } = command;
  requireStage(application, ['DRAFT']);
  requireSameCall(application, data.call);
  requireCallOpen(data.call);
  if (isAfter(metadata.now, data.call.districtDeadline)) {
    throw conflict(
      'APPLICATION_DEADLINE_PASSED',
      `区受理截止时间（${chinaTimeOf(data.call.districtDeadline)}）已过，逾期不予受理`,
      `The district deadline (${chinaTimeOf(data.call.districtDeadline)}) has passed; late applications are not accepted`,
    );
  }
  const missing = missingMaterials(application.materials);
  if (missing.length > 0) {
    throw conflict(
      'MATERIALS_INCOMPLETE',
      `申报材料不全，缺少：${missing.map((k) => materialKinds.labels[k].zh).join('、')}（${missing.join(', ')}）`,
      `Materials are incomplete; missing: ${missing.join(', ')}`,
    );
  }
  return [
    {
      type: 'ApplicationSubmitted',
      data: { applicationId: application.applicationId, callId: application.callId, submittedAt: metadata.now.toISOString() },
    },
  ];
}

function reviewByDistrict(command: ReviewByDistrict, application: ExistingApplication): ApplicationEvent[] {
  const { data, metadata } = command;
  requireStage(application, ['SUBMITTED']);
  requireSameCall(application, data.call);
  if (isAfter(metadata.now, data.call.cityDeadline)) {
    throw conflict(
      'DISTRICT_REVIEW_DEADLINE_PASSED',
      `报市截止时间（${chinaTimeOf(data.call.cityDeadline)}）已过，区初审意见不再受理`,
      `The city deadline (${chinaTimeOf(data.call.cityDeadline)}) has passed; district reviews are no longer accepted`,
    );
  }
  const passed = requireBoolean(data.passed, 'passed', { zh: '初审结论', en: 'Review result' });
  const review = {
    applicationId: application.applicationId,
    districtCode: application.districtCode,
    opinion: requireOpinion(data.opinion),
    reviewedAt: metadata.now.toISOString(),
  };
  return [{ type: passed ? 'ApplicationPassedDistrictReview' : 'ApplicationRejectedByDistrict', data: review }];
}

/** A panel needs at least this many distinct experts. */
export const MIN_PANEL_SIZE = 3;

function formExpertPanel(command: FormExpertPanel, application: ExistingApplication): ApplicationEvent[] {
  const { data, metadata } = command;
  requireStage(application, ['DISTRICT_PASSED']);
  const given: Partial<PanelCandidate>[] = Array.isArray(data.experts) ? data.experts : [];
  const seen = new Set<string>();
  const ids = given.map((candidate, i): string => {
    const field = `experts.${i}.expertId`;
    const expertId = requireText(candidate?.expertId, field, { zh: '专家编号', en: 'Expert id' });
    if (seen.has(expertId)) throw invalid('DUPLICATE_EXPERT', `专家 ${expertId} 重复`, `Expert ${expertId} is listed twice`, field);
    seen.add(expertId);
    return expertId;
  });
  if (ids.length < MIN_PANEL_SIZE) {
    throw invalid(
      'EXPERT_PANEL_TOO_SMALL',
      `专家组至少需要${MIN_PANEL_SIZE}名专家（现有${ids.length}名）`,
      `An expert panel needs at least ${MIN_PANEL_SIZE} experts (given ${ids.length})`,
      'experts',
    );
  }
  // Name, organisation and availability come from the expert registry at the panel's business time.
  const experts = ids.map((expertId, i): PanelExpert => {
    const field = `experts.${i}.expertId`;
    const registry = given[i].registry;
    if (registry === undefined) {
      throw conflict('EXPERT_NOT_REGISTERED', `专家 ${expertId} 不在服务专家库中`, `Expert ${expertId} is not in the expert registry`, field);
    }
    if (!registry.available) {
      throw conflict(
        'EXPERT_NOT_AVAILABLE',
        `专家“${registry.name}”（${expertId}）未入库、已暂停或已出库，不能参加评审`,
        `Expert ${registry.name} (${expertId}) is not admitted, or is suspended or removed, and cannot sit on a panel`,
        field,
      );
    }
    return { expertId, name: registry.name, organisation: registry.organisation };
  });
  const applicant = [application.form.operator.uscc, application.ownerOrgId];
  experts.forEach((expert, i) => {
    if (applicant.some((orgId) => sameOrganisation(orgId, expert.organisation))) {
      throw conflict(
        'EXPERT_CONFLICT_OF_INTEREST',
        `专家“${expert.name}”（${expert.expertId}）来自申报主体，须回避`,
        `Expert ${expert.name} (${expert.expertId}) belongs to the applicant and must not review it`,
        `experts.${i}.expertId`,
      );
    }
  });
  return [
    {
      type: 'ExpertPanelFormed',
      data: { applicationId: application.applicationId, experts, formedAt: metadata.now.toISOString() },
    },
  ];
}

function score(command: ScoreApplication, application: ExistingApplication): ApplicationEvent[] {
  const { data, metadata } = command;
  if ('scores' in application && application.scores.some((s) => s.expertId === metadata.actor.id)) {
    throw conflict('EXPERT_ALREADY_SCORED', '您已为该申请评分', 'This expert has already scored the application');
  }
  requireStage(application, ['PANEL_FORMED']);
  return [
    {
      type: 'ExpertScoreRecorded',
      data: {
        applicationId: application.applicationId,
        expertId: metadata.actor.id,
        score: requireInteger(data.score, 'score', { zh: '评分', en: 'Score' }, 0, 100),
        opinion: requireOpinion(data.opinion),
        scoredAt: metadata.now.toISOString(),
      },
    },
  ];
}

function issueRecommendation(command: IssueRecommendation, application: ExistingApplication): ApplicationEvent[] {
  const { data, metadata } = command;
  if (application.status === 'PANEL_FORMED') {
    throw conflict(
      'SCORES_INCOMPLETE',
      `专家评分未完成（${application.scores.length}/${application.panel.length}）`,
      `Not every expert has scored yet (${application.scores.length} of ${application.panel.length})`,
    );
  }
  requireStage(application, ['SCORED']);
  const recommended = requireBoolean(data.recommended, 'recommended', { zh: '推荐意见', en: 'Recommendation' });
  const recommendation = {
    applicationId: application.applicationId,
    averageScore: application.averageScore,
    opinion: requireOpinion(data.opinion),
    issuedAt: metadata.now.toISOString(),
  };
  return [{ type: recommended ? 'ApplicationRecommended' : 'ApplicationNotRecommended', data: recommendation }];
}

function decideApplication(command: DecideApplication, application: ExistingApplication): ApplicationEvent[] {
  const { data, metadata } = command;
  requireStage(application, ['RECOMMENDED', 'NOT_RECOMMENDED']);
  const approved = requireBoolean(data.approved, 'approved', { zh: '审定结论', en: 'Decision' });
  const decision = {
    applicationId: application.applicationId,
    opinion: requireOpinion(data.opinion),
    decidedAt: metadata.now.toISOString(),
  };
  return [{ type: approved ? 'ApplicationApproved' : 'ApplicationRejected', data: decision }];
}

function markDesignated(command: MarkDesignated, application: ExistingApplication): ApplicationEvent[] {
  const { data, metadata } = command;
  requireStage(application, ['APPROVED']);
  const stationId = requireText(data.stationId, 'stationId', { zh: '服务站编号', en: 'Station id' });
  const plaqueNumber = requireText(data.plaqueNumber, 'plaqueNumber', { zh: '授牌编号', en: 'Plaque number' });
  requirePlaqueNumber(plaqueNumber, application.cityCode, 'plaqueNumber');
  return [
    {
      type: 'ApplicationDesignated',
      data: { applicationId: application.applicationId, stationId, plaqueNumber, designatedAt: metadata.now.toISOString() },
    },
  ];
}

export const applicationDecider: Decider<ApplicationCommand, ApplicationState, ApplicationEvent> = {
  initialState,
  evolve,
  decide,
};
