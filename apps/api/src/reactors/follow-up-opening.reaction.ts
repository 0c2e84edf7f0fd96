import {
  addWorkingDays,
  chinaDateOf,
  cityCodeOf,
  deliveryKind,
  followUpKind,
  isCountyCode,
  isPoorRating,
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

/**
 * 差评, 异议 or 投诉 → 差评跟进. When a delivery event calls for a follow-up, one is opened for the
 * delivery's steward, due FOLLOW_UP_WORKING_DAYS working days after the day of the event, to be
 * escalated to the enterprise's district (or city) authority when overdue. The follow-up's id follows
 * from the delivery and the event's revision, so seeing the event again opens nothing twice.
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
    return deliveryKind.idOf(event.streamId) !== undefined && causeOf(event) !== undefined;
  }

  async react(event: RecordedEvent): Promise<void> {
    const cause = causeOf(event)!;
    const deliveryId = deliveryKind.idOf(event.streamId)!;
    const causeRevision = Number(event.revision);
    const followUpId = followUpIdFor(deliveryId, causeRevision);
    const existing = await this.store.readStream(followUpKind.streamId(followUpId), { maxCount: 1 });
    if (existing.length > 0) return;
    const delivery = await this.records.state(deliveryKind, deliveryId);
    if (delivery.status === 'NONE') return;
    const { server, enterprise, steward } = delivery;
    const openedOn = chinaDateOf(event.metadata.occurredAt);
    const workingDays = this.config.followUpWorkingDays;
    const escalateTo = isCountyCode(enterprise.regionCode)
      ? { role: 'DISTRICT_AUTHORITY' as const, regionCode: enterprise.regionCode }
      : { role: 'CITY_AUTHORITY' as const, regionCode: cityCodeOf(enterprise.regionCode) };
    const ctx = reactionContext(this.name, event, ledgerActor(`reaction:${this.name}`, steward.role, steward.regionCode));
    await this.executor.execute({
      kind: followUpKind,
      id: followUpId,
      command: {
        type: 'OpenFollowUp',
        data: {
          followUpId,
          deliveryId,
          causeRevision,
          ...cause,
          server,
          enterprise,
          steward,
          escalateTo,
          openedOn,
          workingDays,
          dueOn: addWorkingDays(this.config.workingCalendar, openedOn, workingDays),
        },
      },
      ctx,
    });
  }
}
