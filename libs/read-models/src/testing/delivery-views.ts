import { delivered, registered, steward } from '@sme/domain/delivery/delivery.fixtures';
import { deliveryKind } from '@sme/domain/delivery/delivery.kind';
import type { DeliveryFee, ServedEnterprise, ServingOrganisation, Steward } from '@sme/domain/delivery/delivery.terms';
import { opened, opening } from '@sme/domain/follow-up/follow-up.fixtures';
import { followUpKind } from '@sme/domain/follow-up/follow-up.kind';
import type { ServiceDomain } from '@sme/domain/shared/service-domains';
import type { RecordedEvent } from '@sme/event-store';
import { projectDelivery, type DeliveryView } from '../delivery.projection';
import { foldView } from '../fold-view';
import { projectFollowUp, type FollowUpView } from '../follow-up.projection';
import { handMadeEvents } from './hand-made-events';

/** What a delivery in a list or figures spec differs in from the fixture delivery. */
export interface DeliveryStory {
  server?: ServingOrganisation;
  enterprise?: ServedEnterprise;
  steward?: Steward;
  domain?: ServiceDomain;
  fee?: DeliveryFee;
  /** Where it was delivered (the fixture's Tianhe otherwise). */
  regionCode?: string;
  title?: string;
  registeredAt?: string;
  /** Delivered on this day; not delivered when absent. */
  deliveredOn?: string;
  confirmableAutomaticallyFrom?: string;
  returnVisitSampled?: boolean;
  /** The first rating, then the amendment if a second is given. */
  ratings?: number[];
  visited?: boolean;
  cancelled?: boolean;
  archived?: boolean;
}

const event = handMadeEvents(steward, '2026-03-01T02:00:00.000Z');

/** Those of `keys` the story gives a value for, with their values: what it changes in a fixture event's data. */
function givenIn<S extends object>(story: S, keys: (keyof S)[]): Partial<S> {
  return Object.fromEntries(keys.filter((key) => story[key]).map((key) => [key, story[key]])) as Partial<S>;
}

/** A delivery's view, folded from the fixture delivery's events with the story's differences. */
export function deliveryView(deliveryId: string, story: DeliveryStory = {}): DeliveryView {
  const stream = deliveryKind.streamId(deliveryId);
  const registeredAt = story.registeredAt ?? '2026-03-02T01:00:00.000Z';
  const events: RecordedEvent[] = [
    event(
      stream,
      'DeliveryRegistered',
      {
        ...registered.data,
        deliveryId,
        ...givenIn(story, ['server', 'enterprise', 'steward', 'domain', 'fee', 'regionCode', 'title']),
        registeredAt,
      },
      registeredAt,
    ),
  ];
  // Each event at the business time its data carries.
  const add = (type: string, data: Record<string, unknown>) =>
    events.push(event(stream, type, { deliveryId, ...data }, Object.entries(data).find(([key]) => key.endsWith('At') && key !== 'registeredAt')?.[1] as string));
  if (story.cancelled) add('DeliveryCancelled', { reason: '企业另行委托', cancelledAt: registeredAt });
  if (story.deliveredOn) {
    add('DeliveryDelivered', {
      ...delivered.data,
      deliveryId,
      deliveredOn: story.deliveredOn,
      confirmableAutomaticallyFrom: story.confirmableAutomaticallyFrom ?? story.deliveredOn,
      returnVisitSampled: story.returnVisitSampled ?? false,
      deliveredAt: `${story.deliveredOn}T08:00:00.000Z`,
    });
  }
  const [first, amended] = story.ratings ?? [];
  if (first !== undefined) add('DeliveryRated', { feedback: { rating: first, comment: '评价' }, ratedAt: '2026-03-31T02:00:00.000Z' });
  if (amended !== undefined) add('DeliveryRatingAmended', { feedback: { rating: amended, comment: '修改评价' }, amendedAt: '2026-04-01T02:00:00.000Z' });
  if (story.visited) {
    add('DeliveryReturnVisitRecorded', { channel: 'PHONE', visitedOn: '2026-04-02', visitor: '王科长', findings: '满意', satisfaction: 4, recordedAt: '2026-04-02T02:00:00.000Z' });
  }
  if (story.archived) add('DeliveryArchived', { archivedAt: '2026-05-01T02:00:00.000Z' });
  return foldView(projectDelivery, events)!;
}

/** What a follow-up in a list or figures spec differs in from the fixture follow-up. */
export interface FollowUpStory {
  deliveryId: string;
  cause?: FollowUpView['cause'];
  server?: ServingOrganisation;
  enterprise?: ServedEnterprise;
  steward?: Steward;
  openedOn?: string;
  dueOn?: string;
  escalated?: boolean;
  /** Closed on this day, on time when not after dueOn. */
  closedOn?: string;
}

/** A follow-up's view, folded from the fixture follow-up's events with the story's differences. */
export function followUpView(followUpId: string, story: FollowUpStory): FollowUpView {
  const stream = followUpKind.streamId(followUpId);
  const openedOn = story.openedOn ?? '2026-09-28';
  const dueOn = story.dueOn ?? '2026-10-10';
  const openedAt = `${openedOn}T02:00:00.000Z`;
  const events: RecordedEvent[] = [
    event(
      stream,
      'FollowUpOpened',
      {
        ...opened.data,
        followUpId,
        deliveryId: story.deliveryId,
        ...givenIn(story, ['cause', 'server', 'enterprise', 'steward']),
        openedOn,
        dueOn,
        openedAt,
      },
      openedAt,
    ),
  ];
  if (story.escalated) {
    const escalatedAt = `${dueOn}T20:00:00.000Z`;
    events.push(event(stream, 'FollowUpEscalated', { followUpId, to: opening.escalateTo, dueOn, overdueWorkingDays: 1, escalatedAt }, escalatedAt));
  }
  if (story.closedOn) {
    const closedAt = `${story.closedOn}T08:00:00.000Z`;
    events.push(event(stream, 'FollowUpClosed', { followUpId, by: 'STEWARD', reason: '已整改', closedOn: story.closedOn, onTime: story.closedOn <= dueOn, closedAt }, closedAt));
  }
  return foldView(projectFollowUp, events)!;
}
