import { Param, Query } from '@nestjs/common';
import { providerKind, type Actor } from '@sme/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { commandRoutes, KindController } from '../commands/kind-controller';
import { tiesOf } from '../http/ties.dto';
import { IdPipe } from '../records/id.pipe';
import { newRecordId } from '../records/new-record-id';
import { PROVIDER_READERS, providerIdFor } from './provider-access';
import {
  ApplyForEntryDto,
  DecideEntryDto,
  LeaveStationDto,
  LiftWarningDto,
  ListProvidersQueryDto,
  MonitoringEvaluationDto,
  ProviderMovementsQueryDto,
  RemoveFromPoolDto,
  SettleAtStationDto,
  WithdrawFromPoolDto,
} from './provider.dto';
import { inPoolInstant } from './provider.handlers';
import { ListProvidersQuery, ProviderMovementsQuery, type ProviderCommandBody } from './provider.messages';
import { providerCommands } from './provider.commands';
import { AsOfDto } from '../records/as-of.dto';
import { recordQuery } from '../records/record-query';
import { providerReading } from './provider.reading';
import { given } from '../commands/given';
import { ReadRoute, TokenController } from '../commands/routes';
import { pageOf } from '../read-side/list-query';

@TokenController('providers (优质服务机构库)', 'providers')
export class ProviderController extends KindController<ProviderCommandBody> {
  protected readonly kindCommands = providerCommands;

  @ReadRoute({
    path: 'movements',
    summary: '有进有出: every 入库 and 出库 between two business dates, dated, with opinions and grounds, and the counts',
    roles: PROVIDER_READERS,
  })
  movements(@Query() query: ProviderMovementsQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new ProviderMovementsQuery(given({ cityCode: query.cityCode }), query.from, query.to, actor));
  }

  @ReadRoute({
    path: ':id',
    summary: 'One provider, folded from its events: entry rounds, pool periods, evaluations, warnings, stations',
    roles: PROVIDER_READERS,
  })
  get(@Param('id', IdPipe) id: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(recordQuery(providerReading, id, actor, query));
  }

  @ReadRoute({
    summary: 'The 库 by status, service domain, region, name; ?inPoolOn=YYYY-MM-DD gives those in it on that day (sort: appliedAt, name, updatedAt; cursor paging; total)',
    roles: PROVIDER_READERS,
  })
  list(@Query() query: ListProvidersQueryDto, @CurrentActor() actor: Actor) {
    const { filter: { inPoolOn, ...filter }, sort, page, when } = pageOf(query);
    const inPoolAt = inPoolOn ? inPoolInstant(inPoolOn) : undefined;
    return this.queries.execute(new ListProvidersQuery(given({ ...filter, inPoolAt }), sort, page, actor, when));
  }
}

commandRoutes(ProviderController, providerKind, (on) => ({
  decide: on('DecideEntry', { path: ':id/entry-decision', summary: '入库审定: admit, or refuse with reasons (the provider’s city only)', body: DecideEntryDto, data: ({ id }, dto) => (given({ providerId: id, admitted: dto.admitted, reasons: dto.reasons, opinion: dto.opinion })) }),
  liftWarning: on('LiftWarning', { path: ':id/warning-lift', summary: 'End the 警示/整改期: a passed follow-up evaluation (named) or accepted rectification', body: LiftWarningDto, data: ({ id }, dto) => (given({ providerId: id, basis: dto.basis, evaluationId: dto.evaluationId, opinion: dto.opinion })) }),
  withdraw: on('WithdrawFromPool', { path: ':id/withdrawal', summary: '自愿退出 by the provider itself, giving a reason', body: WithdrawFromPoolDto, data: ({ id }, dto) => ({ providerId: id, reason: dto.reason ?? '' }) }),
  settle: on('SettleAtStation', { path: ':id/stations', summary: '入驻 an ACTIVE service station of the provider’s city, from a date', body: SettleAtStationDto, data: ({ id }, dto) => ({ providerId: id, stationId: dto.stationId.toLowerCase(), since: dto.since }) }),
  leave: on('LeaveStation', { path: ':id/stations/:stationId/departure', summary: 'Leave a station, giving a reason', body: LeaveStationDto, data: ({ id, stationId }, dto) => ({ providerId: id, stationId, reason: dto.reason ?? '' }) }),
  apply: on('ApplyForEntry', {
    path: 'entry-applications',
    summary: '申请入库 for the actor’s own organisation (also a new round after a refusal or 出库); the record id follows from the USCC',
    status: 201,
    body: ApplyForEntryDto,
    data: (_, { uscc, name, regionCode, serviceDomains, materials, contact, ties }) => ({
      providerId: providerIdFor(uscc),
      uscc,
      name,
      regionCode,
      serviceDomains,
      materials: materials.map((m) => ({ kind: m.kind, fileName: m.fileName, sha256: m.sha256 })),
      contact: { name: contact.name, phone: contact.phone, email: contact.email },
      ...(ties === undefined ? {} : { ties: tiesOf(ties) }),
    }),
  }),
  remove: on('RemoveFromPool', {
    path: ':id/removal',
    summary: '出库 on stated grounds with evidence; the provider leaves its stations with it',
    body: RemoveFromPoolDto,
    data: ({ id }, dto) => {
      const evidence = dto.evidence.map((e) => given({ description: e.description, fileName: e.fileName, sha256: e.sha256 }));
      return { providerId: id, grounds: dto.grounds, evidence, opinion: dto.opinion };
    },
  }),
  evaluate: on('RecordMonitoringEvaluation', {
    path: ':id/evaluations',
    summary: '监测评价 on 服务能力、服务管理、服务质量、服务满意度; the pass mark is PROVIDER_PASS_MARK (default 60). A first failure warns; a repeated one recommends 出库',
    status: 201,
    body: MonitoringEvaluationDto,
    data: ({ id }, dto, ctx) => {
      const { capability, management, quality, satisfaction } = dto.scores;
      return given({
        providerId: id,
        evaluationId: newRecordId(ctx, 'provider-evaluation'),
        period: dto.period,
        scores: { capability, management, quality, satisfaction },
        probationDeadline: dto.probationDeadline,
        opinion: dto.opinion,
        satisfactionOverrideReason: dto.satisfactionOverrideReason,
      });
    },
    // The evaluation's id: a warning is lifted by naming the follow-up evaluation that passed.
    answer: ({ evaluationId }) => ({ evaluationId }),
  }),
}));
