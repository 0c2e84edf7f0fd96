import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { Actor } from '@sme/domain';
import type { AppConfig } from '../config/app-config';
import { principalOf } from './idempotency.interceptor';
import { SlidingWindowRateLimitStorage } from './rate-limit-storage';

const MINUTE = 60_000;
const isDevToken = (context: ExecutionContext) => context.switchToHttp().getRequest<{ path?: string }>().path === '/auth/dev-token';

/**
 * Requests per minute per caller: RATE_LIMIT_PER_MINUTE for every route, DEV_TOKEN_RATE_PER_MINUTE (far
 * fewer) for /auth/dev-token. Beyond it, 429 with Retry-After and the one error body. Counted in this
 * process's memory (`SlidingWindowRateLimitStorage`).
 */
export const rateLimits = (config: AppConfig) =>
  ThrottlerModule.forRoot({
    throttlers: [{ name: 'default', ttl: MINUTE, limit: (context: ExecutionContext) => (isDevToken(context) ? config.devTokenRatePerMinute : config.rateLimitPerMinute) }],
    storage: new SlidingWindowRateLimitStorage(),
  });

/**
 * Counts per principal once the token is known (it runs after the token guard), else per IP: a public
 * route, or a request refused for its token before it got here.
 */
@Injectable()
export class PrincipalThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const actor = request.actor as Actor | undefined;
    return actor ? `principal:${principalOf(actor)}` : `ip:${String(request.ip)}`;
  }
}
