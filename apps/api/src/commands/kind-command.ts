import { Command } from '@nestjs/cqrs';
import type { DomainCommand } from '@sme/domain/shared/decider';
import type { RecordKind } from '@sme/domain/shared/record-kind';
import type { AppConfig } from '../config/app-config';
import type { RecordLoader } from '../records/record-loader';
import type { ReadSide } from '../read-side/read-side.service';
import type { CommandBody } from './command-body';
import type { CommandResult } from './command-executor';
import type { RequestContext } from './request-context';

/** A command ready for its kind's decider, with the legal basis of the events it writes. */
export interface CompletedCommand<C extends DomainCommand> {
  command: CommandBody<C>;
  legalBasis?: string;
}

/** What completing a command may read: other records, the settings, and figures the read side keeps (kept current first). */
export interface CommandLookups {
  records: RecordLoader;
  config: AppConfig;
  readSide: ReadSide;
}

/**
 * How the commands of one record kind run. The request gives a body; `complete` adds what the command
 * needs from other records (the call of an application, the provider of a product, …) and names the
 * legal basis. Without it the body runs as given.
 */
export interface KindCommands<C extends DomainCommand, B = CommandBody<C>> {
  // The state type is the kind's own; the executor does not look at it.
  kind: RecordKind<C, any, any>;
  /** The record the command is about. */
  idOf(body: B): string;
  complete?(body: B, ctx: RequestContext, lookups: CommandLookups): Promise<CompletedCommand<C>>;
  /** A refusal restated in the request's terms (where the request nests what the command carries flat). */
  restate?(error: unknown, body: B): unknown;
}

/** The commands of any kind whose request bodies are `B` (the kind's own command type does not matter here). */
// `any`: access policies are invariant in the command type, so no one kind type covers them all.
export type AnyKindCommands<B> = KindCommands<any, B>;

/** Runs one command of a record kind: `new ExecuteKindCommand(productCommands, body, ctx)`. */
export class ExecuteKindCommand<B = unknown> extends Command<CommandResult> {
  constructor(
    readonly commands: AnyKindCommands<B>,
    readonly body: NoInfer<B>,
    readonly ctx: RequestContext,
  ) {
    super();
  }
}
