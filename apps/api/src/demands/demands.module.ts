import { Module } from '@nestjs/common';
import { DemandEscalation } from './demand-escalation.service';
import { DemandController } from './demand.controller';
import { GetDemandHandler, ListDemandsHandler } from './demand.handlers';

/** 服务需求库: demands raised, accepted, matched, resolved or closed, and escalated when left unaccepted. */
@Module({
  controllers: [DemandController],
  providers: [GetDemandHandler, ListDemandsHandler, DemandEscalation],
})
export class DemandsModule {}
