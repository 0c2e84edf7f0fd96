import { Module } from '@nestjs/common';
import { CentreController } from './centre.controller';
import { ListCentresHandler } from './centre.handlers';
import { CentreSummaryHandler } from './centre-summary';

/** 服务中心: centres at province, city, county and town level, their standards and the 汇总表. */
@Module({
  controllers: [CentreController],
  providers: [ListCentresHandler, CentreSummaryHandler],
})
export class CentresModule {}
