import { Module } from '@nestjs/common';
import { TargetsController } from './targets.controller';
import { ListTargetsHandler, TargetsComparisonHandler, TargetsProgressHandler } from './targets.handlers';

/** 目标与进度: the documents' targets and each region's progress against them. */
@Module({
  controllers: [TargetsController],
  providers: [ListTargetsHandler, TargetsProgressHandler, TargetsComparisonHandler],
})
export class TargetsModule {}
