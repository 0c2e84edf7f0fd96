import type { ActivityEvent, ActivityEvents } from '@sme/domain/activity/activity.events';
import type { ActivityStage } from '@sme/domain/activity/activity.terms';
import type { ServedEnterprise } from '@sme/domain/delivery/delivery.terms';
import { isPoorRating, type Feedback } from '@sme/domain/feedback/feedback';
import { assertNever } from '@sme/domain/shared/decider';
import { cityCodeOf } from '@sme/domain/shared/region-code';
import { projectionStep } from './view-version';
import type { ViewVersion } from './views';

type Data<T extends keyof ActivityEvents> = ActivityEvents[T]['data'];
type Planned = Data<'ActivityPlanned'>;

export interface ActivityFeedbackView {
  enterpriseId: string;
  /** The rating that counts: the amended one when there is one. */
  rating: number;
  given: Feedback;
  givenAt: string;
  amended: Feedback | null;
  amendedAt: string | null;
  /** A 差评 (1–2) was given at some point, first or amended. */
  poor: boolean;
}

/** An activity (服务活动); nulls where nothing happened yet, so filters can ask for them. */
export interface ActivityView extends ViewVersion {
  id: string;
  status: ActivityStage;
  organiser: Planned['organiser'];
  /** The organising station's id, when a station organises: the station filter and its theme-month participation read it. */
  stationId: string | null;
  steward: Planned['steward'];
  coOrganisers: Planned['coOrganisers'];
  title: string;
  kind: Planned['kind'];
  theme: string;
  themeMonth: NonNullable<Planned['themeMonth']> | null;
  /** The current time (after any postponement); `date` is the activity's day. */
  time: Planned['time'];
  date: string;
  mode: Planned['mode'];
  venue: string;
  capacity: number;
  fee: Planned['fee'];
  /** Where it is held, and its city for city-wide filters. */
  regionCode: string;
  cityCode: string;
  plannedAt: string;
  postponements: { from: Planned['time']; to: Planned['time']; reason: string; postponedAt: string }[];
  cancellation: { reason: string; cancelledAt: string } | null;
  registrations: { enterprise: ServedEnterprise; by: Data<'EnterpriseRegisteredForActivity'>['by']; registeredAt: string }[];
  /** The registered enterprises' USCCs, for an enterprise's own list. */
  registeredUsccs: string[];
  heldOn: string | null;
  enterprisesPresent: ServedEnterprise[];
  personsPresent: number | null;
  materials: Data<'ActivityHeld'>['materials'];
  feedbackClosesOn: string | null;
  feedback: ActivityFeedbackView[];
}

/** Pure: the activity's document after one more of its events. */
export const projectActivity = projectionStep<ActivityView, ActivityEvent>((view, event, version) => {
  if (event.type === 'ActivityPlanned') return { _id: event.data.activityId, ...plannedView(event.data), ...version };
  if (!view) return view;
  switch (event.type) {
    case 'ActivityPostponed': {
      const { time, reason, postponedAt } = event.data;
      return { ...view, status: 'POSTPONED', time, date: time.date, postponements: [...view.postponements, { from: view.time, to: time, reason, postponedAt }], ...version };
    }
    case 'ActivityCancelled':
      return { ...view, status: 'CANCELLED', cancellation: { reason: event.data.reason, cancelledAt: event.data.cancelledAt }, ...version };
    case 'EnterpriseRegisteredForActivity': {
      const { enterprise, by, registeredAt } = event.data;
      return { ...view, registrations: [...view.registrations, { enterprise, by, registeredAt }], registeredUsccs: [...view.registeredUsccs, enterprise.uscc], ...version };
    }
    case 'ActivityHeld': {
      const { heldOn, enterprisesPresent, personsPresent, materials, feedbackClosesOn } = event.data;
      return { ...view, status: 'HELD', heldOn, enterprisesPresent, personsPresent, materials, feedbackClosesOn, ...version };
    }
    case 'ActivityRated': {
      const { enterpriseId, feedback, ratedAt } = event.data;
      const given: ActivityFeedbackView = { enterpriseId, rating: feedback.rating, given: feedback, givenAt: ratedAt, amended: null, amendedAt: null, poor: isPoorRating(feedback.rating) };
      return { ...view, feedback: [...view.feedback, given], ...version };
    }
    case 'ActivityRatingAmended': {
      const { enterpriseId, feedback, amendedAt } = event.data;
      const amend = (f: ActivityFeedbackView): ActivityFeedbackView =>
        f.enterpriseId === enterpriseId ? { ...f, rating: feedback.rating, amended: feedback, amendedAt, poor: f.poor || isPoorRating(feedback.rating) } : f;
      return { ...view, feedback: view.feedback.map(amend), ...version };
    }
    default:
      return assertNever(event);
  }
});

/** What a new activity’s view holds of the postponements, registrations, holding and feedback no event has filled yet. */
export const activityBlanks = () => ({
  postponements: [],
  cancellation: null,
  registrations: [],
  registeredUsccs: [],
  heldOn: null,
  enterprisesPresent: [],
  personsPresent: null,
  materials: [],
  feedbackClosesOn: null,
  feedback: [],
}) satisfies Partial<ActivityView>;

function plannedView(d: Planned): Omit<ActivityView, keyof ViewVersion> {
  return {
    id: d.activityId,
    status: 'PLANNED',
    organiser: d.organiser,
    stationId: d.organiser.kind === 'STATION' ? d.organiser.id : null,
    steward: d.steward,
    coOrganisers: d.coOrganisers,
    title: d.title,
    kind: d.kind,
    theme: d.theme,
    themeMonth: d.themeMonth ?? null,
    time: d.time,
    date: d.time.date,
    mode: d.mode,
    venue: d.venue,
    capacity: d.capacity,
    fee: d.fee,
    regionCode: d.regionCode,
    cityCode: cityCodeOf(d.regionCode),
    plannedAt: d.plannedAt,
    ...activityBlanks(),
  };
}
