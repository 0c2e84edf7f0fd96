import type { CallSnapshot } from '../call/call.snapshot';
import type { DomainCommand } from '../shared/decider';
import type { ApplicationEvents, PanelExpert } from './application.events';
import type { ApplicationForm, MaterialKind } from './application.form';

/** By a STATION_OPERATOR; the actor's organisation becomes the application's owner. */
export type CreateApplication = DomainCommand<
  'CreateApplication',
  { applicationId: string; call: CallSnapshot; form: ApplicationForm }
>;

/** By the owner while the application is a draft; replaces a material of the same kind. */
export type AttachMaterial = DomainCommand<
  'AttachMaterial',
  { applicationId: string; kind: MaterialKind; fileName: string; sha256: string }
>;

/** By the owner, from DRAFT, before the call's district deadline, with all six materials. */
export type SubmitApplication = DomainCommand<'SubmitApplication', { applicationId: string; call: CallSnapshot }>;

/** 初审 by the DISTRICT_AUTHORITY of the station's district, before the call's city deadline. */
export type ReviewByDistrict = DomainCommand<
  'ReviewByDistrict',
  { applicationId: string; call: CallSnapshot; passed: boolean; opinion: string }
>;

export type { PanelExpert };

/**
 * A proposed panel member with what the expert registry (服务专家库) says of them at the panel's
 * business time: their name, the organisation they belonged to then, and whether they could sit on a
 * panel then (admitted, not suspended, not removed). `registry` is absent for an expert not registered.
 */
export type PanelCandidate = {
  expertId: string;
  registry?: { name: string; organisation: string; available: boolean };
};

/**
 * 专家评审: the city's HUB forms a panel of at least three distinct experts, each registered and
 * available, none from the applicant (回避, judged on the registry's organisation).
 */
export type FormExpertPanel = DomainCommand<'FormExpertPanel', { applicationId: string; experts: PanelCandidate[] }>;

/** By an EXPERT on the panel, once; an integer 0–100 (the expert is the actor). */
export type ScoreApplication = DomainCommand<'ScoreApplication', Omit<ApplicationEvents['ExpertScoreRecorded']['data'], 'expertId' | 'scoredAt'>>;

/** 推荐意见 by the city's HUB once every panel score is in. */
export type IssueRecommendation = DomainCommand<
  'IssueRecommendation',
  { applicationId: string; recommended: boolean; opinion: string }
>;

/** 审定 by the CITY_AUTHORITY after the recommendation. */
export type DecideApplication = DomainCommand<
  'DecideApplication',
  { applicationId: string; approved: boolean; opinion: string }
>;

/** By the CITY_AUTHORITY once the list is published: the approved application became a station. */
export type MarkDesignated = DomainCommand<'MarkDesignated', Omit<ApplicationEvents['ApplicationDesignated']['data'], 'designatedAt'>>;

export type ApplicationCommand =
  | CreateApplication
  | AttachMaterial
  | SubmitApplication
  | ReviewByDistrict
  | FormExpertPanel
  | ScoreApplication
  | IssueRecommendation
  | DecideApplication
  | MarkDesignated;
