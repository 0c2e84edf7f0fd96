import {
  anyText,
  arrayOf,
  at,
  cityCode,
  closed,
  districtCode,
  integer,
  nonEmptyText,
  number,
  opinion,
  plaqueNumber,
  recordId,
  text,
  withDescription,
  type Static,
} from '../shared/schema/builders';
import { recordEvents, type EventOf, type EventsByType } from '../shared/schema/event-spec';
import { ApplicationFormSchema, MaterialSchema } from './application.form';

/** A panel member as recorded on the application (name and organisation as the expert registry had them). */
export const PanelExpertSchema = closed(
  {
    expertId: text('The expert’s user id'),
    name: text('The expert’s name'),
    organisation: text('The expert’s organisation id (a USCC for legal persons)'),
  },
  { $id: 'PanelExpert', description: 'A member of the expert panel' },
);
export type PanelExpert = Static<typeof PanelExpertSchema>;

const districtReview = (passed: boolean) => ({
  districtCode: withDescription(districtCode(), 'The station’s district, whose authority reviewed'),
  opinion: opinion(),
  reviewedAt: at(passed ? 'When the district passed it' : 'When the district rejected it'),
});

const recommendation = () => ({
  averageScore: number({ minimum: 0, maximum: 100 }, 'Mean of the panel’s scores, rounded to two decimals'),
  opinion: opinion(),
  issuedAt: at('When the hub issued its recommendation'),
});

const decision = () => ({ opinion: opinion(), decidedAt: at('When the city decided') });

/** 服务站申请: every event of an application's record. */
export const APPLICATION_EVENTS = recordEvents({ applicationId: recordId('The application') }, {
  ApplicationDrafted: {
    action: 'drafted',
    title: 'Application drafted (提交申请表)',
    summary: 'An operator filed the application form; the application is a DRAFT.',
    payload: {
      callId: recordId('The call applied to'),
      cityCode: cityCode(),
      ownerOrgId: anyText('The operator organisation that owns the application: the `orgId` of the filing user’s token, as given'),
      form: ApplicationFormSchema,
      draftedAt: at('When the form was filed'),
    },
  },
  ApplicationMaterialAttached: {
    action: 'material-attached',
    title: 'Material attached (补充申报材料)',
    summary: 'A material was attached to the draft, replacing one of the same kind.',
    payload: { material: MaterialSchema, attachedAt: at('When it was attached') },
  },
  ApplicationSubmitted: {
    action: 'submitted',
    title: 'Application submitted (申请已提交)',
    summary: 'Submitted to the district before its deadline with all six materials; stage SUBMITTED.',
    payload: { callId: recordId('The call'), submittedAt: at('When it was submitted') },
  },
  ApplicationPassedDistrictReview: {
    action: 'district-review-passed',
    title: 'District review passed (区初审通过)',
    summary: 'The district authority passed the application; stage DISTRICT_PASSED.',
    payload: districtReview(true),
  },
  ApplicationRejectedByDistrict: {
    action: 'district-review-rejected',
    title: 'District review rejected (区初审未通过)',
    summary: 'The district authority rejected the application (final); stage DISTRICT_REJECTED.',
    payload: districtReview(false),
  },
  ExpertPanelFormed: {
    action: 'expert-panel-formed',
    title: 'Expert panel formed (组建专家组)',
    summary: 'The hub formed the expert panel (at least three experts, none from the applicant); stage PANEL_FORMED.',
    payload: {
      experts: arrayOf(PanelExpertSchema, { minItems: 3, description: 'The panel, distinct experts' }),
      formedAt: at('When the panel was formed'),
    },
  },
  ExpertScoreRecorded: {
    action: 'expert-score-recorded',
    title: 'Expert score recorded (专家评分)',
    summary: 'One panel expert scored the application; after the last expert the stage is SCORED.',
    payload: {
      expertId: nonEmptyText('The scoring expert’s user id (one of the panel’s expertId)'),
      score: integer(0, 100, 'Score, an integer 0–100'),
      opinion: opinion(),
      scoredAt: at('When the score was recorded'),
    },
  },
  ApplicationRecommended: {
    action: 'recommended',
    title: 'Recommended (推荐意见：推荐)',
    summary: 'The hub recommended the application to the city; stage RECOMMENDED.',
    payload: recommendation(),
  },
  ApplicationNotRecommended: {
    action: 'not-recommended',
    title: 'Not recommended (推荐意见：不推荐)',
    summary: 'The hub did not recommend the application; stage NOT_RECOMMENDED (the city still decides).',
    payload: recommendation(),
  },
  ApplicationApproved: {
    action: 'approved',
    title: 'Approved by the city (市审定通过)',
    summary: 'The city approved the application; stage APPROVED, designated when the list is published.',
    payload: decision(),
  },
  ApplicationRejected: {
    action: 'rejected',
    title: 'Rejected by the city (市审定未通过)',
    summary: 'The city rejected the application (final); stage REJECTED.',
    payload: decision(),
  },
  ApplicationDesignated: {
    action: 'designated',
    title: 'Application designated (已授牌)',
    summary: 'The published list made the application a station; stage DESIGNATED.',
    payload: {
      stationId: recordId('The station it became'),
      plaqueNumber: plaqueNumber(),
      designatedAt: at('When the list was published'),
    },
  },
});

export type ApplicationEvent = EventOf<typeof APPLICATION_EVENTS>;
export type ApplicationEvents = EventsByType<typeof APPLICATION_EVENTS>;

/** The data shared by the pairs of outcomes. */
export type DistrictReviewData = ApplicationEvents['ApplicationPassedDistrictReview']['data'];
export type RecommendationData = ApplicationEvents['ApplicationRecommended']['data'];
export type ApplicationDecisionData = ApplicationEvents['ApplicationApproved']['data'];
