import type { Feedback } from '../feedback/feedback';
import type { DomainCommand } from '../shared/decider';
import type { DeliveryEvents } from './delivery.events';

type Data<T extends keyof DeliveryEvents> = DeliveryEvents[T]['data'];

/** What the ledger found in other records when a delivery is registered. */
export interface RegistrationFacts {
  /** The server may serve on plannedStart: a provider in the 库 that day, an ACTIVE station; the hub always. */
  serverMayServe: boolean;
  /** The demand named, as it stands. */
  demand?: { stage: string; enterpriseUscc: string; matchedProviderId?: string };
  /** The product named: whose it is and whether it is on show. */
  product?: { providerId: string; onShow: boolean };
}

/** By the serving organisation; the handler fills `server`, `steward`, `enterprise`, `product` and `facts` from their records. */
export type RegisterDelivery = DomainCommand<'RegisterDelivery', Omit<Data<'DeliveryRegistered'>, 'registeredAt'> & { facts: RegistrationFacts }>;
export type StartDelivery = DomainCommand<'StartDelivery', Omit<Data<'DeliveryStarted'>, 'startedAt'>>;
export type NoteDeliveryProgress = DomainCommand<'NoteDeliveryProgress', Omit<Data<'DeliveryProgressNoted'>, 'notedAt'>>;
/** The windows in force come from the settings; whether the delivery is drawn for 回访 from the sample share. */
export type DeliverService = DomainCommand<
  'DeliverService',
  Pick<Data<'DeliveryDelivered'>, 'deliveryId' | 'deliveredOn' | 'outcome' | 'deliverables' | 'returnVisitSampled'> & { feedbackWindowDays: number; autoConfirmDays: number }
>;
/** By the enterprise served. */
export type ConfirmDelivery = DomainCommand<'ConfirmDelivery', { deliveryId: string }>;
/** By the ledger (a scheduled sweep acting as the steward), once the days in force have passed. */
export type ConfirmDeliveryAutomatically = DomainCommand<'ConfirmDeliveryAutomatically', { deliveryId: string }>;
export type DisputeDelivery = DomainCommand<'DisputeDelivery', Omit<Data<'DeliveryDisputed'>, 'disputedAt'>>;
export type CancelDelivery = DomainCommand<'CancelDelivery', Omit<Data<'DeliveryCancelled'>, 'cancelledAt'>>;
export type RateDelivery = DomainCommand<'RateDelivery', { deliveryId: string; feedback: Feedback }>;
export type AmendDeliveryRating = DomainCommand<'AmendDeliveryRating', { deliveryId: string; feedback: Feedback }>;
export type LodgeComplaint = DomainCommand<'LodgeComplaint', Omit<Data<'DeliveryComplaintLodged'>, 'lodgedAt'>>;
export type RecordReturnVisit = DomainCommand<'RecordReturnVisit', Omit<Data<'DeliveryReturnVisitRecorded'>, 'recordedAt'>>;

/** A follow-up the delivery's events call for, as its record stands (NONE: not opened yet). */
export interface FollowUpStanding {
  /** The revision of the delivery event that called for it. */
  causeRevision: number;
  status: 'NONE' | 'OPEN' | 'CLOSED';
}
/** By the steward; the handler reads the follow-ups the delivery's events called for. */
export type ArchiveDelivery = DomainCommand<'ArchiveDelivery', { deliveryId: string; followUps: FollowUpStanding[] }>;
export type CorrectDelivery = DomainCommand<'CorrectDelivery', Omit<Data<'DeliveryCorrected'>, 'correctedAt'>>;

export type DeliveryCommand =
  | RegisterDelivery
  | StartDelivery
  | NoteDeliveryProgress
  | DeliverService
  | ConfirmDelivery
  | ConfirmDeliveryAutomatically
  | DisputeDelivery
  | CancelDelivery
  | RateDelivery
  | AmendDeliveryRating
  | LodgeComplaint
  | RecordReturnVisit
  | ArchiveDelivery
  | CorrectDelivery;
