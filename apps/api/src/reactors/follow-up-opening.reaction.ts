import {
  activityKind,
  addWorkingDays,
  chinaDateOf,
  cityCodeOf,
  deliveryKind,
  followUpKind,
  isCountyCode,
  isPoorRating,
  type ActivityEvents,
  type DeliveryEvents,
  type FollowUpCause,
} from '@sme/domain';
import type { EventStore, Reaction, RecordedEvent } from '@sme/event-store';
import type { AppConfig } from '../config/app-config';
import type { CommandExecutor } from '../commands/command-executor';
import { followUpIdFor } from '../deliveries/delivery.commands';
import type { RecordLoader } from '../records/record-loader';
import { ledgerActor, reactionContext } from './reaction-context';

/** What a delivery event says about a follow-up: whether it calls for one, why, and in whose words. */
function causeOf(event: RecordedEvent): { cause: FollowUpCause; detail: string; rating?: number } | undefined {
  switch (event.type) {
    case 'DeliveryRated':
    case 'DeliveryRatingAmended': {
      const { feedback } = event.data as DeliveryEvents['DeliveryRated']['data'];
      return isPoorRating(feedback.rating) ? { cause: 'POOR_RATING', detail: feedback.comment, rating: feedback.rating } : undefined;
    }
    case 'DeliveryDisputed':
      return { cause: 'DISPUTE', detail: (event.data as DeliveryEvents['DeliveryDisputed']['data']).reason };
    case 'DeliveryComplaintLodged':
      return { cause: 'COMPLAINT', detail: (event.data as DeliveryEvents['DeliveryComplaintLodged']['data']).complaint };
    default:
      return undefined;
  }
}

/** A 差评 an enterprise present gave an activity (its rating or amendment of 1–2), with who gave it. */
function activityCauseOf(event: RecordedEvent): { detail: string; rating: number; enterpriseId: string } | undefined {
  if (event.type !== 'ActivityRated' && event.type !== 'ActivityRatingAmended') return undefined;
  const { feedback, enterpriseId } = event.data as ActivityEvents['ActivityRated']['data'];
  return isPoorRating(feedback.rating) ? { detail: feedback.comment, rating: feedback.rating, enterpriseId } : undefined;
}

type Subject =
  | { kind: 'delivery'; id: string; cause: NonNullable<ReturnType<typeof causeOf>> }
  | { kind: 'activity'; id: string; cause: NonNullable<ReturnType<typeof activityCauseOf>> };

function subjectOf(event: RecordedEvent): Subject | undefined {
  const deliveryId = deliveryKind.idOf(event.streamId);
  const deliveryCause = deliveryId === undefined ? undefined : causeOf(event);
  if (deliveryId !== undefined && deliveryCause !== undefined) return { kind: 'delivery', id: deliveryId, cause: deliveryCause };
  const activityId = activityKind.idOf(event.streamId);
  const activityCause = activityId === undefined ? undefined : activityCauseOf(event);
  if (activityId !== undefined && activityCause !== undefined) return { kind: 'activity', id: activityId, cause: activityCause };
  return undefined;
}

/**
 * 差评, 异议 or 投诉 → 差评跟进. When a delivery event calls for a follow-up, or an enterprise present
 * rates an activity 1–2, one is opened for the steward, due FOLLOW_UP_WORKING_DAYS working days after
 * the day of the event, to be escalated to the enterprise's district (or city) authority when overdue.
 * The follow-up's id follows from the delivery or activity and the event's revision, so seeing the
 * event again opens nothing twice.
 */
export class FollowUpOpeningReaction implements Reaction {
  readonly name = 'follow-up-opening';

  constructor(
    private readonly store: EventStore,
    private readonly executor: Pick<CommandExecutor, 'execute'>,
    private readonly records: RecordLoader,
    private readonly config: Pick<AppConfig, 'workingCalendar' | 'followUpWorkingDays'>,
  ) {}

  reactsTo(event: RecordedEvent): boolean {
    return subjectOf(event) !== undefined;
  }

  async react(event: RecordedEvent): Promise<void> {
    const subject = subjectOf(event)!;
    const causeRevision = Number(event.revision);
    const followUpId = followUpIdFor(subject.id, causeRevision);
    const existing = await this.store.readStream(followUpKind.streamId(followUpId), { maxCount: 1 });
    if (existing.length > 0) return;
    const parties = await this.partiesOf(subject);
    if (parties === undefined) return;
    const { server, enterprise, steward } = parties;
    const openedOn = chinaDateOf(event.metadata.occurredAt);
    const workingDays = this.config.followUpWorkingDays;
    const opening = {
      followUpId,
      causeRevision,
      server,
      enterprise,
      steward,
      escalateTo: isCountyCode(enterprise.regionCode)
        ? { role: 'DISTRICT_AUTHORITY' as const, regionCode: enterprise.regionCode }
        : { role: 'CITY_AUTHORITY' as const, regionCode: cityCodeOf(enterprise.regionCode) },
      openedOn,
      workingDays,
      dueOn: addWorkingDays(this.config.workingCalendar, openedOn, workingDays),
    };
    const command =
      subject.kind === 'delivery'
        ? { type: 'OpenFollowUp' as const, data: { ...opening, deliveryId: subject.id, ...subject.cause } }
        : { type: 'OpenFollowUpOnActivity' as const, data: { ...opening, activityId: subject.id, cause: 'POOR_RATING' as const, detail: subject.cause.detail, rating: subject.cause.rating } };
    const ctx = reactionContext(this.name, event, ledgerActor(`reaction:${this.name}`, steward.role, steward.regionCode));
    await this.executor.execute({ kind: followUpKind, id: followUpId, command, ctx });
  }

  /** Who serves, who was served, who oversees: from the delivery, or from the activity and the enterprise present that rated it. */
  private async partiesOf(subject: Subject) {
    if (subject.kind === 'delivery') {
      const delivery = await this.records.state(deliveryKind, subject.id);
      return delivery.status === 'NONE' ? undefined : { server: delivery.server, enterprise: delivery.enterprise, steward: delivery.steward };
    }
    const activity = await this.records.state(activityKind, subject.id);
    if (activity.status === 'NONE') return undefined;
    const enterprise = activity.held?.enterprisesPresent.find((e) => e.enterpriseId === subject.cause.enterpriseId);
    return enterprise === undefined ? undefined : { server: activity.organiser, enterprise, steward: activity.steward };
  }
}
