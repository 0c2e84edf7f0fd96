import { Param, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { deliveryKind, type Actor, type ServingKind } from '@sme/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { Reactors } from '../reactors/reactors.service';
import { commandRoutes, KindController } from '../commands/kind-controller';
import { ReadRoute, TokenController } from '../commands/routes';
import { given } from '../commands/given';
import { documentsOf, feedbackOf } from './delivery.bodies';
import { ApiError } from '../http/api-error';
import { AsOfDto } from '../records/as-of.dto';
import { IdPipe } from '../records/id.pipe';
import { newRecordId } from '../records/new-record-id';
import { deliveryCommands } from './delivery.commands';
import {
  ComplaintDto,
  CorrectionDto,
  DeliverServiceDto,
  DeliveryFiguresQueryDto,
  FeedbackDto,
  ListDeliveriesQueryDto,
  ProgressNoteDto,
  ReasonDto,
  RegisterDeliveryDto,
  ReturnVisitDto,
  StartDeliveryDto,
} from './delivery.dto';
import { DeliveryDossierQuery, DeliveryFiguresQuery, ListServiceRecordsQuery, type DeliveryCommandBody } from './delivery.messages';
import { deliveryReading } from './delivery.reading';
import { pageOf } from '../read-side/list-query';

/** The serving organisation a list or the figures are about: at most one of provider, station and centre. */
function serverFilterOf(query: { providerId?: string; stationId?: string; centreId?: string }): { serverKind?: ServingKind; serverId?: string } {
  const named = (
    [
      ['PROVIDER', 'providerId', query.providerId],
      ['STATION', 'stationId', query.stationId],
      ['CENTRE', 'centreId', query.centreId],
    ] as const
  ).filter(([, , id]) => id !== undefined);
  if (named.length > 1) {
    throw ApiError.badRequest('ONE_ORGANISATION', '只能指定一个服务机构、服务站或服务中心', 'Name one provider, station or centre, not several', [
      { field: named[1][1], rule: 'oneOf', message: { zh: 'providerId、stationId 与 centreId 只能选一', en: 'give one of providerId, stationId, centreId' } },
    ]);
  }
  return named.length === 0 ? {} : { serverKind: named[0][0], serverId: named[0][2] };
}

@TokenController('deliveries (服务项目跟踪)', 'deliveries')
export class DeliveryController extends KindController<DeliveryCommandBody> {
  protected readonly kindCommands = deliveryCommands;

  constructor(commands: CommandBus, queries: QueryBus, reactors: Reactors) {
    super(commands, queries, reactors);
  }

  @ReadRoute({
    path: 'figures',
    summary: 'Per organisation (providerId, stationId or centreId) and period: deliveries, 家次, distinct enterprises, average rating, 差评, follow-ups closed on time, 回访率, free-service share',
  })
  figures(@Query() query: DeliveryFiguresQueryDto, @CurrentActor() actor: Actor) {
    const { regionCode, from, until } = query;
    const server = serverFilterOf(query);
    return this.queries.execute(new DeliveryFiguresQuery(given({ ...server, regionCode, from, until }) as never, actor));
  }

  @ReadRoute({ path: ':id', summary: 'One delivery, folded from its events; AUDITOR may add ?asOf= to replay it to a business time' })
  get(@Param('id', IdPipe) id: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    return this.readRecord(deliveryReading, id, actor, query);
  }

  @ReadRoute({ path: ':id/dossier', summary: '档案: the delivery’s events and its follow-ups’, in order, with the documents they fix' })
  dossier(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new DeliveryDossierQuery(id, actor));
  }

  @ReadRoute({
    summary: 'Deliveries by status, domain, enterprise, provider, station, centre, region and period; returnVisitDue=true lists those due for 回访 (sort: registeredAt, deliveredOn, updatedAt; cursor paging)',
  })
  list(@Query() query: ListDeliveriesQueryDto, @CurrentActor() actor: Actor) {
    const { filter: { providerId, stationId, centreId, ...filter }, sort, page, when } = pageOf(query);
    const deliveries = { ...filter, ...serverFilterOf({ providerId, stationId, centreId }) };
    return this.queries.execute(new ListServiceRecordsQuery({ deliveries: deliveries as never }, sort, page, actor, when));
  }
}

