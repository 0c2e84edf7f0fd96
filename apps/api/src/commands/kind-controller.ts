import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { CommandResult } from './command-executor';
import { ExecuteKindCommand, type AnyKindCommands } from './kind-command';
import type { RequestContext } from './request-context';

/** A controller of one record kind: its command routes run the kind's commands, its reads go to the query bus. */
@Injectable()
export abstract class KindController<B> {
  protected abstract readonly kindCommands: AnyKindCommands<B>;

  constructor(
    protected readonly commands: CommandBus,
    protected readonly queries: QueryBus,
  ) {}

  protected run(command: B, ctx: RequestContext): Promise<CommandResult> {
    return this.commands.execute(new ExecuteKindCommand(this.kindCommands, command, ctx));
  }
}
