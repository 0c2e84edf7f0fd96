import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { rolesAllowed } from '@sme/domain/shared/access';
import type { Actor, DomainCommand, Role } from '@sme/domain/shared/decider';
import type { RecordKind } from '@sme/domain/shared/record-kind';
import type { AppConfig } from '../config/app-config';

export const IS_PUBLIC = 'auth:public';
export const REQUIRED_ROLES = 'auth:roles';
export const COMMAND_ROUTE = 'auth:command';

/**
 * The route needs no token — always, or when the configuration says so (e.g. /metrics outside
 * production); otherwise it is an ordinary route with its roles. A token sent to a public route is
 * still read, so the route can show more to an ADMIN.
 */
export const Public = (when: (config: AppConfig) => boolean = () => true) => SetMetadata(IS_PUBLIC, when);

/** Only these roles may call the route (checked before any work is done). */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The authenticated actor, set by the JWT guard. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest().actor;
});

/** What a command route runs: read by the route-access tests to try every command with the wrong actors. */
export interface CommandRouteMetadata {
  kind: string;
  command: string;
}

/**
 * The route runs one command of a record kind. The roles it lets through come from the kind's access
 * policy (declared once, in the domain); region and ownership are checked by the same policy once the
 * record is read, before anything else.
 */
export const CommandRoute = <C extends DomainCommand>(kind: Pick<RecordKind<C, never, never>, 'name' | 'access'>, command: C['type']) =>
  applyDecorators(
    SetMetadata(REQUIRED_ROLES, rolesAllowed(kind.access, command)),
    SetMetadata(COMMAND_ROUTE, { kind: kind.name, command } satisfies CommandRouteMetadata),
  );
