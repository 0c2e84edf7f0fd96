import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { DomainCommand } from '@sme/domain/shared/decider';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RecordLoader } from '../records/record-loader';
import { ReadSide } from '../read-side/read-side.service';
import { CommandExecutor, toResponse, type CommandResult } from './command-executor';
import { ExecuteKindCommand, type CommandLookups, type CompletedCommand } from './kind-command';

@CommandHandler(ExecuteKindCommand)
export class ExecuteKindHandler implements ICommandHandler<ExecuteKindCommand> {
  private readonly lookups: CommandLookups;

  constructor(
    private readonly executor: CommandExecutor,
    records: RecordLoader,
    readSide: ReadSide,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.lookups = { records, config, readSide };
  }

  async execute({ commands, body, ctx }: ExecuteKindCommand): Promise<CommandResult> {
    const { command, legalBasis } = commands.complete ? await commands.complete(body, ctx, this.lookups) : { command: body as CompletedCommand<DomainCommand>['command'] };
    try {
      return toResponse(await this.executor.execute({ kind: commands.kind, id: commands.idOf(body), command, ctx, legalBasis }));
    } catch (error) {
      throw commands.restate ? commands.restate(error, body) : error;
    }
  }
}
