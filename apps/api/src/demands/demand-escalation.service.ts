import { Injectable } from '@nestjs/common';
import { cityCodeOf, isWithinRegion, type Actor } from '@sme/domain';
import { unacceptedDemandsRaisedBefore } from '@sme/read-models';
import { ScheduledSweep } from '../commands/scheduled-sweep';
import { demandCommands } from './demand.commands';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface EscalationRun {
  escalateAfterDays: number;
  escalated: string[];
  failed: { demandId: string; code: string }[];
}

/**
 * 反映诉求: demands nobody accepted for more than DEMAND_ESCALATION_DAYS whole days are escalated to
 * their district's authority. The projection finds them; each goes through the command bus as
 * EscalateDemand, sent as the HUB of the demand's city (the role the domain lets escalate; there is no
 * system role), so the decider still checks the wait and that nobody accepted meanwhile.
 */
@Injectable()
export class DemandEscalation extends ScheduledSweep {
  protected get intervalMs() {
    return this.config.demandEscalationIntervalMs;
  }

  /** One run: every overdue demand (inside `regionCode` when given), oldest first. */
  async run(options: { regionCode?: string; days?: number; now?: Date } = {}): Promise<EscalationRun> {
    const escalateAfterDays = options.days ?? this.config.demandEscalationDays;
    const now = options.now ?? new Date();
    await this.readSide.requireCurrent(['demands']);
    const overdue = await unacceptedDemandsRaisedBefore(this.readSide.reader, new Date(now.getTime() - escalateAfterDays * DAY_MS), options.regionCode);
    const { write, refused } = this.writerAt(now);
    const escalated: string[] = [];
    for (const demand of overdue) {
      if (options.regionCode && !isWithinRegion(demand.regionCode, options.regionCode)) continue;
      const actor: Actor = { id: 'demand-escalation', role: 'HUB', orgId: 'DEMAND-ESCALATION', regionCode: cityCodeOf(demand.regionCode) };
      // A demand is escalated once: its escalation's event id follows from the demand, whichever process writes it.
      const escalation = { type: 'EscalateDemand', data: { demandId: demand.id, escalateAfterDays } } as const;
      if (await write(demandCommands, escalation, actor, { id: demand.id, idempotencyKey: `escalation:${demand.id}` })) escalated.push(demand.id);
    }
    return { escalateAfterDays, escalated, failed: refused.map(({ id, code }) => ({ demandId: id, code })) };
  }
}
