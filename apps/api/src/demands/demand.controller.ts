import { Body, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation } from '@nestjs/swagger';
import { demandKind, type Actor } from '@sme/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { commandRoutes, KindController } from '../commands/kind-controller';
import { ReadRoute, TokenController } from '../commands/routes';
import { IdPipe } from '../records/id.pipe';
import { newRecordId } from '../records/new-record-id';
import { DemandEscalation } from './demand-escalation.service';
import { AcceptDemandDto, CloseDemandDto, ListDemandsQueryDto, MatchDemandDto, RaiseDemandDto, ResolveDemandDto, RunEscalationsDto } from './demand.dto';
import { ListDemandsQuery, type DemandCommandBody } from './demand.messages';
import { demandCommands } from './demand.commands';
import { AsOfDto } from '../records/as-of.dto';
import { recordQuery } from '../records/record-query';
import { demandReading } from './demand.reading';

@TokenController('demands (服务需求库)', 'demands')
export class DemandController extends KindController<DemandCommandBody> {
  protected readonly kindCommands = demandCommands;

  constructor(
    commands: CommandBus,
    queries: QueryBus,
    private readonly escalation: DemandEscalation,
  ) {
    super(commands, queries);
  }

  @Post('escalations/run')
  @HttpCode(200)
  @Roles('DISTRICT_AUTHORITY', 'CITY_AUTHORITY', 'HUB', 'ADMIN')
  @ApiOperation({
    summary: '反映诉求 now: escalate every demand of the caller’s region left unaccepted for more than DEMAND_ESCALATION_DAYS (or `days`); the scheduler does the same on its interval',
  })
  runEscalations(@Body() dto: RunEscalationsDto, @CurrentActor() actor: Actor) {
    return this.escalation.run({ ...(actor.role === 'ADMIN' ? {} : { regionCode: actor.regionCode }), ...(dto.days === undefined ? {} : { days: dto.days }) });
  }

  @ReadRoute({ path: ':id', summary: 'One demand, folded from its events' })
  get(@Param('id', IdPipe) id: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(recordQuery(demandReading, id, actor, query));
  }

  @ReadRoute({
    summary: 'Demands by status, category, urgency, region, station, enterprise, escalated and text (sort: raisedAt, updatedAt, urgency; cursor paging)',
  })
  list(@Query() query: ListDemandsQueryDto, @CurrentActor() actor: Actor) {
    return this.readList(ListDemandsQuery, query, actor);
  }
}

commandRoutes(DemandController, demandKind, (on) => ({
  accept: on('AcceptDemand', { path: ':id/acceptance', summary: '受理 by a station operator (its station) or the hub (assigning a station), inside the enterprise’s region', body: AcceptDemandDto, data: ({ id }, dto) => ({ demandId: id, stationId: dto.stationId }) }),
  match: on('MatchDemand', { path: ':id/match', summary: '服务对接: a provider (and product) for the accepted demand; a later match replaces it', body: MatchDemandDto, data: ({ id }, dto) => ({ demandId: id, providerId: dto.providerId, ...(dto.productId === undefined ? {} : { productId: dto.productId }) }) }),
  close: on('CloseDemand', { path: ':id/closure', summary: 'Close: WITHDRAWN (the enterprise or the station side) or UNRESOLVABLE (station side only)', body: CloseDemandDto, data: ({ id }, dto) => ({ demandId: id, reason: dto.closeReason, note: dto.note }) }),
  raise: on('RaiseDemand', {
    summary: 'Raise a demand: the enterprise itself, or a station operator of its district on its behalf (naming the station)',
    status: 201,
    body: RaiseDemandDto,
    data: (_, { enterpriseId, category, description, urgency, stationId }, ctx) => ({ demandId: newRecordId(ctx, 'demand'), enterpriseId, category, description, urgency, ...(stationId === undefined ? {} : { stationId }) }),
  }),
  resolve: on('ResolveDemand', {
    path: ':id/resolution',
    summary: 'Resolved, with the 客户回访 rating (1–5); 1–2 opens a follow-up in the same write',
    body: ResolveDemandDto,
    data: ({ id }, dto) => ({ demandId: id, outcome: dto.outcome, ...(dto.satisfaction === undefined ? {} : { satisfaction: dto.satisfaction }) }),
  }),
}));
