import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@sme/domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Leadership } from '../infrastructure/leadership';
import { ReadSide } from '../read-side/read-side.service';
import { ExecuteKindCommand, type AnyKindCommands } from './kind-command';
import type { RequestContext } from './request-context';

/**
 * Work that follows from the passing of time (a deadline past), run on an interval: each run finds
 * what is due in the read models and writes it as commands. A run still going when the process stops
 * is awaited; an interval of 0 turns the timer off (a route may still run it on demand). Of several API
 * processes on the same stores, only the one holding the background lease runs it on its timer.
 */
@Injectable()
export abstract class ScheduledSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  @Optional() @Inject(Leadership) private readonly leadership?: Leadership;

  constructor(
    protected readonly commands: CommandBus,
    protected readonly readSide: ReadSide,
    @Inject(APP_CONFIG) protected readonly config: AppConfig,
  ) {}

  /** Milliseconds between runs, from the settings; 0, no timer. */
  protected abstract get intervalMs(): number;

  /** One run at the current time. */
  abstract run(): Promise<unknown>;

  onApplicationBootstrap(): void {
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.leadership && !this.leadership.isLeader) return;
      this.running = this.run().catch((error: unknown) => new Logger(this.constructor.name).warn(`run failed: ${String(error)}`));
    }, this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /**
   * The writes of one run at business time `at`, under one correlation id: each as `actor`, its id
   * following from its `idempotencyKey` (so a run repeated writes nothing twice). `write` answers
   * whether it was written; a refusal is kept in `refused` with the record's id, and the run goes on.
   */
  protected writerAt(at: Date) {
    const correlationId = randomUUID();
    const refused: { id: string; code: string }[] = [];
    const write = async <B>(commands: AnyKindCommands<B>, body: B, actor: Actor, record: { id: string; idempotencyKey: string }): Promise<boolean> => {
      const sent = await this.write(commands, body, { actor, occurredAt: at, correlationId, causationId: null, idempotencyKey: record.idempotencyKey });
      if (sent !== true) refused.push({ id: record.id, code: sent });
      return sent === true;
    };
    return { write, refused };
  }

  /** Writes one due command; true when written, else the refusal's code, so one refusal does not stop the run. */
  protected async write<B>(commands: AnyKindCommands<B>, body: B, ctx: RequestContext): Promise<true | string> {
    try {
      await this.commands.execute(new ExecuteKindCommand(commands, body, ctx));
      return true;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return typeof code === 'string' ? code : 'ERROR';
    }
  }
}
