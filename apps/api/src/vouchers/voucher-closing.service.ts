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
    const result = { on, closed: [] as string[], failed: [] as { id: string; code: string }[] };
    const write = this.writerAt(at);
    for (const programme of await voucherProgrammesDueForClosing(this.readSide.reader, on)) {
      const issuer = ledgerActor('voucher-closing', programme.issuer.role, programme.issuer.regionCode);
      const sent = await write(voucherCommands, { type: 'CloseVoucherProgramme', data: { programmeId: programme.id } }, issuer, `voucher-closing:${programme.id}`);
      if (sent === true) result.closed.push(programme.id);
      else result.failed.push({ id: programme.id, code: sent });
    }
    return result;
  }
}
