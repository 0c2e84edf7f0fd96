import type { DomainCommand } from '../shared/decider';
import type { ActivityEvents } from './activity.events';

type Data<T extends keyof ActivityEvents> = ActivityEvents[T]['data'];

/** What the ledger found in other records when an activity is planned. */
export interface PlanningFacts {
  /** The organiser may organise on the activity's day: an ACTIVE station, a provider in the 库 that day; the hub always. */
  organiserMayOrganise: boolean;
}

/** By the organiser; the handler fills `organiser`, `steward`, `themeMonth` and `facts` from their records. */
export type PlanActivity = DomainCommand<'PlanActivity', Omit<Data<'ActivityPlanned'>, 'plannedAt'> & { facts: PlanningFacts }>;
export type PostponeActivity = DomainCommand<'PostponeActivity', Omit<Data<'ActivityPostponed'>, 'postponedAt'>>;
export type CancelActivity = DomainCommand<'CancelActivity', Omit<Data<'ActivityCancelled'>, 'cancelledAt'>>;
/** By the enterprise itself or by the organiser on its behalf (the actor's role says which); the handler reads the enterprise's record. */
export type RegisterForActivity = DomainCommand<'RegisterForActivity', Pick<Data<'EnterpriseRegisteredForActivity'>, 'activityId' | 'enterprise'>>;
/** By the organiser; the enterprises present by id (each registered), the window in force from the settings. */
export type HoldActivity = DomainCommand<
  'HoldActivity',
  Pick<Data<'ActivityHeld'>, 'activityId' | 'personsPresent' | 'materials'> & { enterpriseIdsPresent: string[]; feedbackWindowDays: number }
>;
/** By an enterprise present, as itself (its token's organisation names it). */
export type RateActivity = DomainCommand<'RateActivity', Pick<Data<'ActivityRated'>, 'activityId' | 'feedback'>>;
export type AmendActivityRating = DomainCommand<'AmendActivityRating', Pick<Data<'ActivityRatingAmended'>, 'activityId' | 'feedback'>>;

export type ActivityCommand = PlanActivity | PostponeActivity | CancelActivity | RegisterForActivity | HoldActivity | RateActivity | AmendActivityRating;
