import type { DomainEvent } from '../shared/decider';
import type { PanelExpert } from './application.commands';
import type { ApplicationForm, Material } from './application.form';

export type ApplicationDrafted = DomainEvent<
  'ApplicationDrafted',
  {
    applicationId: string;
    callId: string;
    cityCode: string;
    /** The operator organisation that owns the application (the creating actor's orgId). */
    ownerOrgId: string;
    form: ApplicationForm;
    draftedAt: string;
  }
>;

export type ApplicationMaterialAttached = DomainEvent<
  'ApplicationMaterialAttached',
  { applicationId: string; material: Material; attachedAt: string }
>;

export type ApplicationSubmitted = DomainEvent<
  'ApplicationSubmitted',
  { applicationId: string; callId: string; submittedAt: string }
>;

export type DistrictReviewData = {
  applicationId: string;
  districtCode: string;
  opinion: string;
  reviewedAt: string;
};

export type ApplicationPassedDistrictReview = DomainEvent<'ApplicationPassedDistrictReview', DistrictReviewData>;

export type ApplicationRejectedByDistrict = DomainEvent<'ApplicationRejectedByDistrict', DistrictReviewData>;

export type ExpertPanelFormed = DomainEvent<
  'ExpertPanelFormed',
  { applicationId: string; experts: PanelExpert[]; formedAt: string }
>;

export type ExpertScoreRecorded = DomainEvent<
  'ExpertScoreRecorded',
  { applicationId: string; expertId: string; score: number; opinion: string; scoredAt: string }
>;

export type RecommendationData = {
  applicationId: string;
  /** Mean of the panel's scores, rounded to two decimals. */
  averageScore: number;
  opinion: string;
  issuedAt: string;
};

export type ApplicationRecommended = DomainEvent<'ApplicationRecommended', RecommendationData>;

export type ApplicationNotRecommended = DomainEvent<'ApplicationNotRecommended', RecommendationData>;

export type ApplicationDecisionData = { applicationId: string; opinion: string; decidedAt: string };

export type ApplicationApproved = DomainEvent<'ApplicationApproved', ApplicationDecisionData>;

export type ApplicationRejected = DomainEvent<'ApplicationRejected', ApplicationDecisionData>;

export type ApplicationDesignated = DomainEvent<
  'ApplicationDesignated',
  { applicationId: string; stationId: string; plaqueNumber: string; designatedAt: string }
>;

export type ApplicationEvent =
  | ApplicationDrafted
  | ApplicationMaterialAttached
  | ApplicationSubmitted
  | ApplicationPassedDistrictReview
  | ApplicationRejectedByDistrict
  | ExpertPanelFormed
  | ExpertScoreRecorded
  | ApplicationRecommended
  | ApplicationNotRecommended
  | ApplicationApproved
  | ApplicationRejected
  | ApplicationDesignated;

/** Current schema version of each event type (the envelope carries it). */
export const APPLICATION_EVENT_SCHEMA_VERSIONS: Record<ApplicationEvent['type'], number> = {
  ApplicationDrafted: 1,
  ApplicationMaterialAttached: 1,
  ApplicationSubmitted: 1,
  ApplicationPassedDistrictReview: 1,
  ApplicationRejectedByDistrict: 1,
  ExpertPanelFormed: 1,
  ExpertScoreRecorded: 1,
  ApplicationRecommended: 1,
  ApplicationNotRecommended: 1,
  ApplicationApproved: 1,
  ApplicationRejected: 1,
  ApplicationDesignated: 1,
};
