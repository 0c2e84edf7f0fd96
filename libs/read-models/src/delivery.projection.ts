import type { DeliveryEvent, DeliveryEvents } from '@sme/domain/delivery/delivery.events';
import type { DeliveryStage, ServedEnterprise, ServingOrganisation, Steward } from '@sme/domain/delivery/delivery.terms';
import { isPoorRating, type Feedback } from '@sme/domain/feedback/feedback';
import { assertNever } from '@sme/domain/shared/decider';
import { cityCodeOf } from '@sme/domain/shared/region-code';
import { projectionStep } from './view-version';
import type { ViewVersion } from './views';

type Data<T extends keyof DeliveryEvents> = DeliveryEvents[T]['data'];
type Registered = Data<'DeliveryRegistered'>;

export type DeliveryViewStatus = DeliveryStage;

export interface DeliveryReturnVisit {
  channel: Data<'DeliveryReturnVisitRecorded'>['channel'];
  visitedOn: string;
  visitor: string;
  findings: string;
  satisfaction: number;
  recordedAt: string;
}

export interface DeliveryFeedbackView {
  /** The rating that counts: the amended one when there is one. */
  rating: number;
  given: Feedback;
  givenAt: string;
  amended: Feedback | null;
  amendedAt: string | null;
}

export interface DeliveryCorrectionView {
  changes: Data<'DeliveryCorrected'>['changes'];
  reason: string;
  correctedAt: string;
}

/** A delivery (服务项目): one service to one enterprise; nulls where nothing happened yet, so filters can ask for them. */
export interface DeliveryView extends ViewVersion {
  id: string;
  status: DeliveryViewStatus;
  server: ServingOrganisation;
  steward: Steward;
  enterprise: ServedEnterprise;
  demandId: string | null;
  product: NonNullable<Registered['product']> | null;
  domain: Registered['domain'];
  title: string;
  description: string;
  plannedStart: string;
  plannedEnd: string;
  fee: Registered['fee'];
  staffHours: number | null;
  mode: Registered['mode'];
  /** Where the service was delivered, and its city for city-wide filters. */
  regionCode: string;
  cityCode: string;
  registeredAt: string;
  startedOn: string | null;
  /** How many progress notes were recorded. */
  progressNotes: number;
  deliveredOn: string | null;
  outcome: string | null;
  deliverables: Data<'DeliveryDelivered'>['deliverables'];
  feedbackClosesOn: string | null;
  confirmableAutomaticallyFrom: string | null;
  returnVisitSampled: boolean;
  confirmation: { by: Data<'DeliveryConfirmed'>['by']; confirmedAt: string } | null;
  dispute: { reason: string; disputedAt: string } | null;
  cancellation: { reason: string; cancelledAt: string } | null;
  feedback: DeliveryFeedbackView | null;
  /** A 差评 (rating 1–2) was given at some point, first or amended. */
  poorRating: boolean;
  /** How many complaints were lodged. */
  complaints: number;
  returnVisits: DeliveryReturnVisit[];
  /** A 回访 is needed before 归档: drawn in the sample, or after a 差评. */
  returnVisitRequired: boolean;
  returnVisitDone: boolean;
  archivedAt: string | null;
  /** Corrections after 归档, oldest first; each has already replaced the fields it names above. */
  corrections: DeliveryCorrectionView[];
}

