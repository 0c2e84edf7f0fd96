import { Body, Controller, HttpCode, Post, type Type } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AttachMaterialDto } from '../applications/application.dto';
import { Roles } from '../auth/auth.decorators';
import { Ctx, type RequestContext } from '../commands/request-context';

/**
 * Baseline for `npm run bench`: the same route shape as POST /applications/:id/materials (JWT guard,
 * role check, validation of the same body, request context, interceptors) without touching any store.
 * Only mounted when BENCH_ENDPOINTS=1.
 */
@ApiExcludeController()
@Controller('bench')
export class NoopController {
  @Post('noop')
  @HttpCode(200)
  @Roles('STATION_OPERATOR')
  noop(@Body() dto: AttachMaterialDto, @Ctx() ctx: RequestContext) {
    return { ok: true, kind: dto.material.kind, correlationId: ctx.correlationId };
  }
}

/** The controllers that exist only for benchmarks: none unless BENCH_ENDPOINTS=1. */
export function benchControllers(env: NodeJS.ProcessEnv = process.env): Type[] {
  return env.BENCH_ENDPOINTS === '1' ? [NoopController] : [];
}
