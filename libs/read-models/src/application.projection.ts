import type { ApplicationStage } from '@sme/domain';
import type { ApplicationEvent } from '@sme/domain/application/application.events';
import { assertNever } from '@sme/domain/shared/decider';
import type { RecordedEvent } from '@sme/event-store';
import { versionOf } from './view-version';
import type { ApplicationView } from './views';

function moveTo(view: ApplicationView, stage: ApplicationStage, recorded: RecordedEvent): ApplicationView {
  return {
    ...view,
    stage,
    history: [...view.history, { stage, at: recorded.metadata.occurredAt, by: recorded.metadata.actor.id }],
    ...versionOf(recorded),
  };
}

/** What a new application’s view holds of the review, panel, scores, recommendation, decision and station no event has filled yet. */
export const applicationBlanks = () => ({
  submittedAt: null,
  districtReview: null,
  panel: [],
  averageScore: null,
  recommendation: null,
  decision: null,
  station: null,
}) satisfies Partial<ApplicationView>;

/** Pure: the application's view after one more of its events. */
export function projectApplication(view: ApplicationView | undefined, recorded: RecordedEvent): ApplicationView | undefined {
  const event = { type: recorded.type, data: recorded.data } as ApplicationEvent;
  if (event.type === 'ApplicationDrafted') {
    const { applicationId, callId, cityCode, ownerOrgId, form, draftedAt } = event.data;
    const { materials, ...rest } = form;
    const drafted: ApplicationView = {
      _id: applicationId,
      id: applicationId,
      callId,
      cityCode,
      districtCode: form.station.districtCode,
      ownerOrgId,
      operatorName: form.operator.name,
      stationName: form.station.name,
      stage: 'DRAFT',
      form: rest,
      materials,
      draftedAt,
      ...applicationBlanks(),
      history: [],
      ...versionOf(recorded),
    };
    return moveTo(drafted, 'DRAFT', recorded);
  }
  if (!view) return view;
  switch (event.type) {
    case 'ApplicationMaterialAttached': {
      const { material } = event.data;
      return {
        ...view,
        materials: [...view.materials.filter((m) => m.kind !== material.kind), material],
        ...versionOf(recorded),
      };
    }
    case 'ApplicationSubmitted':
      return moveTo({ ...view, submittedAt: event.data.submittedAt }, 'SUBMITTED', recorded);
    case 'ApplicationPassedDistrictReview':
    case 'ApplicationRejectedByDistrict': {
      const passed = event.type === 'ApplicationPassedDistrictReview';
      const districtReview = {
        passed,
        opinion: event.data.opinion,
        reviewedAt: event.data.reviewedAt,
        reviewerId: recorded.metadata.actor.id,
      };
      return moveTo({ ...view, districtReview }, passed ? 'DISTRICT_PASSED' : 'DISTRICT_REJECTED', recorded);
    }
    case 'ExpertPanelFormed': {
      const panel = event.data.experts.map((e) => ({ ...e, score: null, opinion: null, scoredAt: null }));
      return moveTo({ ...view, panel }, 'PANEL_FORMED', recorded);
    }
    case 'ExpertScoreRecorded': {
      const { expertId, score, opinion, scoredAt } = event.data;
      const panel = view.panel.map((m) => (m.expertId === expertId ? { ...m, score, opinion, scoredAt } : m));
      const scores = panel.map((m) => m.score).filter((s): s is number => s !== null);
      const complete = scores.length === panel.length;
      const next: ApplicationView = {
        ...view,
        panel,
        averageScore: complete ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null,
        ...versionOf(recorded),
      };
      return complete ? moveTo(next, 'SCORED', recorded) : next;
    }
    case 'ApplicationRecommended':
    case 'ApplicationNotRecommended': {
      const recommended = event.type === 'ApplicationRecommended';
      const { opinion, issuedAt, averageScore } = event.data;
      return moveTo(
        { ...view, recommendation: { recommended, opinion, issuedAt, averageScore } },
        recommended ? 'RECOMMENDED' : 'NOT_RECOMMENDED',
        recorded,
      );
    }
    case 'ApplicationApproved':
    case 'ApplicationRejected': {
      const approved = event.type === 'ApplicationApproved';
      const { opinion, decidedAt } = event.data;
      return moveTo({ ...view, decision: { approved, opinion, decidedAt } }, approved ? 'APPROVED' : 'REJECTED', recorded);
    }
    case 'ApplicationDesignated': {
      const { stationId, plaqueNumber, designatedAt } = event.data;
      return moveTo({ ...view, station: { stationId, plaqueNumber, designatedAt } }, 'DESIGNATED', recorded);
    }
    default:
      return assertNever(event);
  }
}
