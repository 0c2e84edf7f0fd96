import { Module } from '@nestjs/common';
import { ProviderController } from './provider.controller';
import { ListProvidersHandler, ProviderMovementsHandler } from './provider.handlers';

/** 优质服务机构库: entry, monitoring, warnings, 出库 and re-entry, 入驻 at stations; the 库 and its movements. */
@Module({
  controllers: [ProviderController],
  providers: [ListProvidersHandler, ProviderMovementsHandler],
})
export class ProvidersModule {}