commandRoutes(DeliveryController, deliveryKind, (on) => ({
  start: on('StartDelivery', { path: ':id/start', summary: 'The service began (the server)', body: StartDeliveryDto, data: ({ id }, dto) => ({ deliveryId: id, startedOn: dto.startedOn }) }),
  noteProgress: on('NoteDeliveryProgress', { path: ':id/progress-notes', summary: 'A progress note for the 档案 (the server)', body: ProgressNoteDto, data: ({ id }, dto) => ({ deliveryId: id, note: dto.note }) }),
  deliver: on('DeliverService', { path: ':id/handover', summary: 'Delivered, with the outcome and the documents by SHA-256 (the server); fixes the feedback window and the day of automatic confirmation', body: DeliverServiceDto, data: ({ id }, dto) => ({ deliveryId: id, deliveredOn: dto.deliveredOn, outcome: dto.outcome, deliverables: documentsOf(dto.deliverables) }) }),
  dispute: on('DisputeDelivery', { path: ':id/dispute', summary: 'The enterprise served disputes the delivery; a follow-up opens', body: ReasonDto, data: ({ id }, dto) => ({ deliveryId: id, reason: dto.reason ?? '' }), settle: true }),
  cancel: on('CancelDelivery', { path: ':id/cancellation', summary: 'Cancelled before delivery, with a reason (the server or the steward)', body: ReasonDto, data: ({ id }, dto) => ({ deliveryId: id, reason: dto.reason ?? '' }) }),
  rate: on('RateDelivery', { path: ':id/feedback', summary: '满意度评价 by the enterprise served, once, inside the window (FEEDBACK_WINDOW_DAYS after delivery); 1–2 opens a follow-up', body: FeedbackDto, data: ({ id }, dto) => ({ deliveryId: id, feedback: feedbackOf(dto) }), settle: true }),
  amend: on('AmendDeliveryRating', { path: ':id/feedback/amendment', summary: 'The enterprise amends its rating, once, inside the window; both stay', body: FeedbackDto, data: ({ id }, dto) => ({ deliveryId: id, feedback: feedbackOf(dto) }), settle: true }),
  complain: on('LodgeComplaint', { path: ':id/complaints', summary: '投诉 by the enterprise served, before 归档; a follow-up opens', body: ComplaintDto, data: ({ id }, dto) => ({ deliveryId: id, complaint: dto.complaint }), settle: true }),
  register: on('RegisterDelivery', {
    summary: '服务项目登记 by the serving organisation — a provider in the 库 on the start date, an active station, the hub — for one enterprise, optionally from a demand and/or a product',
    status: 201,
    body: RegisterDeliveryDto,
    data: (_, { server, enterpriseId, demandId, productId, domain, title, description, plannedStart, plannedEnd, fee, staffHours, mode, regionCode }, ctx) =>
      given({
        deliveryId: newRecordId(ctx, 'delivery'),
        server: given({ kind: server.kind, id: server.id }),
        enterpriseId,
        demandId,
        productId,
        domain,
        title,
        description,
        plannedStart,
        plannedEnd,
        fee: given({ kind: fee.kind, amountFen: fee.amountFen }),
        staffHours,
        mode,
        regionCode,
      }),
  }),
  confirm: on('ConfirmDelivery', { path: ':id/confirmation', summary: 'The enterprise served confirms the delivery (also after a dispute)', data: ({ id }) => ({ deliveryId: id }), settle: true }),
  visit: on('RecordReturnVisit', {
    path: ':id/return-visits',
    summary: '客户回访 by the steward (channel, date, who, findings, satisfaction re-checked)',
    body: ReturnVisitDto,
    data: ({ id }, { channel, visitedOn, visitor, findings, satisfaction }) => ({ deliveryId: id, channel, visitedOn, visitor, findings, satisfaction }),
  }),
  archive: on('ArchiveDelivery', {
    path: ':id/archive',
    summary: '归档 by the steward once the dossier is complete (delivered, confirmed, feedback given or its window closed, every follow-up closed, a required 回访 done); else 409 naming what is missing',
    data: ({ id }) => ({ deliveryId: id }),
  }),
  correct: on('CorrectDelivery', {
    path: ':id/corrections',
    summary: '更正 of an archived delivery by the steward, with a reason (title, description, outcome)',
    body: CorrectionDto,
    data: ({ id }, dto) => {
      const changes = given({ title: dto.changes.title, description: dto.changes.description, outcome: dto.changes.outcome });
      return { deliveryId: id, changes, reason: dto.reason ?? '' };
    },
  }),
}));
