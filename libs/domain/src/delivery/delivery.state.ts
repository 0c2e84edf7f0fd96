import { isPoorRating, type FeedbackRecord } from '../feedback/feedback';
import { chinaDateOf } from '../shared/dates';
import { assertNever } from '../shared/decider';
import type { DeliveryEvent, DeliveryEvents } from './delivery.events';
import type { DeliveryStage } from './delivery.terms';

type Data<T extends keyof DeliveryEvents> = DeliveryEvents[T]['data'];

/** Why a follow-up was called for. */
export type FollowUpCause = 'POOR_RATING' | 'DISPUTE' | 'COMPLAINT';

export type DeliveryRecord = Omit<Data<'DeliveryRegistered'>, 'deliveryId'> & {
  deliveryId: string;
  /** The revision of the last event folded (the first is 0). */
  revision: number;
  startedOn?: string;
  progressNotes: number;
  delivery?: Omit<Data<'DeliveryDelivered'>, 'deliveryId'>;
  confirmation?: Omit<Data<'DeliveryConfirmed'>, 'deliveryId'>;
  dispute?: Omit<Data<'DeliveryDisputed'>, 'deliveryId'>;
  cancellation?: Omit<Data<'DeliveryCancelled'>, 'deliveryId'>;
  feedback?: FeedbackRecord;
  complaints: number;
  returnVisits: Omit<Data<'DeliveryReturnVisitRecorded'>, 'deliveryId'>[];
  /** Each event that called for a follow-up: its revision in this stream, and why. */
  followUpCauses: { revision: number; cause: FollowUpCause }[];
  archivedAt?: string;
  corrections: Omit<Data<'DeliveryCorrected'>, 'deliveryId'>[];
};

export type DeliveryState = { status: 'NONE' } | ({ status: DeliveryStage } & DeliveryRecord);
export type ExistingDelivery = Exclude<DeliveryState, { status: 'NONE' }>;

export const initialDeliveryState = (): DeliveryState => ({ status: 'NONE' });

/** A 差评 was given at some point (first rating or amendment): it needs a 回访 whatever the sample. */
export const hadPoorRating = (d: DeliveryRecord): boolean =>
  d.feedback !== undefined && (isPoorRating(d.feedback.given.rating) || (d.feedback.amended !== undefined && isPoorRating(d.feedback.amended.rating)));

/** Whether the delivery needs a 回访 before it is archived. */
export const returnVisitRequired = (d: DeliveryRecord): boolean => d.delivery?.returnVisitSampled === true || hadPoorRating(d);

export function evolveDelivery(state: DeliveryState, event: DeliveryEvent): DeliveryState {
  if (event.type === 'DeliveryRegistered') {
    return { status: 'REGISTERED', ...event.data, revision: 0, progressNotes: 0, complaints: 0, returnVisits: [], followUpCauses: [], corrections: [] };
  }
  if (state.status === 'NONE') return state;
  const d = { ...state, revision: state.revision + 1 };
  const causing = (cause: FollowUpCause) => [...d.followUpCauses, { revision: d.revision, cause }];
  switch (event.type) {
    case 'DeliveryStarted':
      return { ...d, status: 'IN_PROGRESS', startedOn: event.data.startedOn };
    case 'DeliveryProgressNoted':
      return { ...d, progressNotes: d.progressNotes + 1 };
    case 'DeliveryDelivered': {
      const { deliveryId: _, ...delivery } = event.data;
      return { ...d, status: 'DELIVERED', delivery };
    }
    case 'DeliveryConfirmed':
      return { ...d, status: 'CONFIRMED', confirmation: { by: event.data.by, confirmedAt: event.data.confirmedAt } };
    case 'DeliveryDisputed':
      return { ...d, status: 'DISPUTED', dispute: { reason: event.data.reason, disputedAt: event.data.disputedAt }, followUpCauses: causing('DISPUTE') };
    case 'DeliveryCancelled':
      return { ...d, status: 'CANCELLED', cancellation: { reason: event.data.reason, cancelledAt: event.data.cancelledAt } };
    case 'DeliveryRated': {
      const feedback = { given: event.data.feedback, givenOn: chinaDateOf(event.data.ratedAt) };
      return { ...d, feedback, followUpCauses: isPoorRating(event.data.feedback.rating) ? causing('POOR_RATING') : d.followUpCauses };
    }
    case 'DeliveryRatingAmended': {
      if (d.feedback === undefined) return d;
      const feedback = { ...d.feedback, amended: event.data.feedback, amendedOn: chinaDateOf(event.data.amendedAt) };
      return { ...d, feedback, followUpCauses: isPoorRating(event.data.feedback.rating) ? causing('POOR_RATING') : d.followUpCauses };
    }
    case 'DeliveryComplaintLodged':
      return { ...d, complaints: d.complaints + 1, followUpCauses: causing('COMPLAINT') };
    case 'DeliveryReturnVisitRecorded': {
      const { deliveryId: _, ...visit } = event.data;
      return { ...d, returnVisits: [...d.returnVisits, visit] };
    }
    case 'DeliveryArchived':
      return { ...d, status: 'ARCHIVED', archivedAt: event.data.archivedAt };
    case 'DeliveryCorrected': {
      const { deliveryId: _, ...correction } = event.data;
      const { title, description, outcome } = event.data.changes;
      return {
        ...d,
        ...(title === undefined ? {} : { title }),
        ...(description === undefined ? {} : { description }),
        ...(outcome === undefined || d.delivery === undefined ? {} : { delivery: { ...d.delivery, outcome } }),
        corrections: [...d.corrections, correction],
      };
    }
    default:
      return assertNever(event);
  }
}
