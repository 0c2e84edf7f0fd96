import type { ServedEnterprise } from '../delivery/delivery.terms';
import type { FeedbackRecord } from '../feedback/feedback';
import { chinaDateOf } from '../shared/dates';
import { assertNever } from '../shared/decider';
import type { ActivityEvent, ActivityEvents } from './activity.events';
import type { ActivityStage, ActivityTime, RegisteredBy } from './activity.terms';

type Data<T extends keyof ActivityEvents> = ActivityEvents[T]['data'];

export type ActivityRecord = Omit<Data<'ActivityPlanned'>, 'activityId'> & {
  activityId: string;
  /** The revision of the last event folded (the first is 0). */
  revision: number;
  registrations: { enterprise: ServedEnterprise; by: RegisteredBy; registeredAt: string }[];
  /** Each postponement: the time it moved from, and why. */
  postponements: { from: ActivityTime; to: ActivityTime; reason: string; postponedAt: string }[];
  cancellation?: { reason: string; cancelledAt: string };
  held?: Omit<Data<'ActivityHeld'>, 'activityId'>;
  /** Per enterprise present (by its id), the feedback it gave. */
  feedback: Record<string, FeedbackRecord>;
};

export type ActivityState = { status: 'NONE' } | ({ status: ActivityStage } & ActivityRecord);
export type ExistingActivity = Exclude<ActivityState, { status: 'NONE' }>;

export const initialActivityState = (): ActivityState => ({ status: 'NONE' });

export function evolveActivity(state: ActivityState, event: ActivityEvent): ActivityState {
  if (event.type === 'ActivityPlanned') return { status: 'PLANNED', ...event.data, revision: 0, registrations: [], postponements: [], feedback: {} };
  if (state.status === 'NONE') return state;
  const a = { ...state, revision: state.revision + 1 };
  switch (event.type) {
    case 'ActivityPostponed': {
      const { time, reason, postponedAt } = event.data;
      return { ...a, status: 'POSTPONED', time, postponements: [...a.postponements, { from: a.time, to: time, reason, postponedAt }] };
    }
    case 'ActivityCancelled':
      return { ...a, status: 'CANCELLED', cancellation: { reason: event.data.reason, cancelledAt: event.data.cancelledAt } };
    case 'EnterpriseRegisteredForActivity': {
      const { enterprise, by, registeredAt } = event.data;
      return { ...a, registrations: [...a.registrations, { enterprise, by, registeredAt }] };
    }
    case 'ActivityHeld': {
      const { activityId: _, ...held } = event.data;
      return { ...a, status: 'HELD', held };
    }
    case 'ActivityRated': {
      const { enterpriseId, feedback, ratedAt } = event.data;
      return { ...a, feedback: { ...a.feedback, [enterpriseId]: { given: feedback, givenOn: chinaDateOf(ratedAt) } } };
    }
    case 'ActivityRatingAmended': {
      const { enterpriseId, feedback, amendedAt } = event.data;
      const before = a.feedback[enterpriseId];
      if (before === undefined) return a;
      return { ...a, feedback: { ...a.feedback, [enterpriseId]: { ...before, amended: feedback, amendedOn: chinaDateOf(amendedAt) } } };
    }
    default:
      return assertNever(event);
  }
}
