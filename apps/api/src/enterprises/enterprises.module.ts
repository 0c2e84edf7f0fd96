import { Module } from '@nestjs/common';
import { EnterpriseController } from './enterprise.controller';
import { EnterprisePortraitHandler } from './enterprise-portrait';
import { RegisterEnterpriseHandler, ListEnterprisesHandler } from './enterprise.handlers';
import { SizeStandardController } from './size-standard.controller';

/** 中小企业数据库: enterprises, their yearly figures, size class (划型) and tags; the size standards themselves. */
@Module({
  controllers: [EnterpriseController, SizeStandardController],
  providers: [RegisterEnterpriseHandler, ListEnterprisesHandler, EnterprisePortraitHandler],
})
export class EnterprisesModule {}
