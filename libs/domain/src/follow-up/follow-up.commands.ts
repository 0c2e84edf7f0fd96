import type { DomainCommand } from '../shared/decider';
import type { FollowUpEvents } from './follow-up.events';

type Data<T extends keyof FollowUpEvents> = FollowUpEvents[T]['data'];

/** By the ledger, reacting to the delivery event that called for it; `dueOn` is counted on the working-day calendar. */
export type OpenFollowUp = DomainCommand<'OpenFollowUp', Omit<Data<'FollowUpOpened'>, 'openedAt'>>;
/** By the ledger, reacting to an activity rating of 1–2. */
export type OpenFollowUpOnActivity = DomainCommand<'OpenFollowUpOnActivity', Omit<Data<'FollowUpOpenedOnActivity'>, 'openedAt'>>;
export type RecordFollowUpContact = DomainCommand<'RecordFollowUpContact', Omit<Data<'FollowUpContacted'>, 'contactedAt'>>;
export type RecordRectificationPlan = DomainCommand<'RecordRectificationPlan', Omit<Data<'FollowUpPlanned'>, 'plannedAt'>>;
export type RecordRectification = DomainCommand<'RecordRectification', Omit<Data<'FollowUpRectified'>, 'rectifiedAt'>>;
/** By the enterprise: the matter is settled, with a new rating when it gives one. */
export type ConfirmFollowUpSettled = DomainCommand<'ConfirmFollowUpSettled', { followUpId: string; rating?: number; comment: string }>;
/** By the steward, with a reason. */
export type CloseFollowUp = DomainCommand<'CloseFollowUp', { followUpId: string; reason: string }>;
/** By the ledger's sweep as the steward; the handler counts the working days overdue. */
export type EscalateFollowUp = DomainCommand<'EscalateFollowUp', { followUpId: string; overdueWorkingDays: number }>;

export type FollowUpCommand =
  | OpenFollowUp
  | OpenFollowUpOnActivity
  | RecordFollowUpContact
  | RecordRectificationPlan
  | RecordRectification
  | ConfirmFollowUpSettled
  | CloseFollowUp
  | EscalateFollowUp;
