import type { ServedEnterprise, ServingOrganisation, Steward } from '@sme/domain/delivery/delivery.terms';
import type { FollowUpEvent, FollowUpEvents } from '@sme/domain/follow-up/follow-up.events';
import { assertNever } from '@sme/domain/shared/decider';
import { projectionStep } from './view-version';
import type { ViewVersion } from './views';

type Data<T extends keyof FollowUpEvents> = FollowUpEvents[T]['data'];
type Opened = Data<'FollowUpOpened'>;

export type FollowUpViewStatus = 'OPEN' | 'CLOSED';

export interface FollowUpContactView {
  channel: Data<'FollowUpContacted'>['channel'];
  contactedOn: string;
  note: string;
}

/** A follow-up (差评跟进) of a delivery or an activity; nulls where nothing happened yet, so filters can ask for them. */
export interface FollowUpView extends ViewVersion {
  id: string;
  /** What it follows up: a delivery, or an activity (the other is null). */
  deliveryId: string | null;
  activityId: string | null;
  /** The revision of the delivery's or activity's event that called for it. */
  causeRevision: number;
  cause: Opened['cause'];
  detail: string;
  /** The poor rating, for POOR_RATING. */
  rating: number | null;
  server: ServingOrganisation;
  enterprise: ServedEnterprise;
  steward: Steward;
  escalateTo: Opened['escalateTo'];
  openedOn: string;
  workingDays: number;
  dueOn: string;
  status: FollowUpViewStatus;
  contacts: FollowUpContactView[];
  plan: string | null;
  rectification: { rectification: string; rectifiedOn: string } | null;
  escalation: { to: Data<'FollowUpEscalated'>['to']; overdueWorkingDays: number; escalatedAt: string } | null;
  escalated: boolean;
  closure: { by: Data<'FollowUpClosed'>['by']; rating: number | null; reason: string; closedOn: string; onTime: boolean; closedAt: string } | null;
  openedAt: string;
}

/** What a new follow-up’s view holds of the contacts, plan, rectification, escalation and closure no event has filled yet. */
export const followUpBlanks = () => ({
  contacts: [],
  plan: null,
  rectification: null,
  escalation: null,
  escalated: false,
  closure: null,
}) satisfies Partial<FollowUpView>;

/** Pure: the follow-up's document after one more of its events. */
export const projectFollowUp = projectionStep<FollowUpView, FollowUpEvent>((view, event, version) => {
  if (event.type === 'FollowUpOpened' || event.type === 'FollowUpOpenedOnActivity') {
    const d = event.data;
    return {
      _id: d.followUpId,
      id: d.followUpId,
      deliveryId: 'deliveryId' in d ? d.deliveryId : null,
      activityId: 'activityId' in d ? d.activityId : null,
      causeRevision: d.causeRevision,
      cause: d.cause,
      detail: d.detail,
      rating: d.rating ?? null,
      server: d.server,
      enterprise: d.enterprise,
      steward: d.steward,
      escalateTo: d.escalateTo,
      openedOn: d.openedOn,
      workingDays: d.workingDays,
      dueOn: d.dueOn,
      status: 'OPEN',
      ...followUpBlanks(),
      openedAt: d.openedAt,
      ...version,
    };
  }
  if (!view) return view;
  switch (event.type) {
    case 'FollowUpContacted': {
      const { channel, contactedOn, note } = event.data;
      return { ...view, contacts: [...view.contacts, { channel, contactedOn, note }], ...version };
    }
    case 'FollowUpPlanned':
      return { ...view, plan: event.data.plan, ...version };
    case 'FollowUpRectified': {
      const { rectification, rectifiedOn } = event.data;
      return { ...view, rectification: { rectification, rectifiedOn }, ...version };
    }
    case 'FollowUpEscalated': {
      const { to, overdueWorkingDays, escalatedAt } = event.data;
      return { ...view, escalated: true, escalation: { to, overdueWorkingDays, escalatedAt }, ...version };
    }
    case 'FollowUpClosed': {
      const { by, rating, reason, closedOn, onTime, closedAt } = event.data;
      return { ...view, status: 'CLOSED', closure: { by, rating: rating ?? null, reason, closedOn, onTime, closedAt }, ...version };
    }
    default:
      return assertNever(event);
  }
});