/** Pure: the delivery's document after one more of its events. */
export const projectDelivery = projectionStep<DeliveryView, DeliveryEvent>((view, event, version) => {
  if (event.type === 'DeliveryRegistered') return { _id: event.data.deliveryId, ...registeredView(event.data), ...version };
  if (!view) return view;
  switch (event.type) {
    case 'DeliveryStarted':
      return { ...view, status: 'IN_PROGRESS', startedOn: event.data.startedOn, ...version };
    case 'DeliveryProgressNoted':
      return { ...view, progressNotes: view.progressNotes + 1, ...version };
    case 'DeliveryDelivered': {
      const { deliveredOn, outcome, deliverables, feedbackClosesOn, confirmableAutomaticallyFrom, returnVisitSampled } = event.data;
      const delivered = { ...view, status: 'DELIVERED' as const, deliveredOn, outcome, deliverables, feedbackClosesOn, confirmableAutomaticallyFrom, returnVisitSampled };
      return { ...delivered, returnVisitRequired: returnVisitSampled || view.poorRating, ...version };
    }
    case 'DeliveryConfirmed':
      return { ...view, status: 'CONFIRMED', confirmation: { by: event.data.by, confirmedAt: event.data.confirmedAt }, ...version };
    case 'DeliveryDisputed':
      return { ...view, status: 'DISPUTED', dispute: { reason: event.data.reason, disputedAt: event.data.disputedAt }, ...version };
    case 'DeliveryCancelled':
      return { ...view, status: 'CANCELLED', cancellation: { reason: event.data.reason, cancelledAt: event.data.cancelledAt }, ...version };
    case 'DeliveryRated': {
      const { feedback, ratedAt } = event.data;
      return rated({ ...view, feedback: { rating: feedback.rating, given: feedback, givenAt: ratedAt, amended: null, amendedAt: null }, ...version }, feedback.rating);
    }
    case 'DeliveryRatingAmended': {
      if (view.feedback === null) return { ...view, ...version };
      const { feedback, amendedAt } = event.data;
      return rated({ ...view, feedback: { ...view.feedback, rating: feedback.rating, amended: feedback, amendedAt }, ...version }, feedback.rating);
    }
    case 'DeliveryComplaintLodged':
      return { ...view, complaints: view.complaints + 1, ...version };
    case 'DeliveryReturnVisitRecorded': {
      const { channel, visitedOn, visitor, findings, satisfaction, recordedAt } = event.data;
      return { ...view, returnVisits: [...view.returnVisits, { channel, visitedOn, visitor, findings, satisfaction, recordedAt }], returnVisitDone: true, ...version };
    }
    case 'DeliveryArchived':
      return { ...view, status: 'ARCHIVED', archivedAt: event.data.archivedAt, ...version };
    case 'DeliveryCorrected': {
      const { changes, reason, correctedAt } = event.data;
      return {
        ...view,
        ...(changes.title === undefined ? {} : { title: changes.title }),
        ...(changes.description === undefined ? {} : { description: changes.description }),
        ...(changes.outcome === undefined ? {} : { outcome: changes.outcome }),
        corrections: [...view.corrections, { changes, reason, correctedAt }],
        ...version,
      };
    }
    default:
      return assertNever(event);
  }
});

/** After a rating or its amendment: a 差评 stays on the record and calls for a 回访. */
function rated(view: DeliveryView, rating: number): DeliveryView {
  if (!isPoorRating(rating)) return view;
  return { ...view, poorRating: true, returnVisitRequired: true };
}

/** What a new delivery’s view holds of the stages, feedback, 回访 and corrections no event has filled yet. */
export const deliveryBlanks = () => ({
  startedOn: null,
  progressNotes: 0,
  deliveredOn: null,
  outcome: null,
  deliverables: [],
  feedbackClosesOn: null,
  confirmableAutomaticallyFrom: null,
  returnVisitSampled: false,
  confirmation: null,
  dispute: null,
  cancellation: null,
  feedback: null,
  poorRating: false,
  complaints: 0,
  returnVisits: [],
  returnVisitRequired: false,
  returnVisitDone: false,
  archivedAt: null,
  corrections: [],
}) satisfies Partial<DeliveryView>;

function registeredView(d: Registered): Omit<DeliveryView, keyof ViewVersion> {
  return {
    id: d.deliveryId,
    status: 'REGISTERED',
    server: d.server,
    steward: d.steward,
    enterprise: d.enterprise,
    demandId: d.demandId ?? null,
    product: d.product ?? null,
    domain: d.domain,
    title: d.title,
    description: d.description,
    plannedStart: d.plannedStart,
    plannedEnd: d.plannedEnd,
    fee: d.fee,
    staffHours: d.staffHours ?? null,
    mode: d.mode,
    regionCode: d.regionCode,
    cityCode: cityCodeOf(d.regionCode),
    registeredAt: d.registeredAt,
    ...deliveryBlanks(),
  };
}
