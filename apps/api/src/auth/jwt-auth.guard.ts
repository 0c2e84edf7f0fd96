import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ROLES, type Actor, type Role } from '@sme/domain/shared/decider';
import { roleNotPermitted } from '@sme/domain/shared/access';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ApiError } from '../http/api-error';
import { IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';
import { TokenVerifier } from './token-verifier';

interface TokenClaims {
  sub?: unknown;
  role?: unknown;
  orgId?: unknown;
  regionCode?: unknown;
}

/** Global guard: every route needs a valid Bearer token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenVerifier,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest();
    const publicWhen = this.reflector.getAllAndOverride<((config: AppConfig) => boolean) | undefined>(IS_PUBLIC, targets);
    if (publicWhen?.(this.config)) {
      // Anonymous is fine; a valid token still says who asks (an ADMIN sees more of /health).
      if (request.headers.authorization !== undefined) request.actor = await this.authenticate(request.headers.authorization).catch(() => undefined);
      return true;
    }

    const actor = await this.authenticate(request.headers.authorization);
    request.actor = actor;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    // The same refusal, in the same words, as the access gate's own role check.
    if (roles && !roles.includes(actor.role)) throw roleNotPermitted(actor, roles);
    return true;
  }

  private async authenticate(header: unknown): Promise<Actor> {
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) {
      throw ApiError.unauthorized('TOKEN_MISSING', '缺少 Bearer 令牌', 'A Bearer token is required');
    }
    const claims: TokenClaims = await this.tokens.verify(match[1]);
    const { sub, role, orgId, regionCode } = claims;
    if (
      typeof sub !== 'string' ||
      typeof orgId !== 'string' ||
      typeof regionCode !== 'string' ||
      !ROLES.includes(role as Role)
    ) {
      throw ApiError.unauthorized(
        'TOKEN_CLAIMS_INVALID',
        '令牌须包含 sub、role、orgId、regionCode',
        'The token must carry sub, role, orgId and regionCode',
      );
    }
    return { id: sub, role: role as Role, orgId, regionCode };
  }
}
