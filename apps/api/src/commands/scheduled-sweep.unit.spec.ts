import type { CommandBus } from '@nestjs/cqrs';
import type { Actor } from '@sme/domain';
import type { AppConfig } from '../config/app-config';
import type { ReadSide } from '../read-side/read-side.service';
import { ExecuteKindCommand, type AnyKindCommands } from './kind-command';
import { ScheduledSweep } from './scheduled-sweep';

const actor: Actor = { id: 'sweep', role: 'HUB', orgId: 'HUB-440100', regionCode: '440100' };
const commands = {} as AnyKindCommands<{ recordId: string }>;

/** A sweep over the record ids it is given, writing one command each through `execute`. */
class OverRecords extends ScheduledSweep {
  protected get intervalMs() {
    return 0;
  }

  async run(ids: string[] = []) {
    const at = new Date('2026-12-06T02:00:00Z');
    const { write, refused } = this.writerAt(at);
    const written: string[] = [];
    for (const id of ids) if (await write(commands, { recordId: id }, actor, { id, idempotencyKey: `sweep:${id}` })) written.push(id);
    return { written, refused };
  }
}

describe('ScheduledSweep', () => {
  it('goes on past a refusal and reports it with the record and its code, each write under the run’s business time and its key', async () => {
    const sent: ExecuteKindCommand<unknown>[] = [];
    const bus = {
      execute: async (command: ExecuteKindCommand<unknown>) => {
        sent.push(command);
        if ((command.body as { recordId: string }).recordId === 'b') throw Object.assign(new Error('refused'), { code: 'FOLLOW_UP_NOT_DUE' });
        if ((command.body as { recordId: string }).recordId === 'c') throw new Error('no code');
      },
    } as unknown as CommandBus;
    const sweep = new OverRecords(bus, {} as ReadSide, {} as AppConfig);

    const { written, refused } = await sweep.run(['a', 'b', 'c', 'd']);

    expect(written).toEqual(['a', 'd']);
    expect(refused).toEqual([
      { id: 'b', code: 'FOLLOW_UP_NOT_DUE' },
      { id: 'c', code: 'ERROR' },
    ]);
    expect(sent.map((c) => c.ctx.idempotencyKey)).toEqual(['sweep:a', 'sweep:b', 'sweep:c', 'sweep:d']);
    expect(new Set(sent.map((c) => c.ctx.correlationId)).size).toBe(1);
    expect(sent.every((c) => c.ctx.occurredAt.toISOString() === '2026-12-06T02:00:00.000Z' && c.ctx.actor === actor)).toBe(true);
  });
});
