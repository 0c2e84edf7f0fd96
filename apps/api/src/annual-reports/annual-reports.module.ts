import { Module } from '@nestjs/common';
import { AnnualReportController } from './annual-report.controller';
import { ListAnnualReportsHandler, MissingReportsHandler } from './annual-report.handlers';

/** 年度服务总结: each organisation's year and plan, their review, the city's consolidated report, and who is late or missing. */
@Module({
  controllers: [AnnualReportController],
  providers: [ListAnnualReportsHandler, MissingReportsHandler],
})
export class AnnualReportsModule {}
