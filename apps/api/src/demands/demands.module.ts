import { Module } from '@nestjs/common';
import { DemandEscalation } from './demand-escalation.service';
import { DemandController } from './demand.controller';
import { ListDemandsHandler } from './demand.handlers';

/** 服务需求库: demands raised, accepted, matched, resolved or closed, and escalated when left unaccepted. */
@Module({
  controllers: [DemandController],
  providers: [ListDemandsHandler, DemandEscalation],
})
export class DemandsModule {}
