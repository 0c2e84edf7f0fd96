import { Injectable } from '@nestjs/common';
import { chinaDateOf, isWithinRegion, workingDaysBetween, type Steward } from '@sme/domain';
import { deliveriesConfirmableOn, openFollowUpsDueBefore } from '@sme/read-models';
import { ledgerActor } from '../reactors/reaction-context';
import { ScheduledSweep } from '../commands/scheduled-sweep';
import { deliveryCommands, followUpCommands } from './delivery.commands';

export interface DeadlinesRun {
  on: string;
  confirmed: string[];
  escalated: string[];
  failed: { id: string; code: string }[];
}

/**
 * The service deadlines, on a timer: deliveries nobody confirmed or disputed are confirmed from the day
 * their delivery fixed; follow-ups still open a working day after their due day are escalated. The read
 * models find them; each goes through the command bus as the record's steward (the role the access
 * policy lets do it), so the deciders still check the day. Each write's id follows from the record.
 */
@Injectable()
export class ServiceDeadlines extends ScheduledSweep {
  protected get intervalMs() {
    return this.config.serviceDeadlinesIntervalMs;
  }

  /** One run at business time `at` (now by default), inside `regionCode` when given. */
  async run(options: { at?: Date; regionCode?: string } = {}): Promise<DeadlinesRun> {
    const at = options.at ?? new Date();
    const on = chinaDateOf(at);
    await this.readSide.requireCurrent(['deliveries', 'followups']);
    const inScope = (regionCode: string) => options.regionCode === undefined || isWithinRegion(regionCode, options.regionCode);
    const { write, refused } = this.writerAt(at);
    const result: DeadlinesRun = { on, confirmed: [], escalated: [], failed: refused };
    // Each as the record's steward.
    const asSteward = (steward: Steward) => ledgerActor('service-deadlines', steward.role, steward.regionCode);
    for (const delivery of await deliveriesConfirmableOn(this.readSide.reader, on)) {
      if (!inScope(delivery.regionCode)) continue;
      const confirmation = { type: 'ConfirmDeliveryAutomatically', data: { deliveryId: delivery.id } } as const;
      if (await write(deliveryCommands, confirmation, asSteward(delivery.steward), { id: delivery.id, idempotencyKey: `auto-confirm:${delivery.id}` })) result.confirmed.push(delivery.id);
    }
    for (const followUp of await openFollowUpsDueBefore(this.readSide.reader, on)) {
      if (!inScope(followUp.enterprise.regionCode)) continue;
      // Overdue once a working day has passed after the due day.
      if (workingDaysBetween(this.config.workingCalendar, followUp.dueOn, on) < 1) continue;
      const escalation = { type: 'EscalateFollowUp', data: { followUpId: followUp.id } } as const;
      if (await write(followUpCommands, escalation, asSteward(followUp.steward), { id: followUp.id, idempotencyKey: `escalation:${followUp.id}` })) result.escalated.push(followUp.id);
    }
    return result;
  }
}
