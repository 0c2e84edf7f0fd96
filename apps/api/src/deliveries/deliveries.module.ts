import { Module } from '@nestjs/common';
import { DeliveryController } from './delivery.controller';
import { DeliveryDeadlinesController } from './deadlines.controller';
import { DeliveryDossierHandler, DeliveryFiguresHandler, ListServiceRecordsHandler } from './delivery.handlers';
import { FollowUpController } from './follow-up.controller';
import { ServiceDeadlines } from './service-deadlines.service';

/** 服务跟踪: deliveries and their 档案, feedback, 差评 follow-ups, 回访 and 归档, and the deadlines that keep them moving. */
@Module({
  controllers: [DeliveryDeadlinesController, DeliveryController, FollowUpController],
  providers: [ListServiceRecordsHandler, DeliveryFiguresHandler, DeliveryDossierHandler, ServiceDeadlines],
})
export class DeliveriesModule {}
