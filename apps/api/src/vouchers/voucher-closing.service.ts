import { Injectable } from '@nestjs/common';
import { chinaDateOf } from '@sme/domain';
import { voucherProgrammesDueForClosing } from '@sme/read-models';
import { ScheduledSweep } from '../commands/scheduled-sweep';
import { ledgerActor } from '../reactors/reaction-context';
import { voucherCommands } from './voucher.commands';

/**
 * 结算关闭, on the service deadlines' timer: every open programme whose settlement date has passed is
 * closed as its issuer — unused quotas and unclaimed reservations lapse back to its budget. The
 * decider checks the day again; each close's id follows from the programme, so a run repeated writes
 * nothing twice.
 */
@Injectable()
export class VoucherClosing extends ScheduledSweep {
  protected get intervalMs() {
    return this.config.serviceDeadlinesIntervalMs;
  }

  async run(options: { at?: Date } = {}): Promise<{ on: string; closed: string[]; failed: { id: string; code: string }[] }> {
    const at = options.at ?? new Date();
    const on = chinaDateOf(at);
    await this.readSide.requireCurrent(['vouchers']);
    const { write, refused } = this.writerAt(at);
    const closed: string[] = [];
    for (const programme of await voucherProgrammesDueForClosing(this.readSide.reader, on)) {
      const issuer = ledgerActor('voucher-closing', programme.issuer.role, programme.issuer.regionCode);
      const closing = { type: 'CloseVoucherProgramme', data: { programmeId: programme.id } } as const;
      if (await write(voucherCommands, closing, issuer, { id: programme.id, idempotencyKey: `voucher-closing:${programme.id}` })) closed.push(programme.id);
    }
    return { on, closed, failed: refused };
  }
}
