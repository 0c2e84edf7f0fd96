import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@sme/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiError } from '../http/api-error';
import { RunDeadlinesDto } from './delivery.dto';
import { ServiceDeadlines } from './service-deadlines.service';

@ApiTags('deliveries (服务项目跟踪)')
@ApiBearerAuth()
@Controller('deliveries/deadlines')
export class DeliveryDeadlinesController {
  constructor(private readonly deadlines: ServiceDeadlines) {}

  @Post('run')
  @HttpCode(200)
  @Roles('HUB', 'CITY_AUTHORITY', 'ADMIN')
  @ApiOperation({
    summary: 'Run the service deadlines now in the caller’s region: automatic confirmation (DELIVERY_AUTO_CONFIRM_DAYS) and escalation of overdue follow-ups (FOLLOW_UP_WORKING_DAYS, working-day calendar); the scheduler does the same on its interval',
  })
  run(@Body() dto: RunDeadlinesDto, @CurrentActor() actor: Actor) {
    if (dto.at !== undefined && actor.role !== 'ADMIN') {
      throw ApiError.forbidden('AT_ADMIN_ONLY', '仅管理员可指定运行的业务时间', 'Only an ADMIN may name the business time of a run');
    }
    if (dto.at !== undefined && Date.parse(dto.at) > Date.now()) {
      throw ApiError.badRequest('AT_IN_FUTURE', '运行时间不能晚于现在', 'The run’s business time cannot be in the future', [
        { field: 'at', rule: 'notFuture', message: { zh: '不能晚于现在', en: 'must not be in the future' } },
      ]);
    }
    return this.deadlines.run({ ...(dto.at === undefined ? {} : { at: new Date(dto.at) }), ...(actor.role === 'ADMIN' ? {} : { regionCode: actor.regionCode }) });
  }
}
