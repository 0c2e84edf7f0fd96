import { Param, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { followUpKind, type Actor } from '@sme/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { commandRoutes, KindController } from '../commands/kind-controller';
import { ReadRoute, TokenController } from '../commands/routes';
import { given } from '../commands/given';
import { AsOfDto } from '../records/as-of.dto';
import { IdPipe } from '../records/id.pipe';
import { followUpCommands } from './delivery.commands';
import { FollowUpContactDto, ListFollowUpsQueryDto, ReasonDto, RectificationDto, RectificationPlanDto, SettlementDto } from './delivery.dto';
import { ListServiceRecordsQuery, type FollowUpCommandBody } from './delivery.messages';
import { followUpReading } from './delivery.reading';
import { pageOf } from '../read-side/list-query';

@TokenController('follow-ups (差评跟进)', 'follow-ups')
export class FollowUpController extends KindController<FollowUpCommandBody> {
  protected readonly kindCommands = followUpCommands;

  constructor(commands: CommandBus, queries: QueryBus) {
    super(commands, queries);
  }

  @ReadRoute({ path: ':id', summary: 'One follow-up, folded from its events; AUDITOR may add ?asOf=' })
  get(@Param('id', IdPipe) id: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    return this.readRecord(followUpReading, id, actor, query);
  }

  @ReadRoute({ summary: 'Follow-ups by status, cause, delivery, activity, due (dueBy) and overdue (overdueOn), escalated (sort: dueOn, openedAt, updatedAt; cursor paging)' })
  list(@Query() query: ListFollowUpsQueryDto, @CurrentActor() actor: Actor) {
    const { filter: { q: _noTextSearch, ...followups }, sort, page, when } = pageOf(query);
    return this.queries.execute(new ListServiceRecordsQuery({ followups: followups as never }, sort, page, actor, when));
  }
}

commandRoutes(FollowUpController, followUpKind, (on) => ({
  contact: on('RecordFollowUpContact', { path: ':id/contacts', summary: 'The steward reached the enterprise', body: FollowUpContactDto, data: ({ id }, dto) => ({ followUpId: id, channel: dto.channel, contactedOn: dto.contactedOn, note: dto.note }) }),
  plan: on('RecordRectificationPlan', { path: ':id/plan', summary: '整改计划, after contact (the steward or the serving organisation)', body: RectificationPlanDto, data: ({ id }, dto) => ({ followUpId: id, plan: dto.plan }) }),
  rectify: on('RecordRectification', { path: ':id/rectification', summary: '整改完成 (the steward or the serving organisation)', body: RectificationDto, data: ({ id }, dto) => ({ followUpId: id, rectification: dto.rectification, rectifiedOn: dto.rectifiedOn }) }),
  settle: on('ConfirmFollowUpSettled', { path: ':id/settlement', summary: 'The enterprise confirms the matter settled, with a new rating when it gives one; closes the follow-up', body: SettlementDto, data: ({ id }, dto) => (given({ followUpId: id, rating: dto.rating, comment: dto.comment }) as { followUpId: string; comment: string }) }),
  close: on('CloseFollowUp', { path: ':id/closure', summary: 'The steward closes the follow-up by decision, with a reason', body: ReasonDto, data: ({ id }, dto) => ({ followUpId: id, reason: dto.reason ?? '' }) }),
}));
