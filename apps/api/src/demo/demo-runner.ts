import { randomUUID } from 'node:crypto';
import type { CommandBus } from '@nestjs/cqrs';
import type { Actor } from '@sme/domain';
import type { CommandResult } from '../commands/command-executor';
import { ExecuteKindCommand, type AnyKindCommands } from '../commands/kind-command';
import type { RequestContext } from '../commands/request-context';

/** The demo's acts, sent through the command bus as their actors at their business times, in one correlation. */
export function demoRunner(bus: CommandBus) {
  const correlationId = randomUUID();
  const ctx = (actor: Actor, at: string, reason?: string): RequestContext => ({
    actor,
    occurredAt: new Date(at),
    correlationId,
    causationId: null,
    ...(reason ? { reason } : {}),
  });
  const runs =
    <B>(commands: AnyKindCommands<B>) =>
    (body: B, actor: Actor, at: string): Promise<CommandResult> =>
      bus.execute(new ExecuteKindCommand(commands, body, ctx(actor, at)));
  return { ctx, runs };
}
