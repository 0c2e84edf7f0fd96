import { Module } from '@nestjs/common';
import { ExpertController } from './expert.controller';
import { ListExpertsHandler } from './expert.handlers';

/** 服务专家库: registration, admission, suspension, removal and profile of experts; the registry list. */
@Module({
  controllers: [ExpertController],
  providers: [ListExpertsHandler],
})
export class ExpertsModule {}
