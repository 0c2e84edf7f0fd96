import { assertNever } from '../shared/decider';
import type { PanelExpert } from './application.commands';
import type { ApplicationEvent } from './application.events';
import { materialKinds, type ApplicationForm, type Material, type MaterialKind } from './application.form';
import { codeLists, type CodeOf } from '../shared/code-lists';
import codes from './application.codes.json';

export const { applicationStages } = codeLists(codes);

/** 评定程序: the stages an application passes through, in order. */
export type ApplicationStage = CodeOf<typeof applicationStages>;

export type DistrictReview = { passed: boolean; opinion: string; reviewedAt: string };
export type ExpertScore = { expertId: string; score: number; opinion: string; scoredAt: string };
export type Recommendation = { recommended: boolean; opinion: string; averageScore: number; issuedAt: string };
export type CityDecision = { approved: boolean; opinion: string; decidedAt: string };
export type Designation = { stationId: string; plaqueNumber: string; designatedAt: string };

export type ApplicationRecord = {
  applicationId: string;
  callId: string;
  cityCode: string;
  /** The station's district: whose authority reviews it. */
  districtCode: string;
  ownerOrgId: string;
  /** As drafted; `materials` below is the current set. */
  form: ApplicationForm;
  /** One per kind, in the order of the call's list. */
  materials: Material[];
  draftedAt: string;
};
type Submitted = ApplicationRecord & { submittedAt: string };
type Reviewed = Submitted & { districtReview: DistrictReview };
type UnderPanel = Reviewed & { panel: PanelExpert[]; panelFormedAt: string; scores: ExpertScore[] };
type Scored = UnderPanel & { averageScore: number };
type Recommended = Scored & { recommendation: Recommendation };
type Decided = Recommended & { decision: CityDecision };
type Designated = Decided & { designation: Designation };

export type ApplicationState =
  | { status: 'NONE' }
  | ({ status: 'DRAFT' } & ApplicationRecord)
  | ({ status: 'SUBMITTED' } & Submitted)
  | ({ status: 'DISTRICT_REJECTED' } & Reviewed)
  | ({ status: 'DISTRICT_PASSED' } & Reviewed)
  | ({ status: 'PANEL_FORMED' } & UnderPanel)
  | ({ status: 'SCORED' } & Scored)
  | ({ status: 'RECOMMENDED' } & Recommended)
  | ({ status: 'NOT_RECOMMENDED' } & Recommended)
  | ({ status: 'APPROVED' } & Decided)
  | ({ status: 'REJECTED' } & Decided)
  | ({ status: 'DESIGNATED' } & Designated);

export type ExistingApplication = Exclude<ApplicationState, { status: 'NONE' }>;
export type InStage<S extends ApplicationStage> = Extract<ExistingApplication, { status: S }>;

export const initialState = (): ApplicationState => ({ status: 'NONE' });

/** Mean of the scores, rounded to two decimals. */
export const averageOf = (scores: readonly number[]): number =>
  Math.round((scores.reduce((sum, s) => sum + s, 0) / scores.length) * 100) / 100;

/** The materials with `material` in its kind's place (replacing one of the same kind), kept in the form's order. */
function withMaterial(materials: readonly Material[], material: Material): Material[] {
  const same = materials.findIndex((m) => m.kind === material.kind);
  if (same >= 0) return materials.map((m, i) => (i === same ? material : m));
  const rank = materialKinds.codes.indexOf(material.kind);
  const before = materials.findIndex((m) => materialKinds.codes.indexOf(m.kind) > rank);
  return before < 0 ? [...materials, material] : [...materials.slice(0, before), material, ...materials.slice(before)];
}

/** The kinds a submission still lacks, in the call's order. */
export const missingMaterials = (materials: readonly Material[]): MaterialKind[] =>
  materialKinds.codes.filter((kind) => !materials.some((m) => m.kind === kind));

export function evolve(state: ApplicationState, event: ApplicationEvent): ApplicationState {
  switch (event.type) {
    case 'ApplicationDrafted': {
      const { applicationId, callId, cityCode, ownerOrgId, form, draftedAt } = event.data;
      return {
        status: 'DRAFT',
        applicationId,
        callId,
        cityCode,
        districtCode: form.station.districtCode,
        ownerOrgId,
        form,
        materials: form.materials.reduce(withMaterial, [] as Material[]),
        draftedAt,
      };
    }
    case 'ApplicationMaterialAttached':
      return state.status === 'DRAFT' ? { ...state, materials: withMaterial(state.materials, event.data.material) } : state;
    case 'ApplicationSubmitted':
      return state.status === 'DRAFT' ? { ...state, status: 'SUBMITTED', submittedAt: event.data.submittedAt } : state;
    case 'ApplicationPassedDistrictReview':
    case 'ApplicationRejectedByDistrict': {
      if (state.status !== 'SUBMITTED') return state;
      const { opinion, reviewedAt } = event.data;
      const passed = event.type === 'ApplicationPassedDistrictReview';
      return { ...state, status: passed ? 'DISTRICT_PASSED' : 'DISTRICT_REJECTED', districtReview: { passed, opinion, reviewedAt } };
    }
    case 'ExpertPanelFormed':
      return state.status === 'DISTRICT_PASSED'
        ? { ...state, status: 'PANEL_FORMED', panel: event.data.experts, panelFormedAt: event.data.formedAt, scores: [] }
        : state;
    case 'ExpertScoreRecorded': {
      if (state.status !== 'PANEL_FORMED') return state;
      const { expertId, score, opinion, scoredAt } = event.data;
      const scores = [...state.scores, { expertId, score, opinion, scoredAt }];
      return scores.length < state.panel.length
        ? { ...state, scores }
        : { ...state, status: 'SCORED', scores, averageScore: averageOf(scores.map((s) => s.score)) };
    }
    case 'ApplicationRecommended':
    case 'ApplicationNotRecommended': {
      if (state.status !== 'SCORED') return state;
      const recommended = event.type === 'ApplicationRecommended';
      const { opinion, averageScore, issuedAt } = event.data;
      return {
        ...state,
        status: recommended ? 'RECOMMENDED' : 'NOT_RECOMMENDED',
        recommendation: { recommended, opinion, averageScore, issuedAt },
      };
    }
    case 'ApplicationApproved':
    case 'ApplicationRejected': {
      if (state.status !== 'RECOMMENDED' && state.status !== 'NOT_RECOMMENDED') return state;
      const approved = event.type === 'ApplicationApproved';
      const { opinion, decidedAt } = event.data;
      return { ...state, status: approved ? 'APPROVED' : 'REJECTED', decision: { approved, opinion, decidedAt } };
    }
    case 'ApplicationDesignated': {
      if (state.status !== 'APPROVED') return state;
      const { stationId, plaqueNumber, designatedAt } = event.data;
      return { ...state, status: 'DESIGNATED', designation: { stationId, plaqueNumber, designatedAt } };
    }
    default:
      return assertNever(event);
  }
}

/** The stage of an application, or undefined when it does not exist. */
export const applicationStage = (state: ApplicationState): ApplicationStage | undefined =>
  state.status === 'NONE' ? undefined : state.status;
