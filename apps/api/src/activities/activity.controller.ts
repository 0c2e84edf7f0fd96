import { Body, Param, Query } from '@nestjs/common';
import { activityKind, type Actor } from '@sme/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { KindController } from '../commands/kind-controller';
import { Ctx, type RequestContext } from '../commands/request-context';
import { CommandPost, ReadRoute, TokenController } from '../commands/routes';
import { given } from '../commands/given';
import { documentsOf, feedbackOf } from '../deliveries/delivery.bodies';

import { ApiError } from '../http/api-error';
import { AsOfDto } from '../records/as-of.dto';
import { IdPipe } from '../records/id.pipe';
import { newRecordId } from '../records/new-record-id';
import { activityCommands } from './activity.commands';
import {
  ActivityFeedbackDto,
  ActivityReasonDto,
  HoldActivityDto,
  ListActivitiesQueryDto,
  PlanActivityDto,
  PostponeActivityDto,
  RegisterForActivityDto,
  ServiceFiguresQueryDto,
} from './activity.dto';
import { ListActivitiesQuery, ServiceFiguresQuery, type ActivityCommandBody } from './activity.messages';
import { activityReading } from './activity.reading';

const timeOf = (t: { date: string; startTime: string; endTime: string }) => ({ date: t.date, startTime: t.startTime, endTime: t.endTime });

@TokenController('activities (服务活动)', 'activities')
export class ActivityController extends KindController<ActivityCommandBody> {
  protected readonly kindCommands = activityCommands;

  @CommandPost(activityKind, 'PlanActivity', {
    summary: '活动计划 by its organiser — an ACTIVE station, the hub, a provider in the 库 on the day, a recognised centre — optionally in a theme month',
    status: 201,
  })
  plan(@Body() dto: PlanActivityDto, @Ctx() ctx: RequestContext) {
    const { organiser, coOrganisers, title, kind, theme, themeMonth, time, mode, venue, capacity, fee, regionCode } = dto;
    const data = given({
      activityId: newRecordId(ctx, 'activity'),
      organiser: given({ kind: organiser.kind, id: organiser.id }),
      coOrganisers: (coOrganisers ?? []).map((c) => given({ name: c.name, orgId: c.orgId })),
      title,
      kind,
      theme,
      themeMonth: themeMonth && { themePlanId: themeMonth.themePlanId, month: themeMonth.month },
      time: timeOf(time),
      mode,
      venue,
      capacity,
      fee: { kind: fee.kind, amountFen: fee.amountFen },
      regionCode,
    });
    return this.run({ type: 'PlanActivity', data } as ActivityCommandBody, ctx);
  }

  @CommandPost(activityKind, 'PostponeActivity', { path: ':id/postponement', summary: 'Moved later, with the request’s reason (the organiser); still open for registration' })
  postpone(@Param('id', IdPipe) id: string, @Body() dto: PostponeActivityDto, @Ctx() ctx: RequestContext) {
    return this.run({ type: 'PostponeActivity', data: { activityId: id, time: timeOf(dto.time), reason: dto.reason ?? '' } }, ctx);
  }

  @CommandPost(activityKind, 'CancelActivity', { path: ':id/cancellation', summary: 'Cancelled before it is held, with the request’s reason (the organiser or the steward)' })
  cancel(@Param('id', IdPipe) id: string, @Body() dto: ActivityReasonDto, @Ctx() ctx: RequestContext) {
    return this.run({ type: 'CancelActivity', data: { activityId: id, reason: dto.reason ?? '' } }, ctx);
  }

  @CommandPost(activityKind, 'RegisterForActivity', { path: ':id/registrations', summary: '报名: an enterprise of the enterprise database, by itself or by the organiser on its behalf, up to the capacity' })
  register(@Param('id', IdPipe) id: string, @Body() dto: RegisterForActivityDto, @Ctx() ctx: RequestContext) {
    return this.run({ type: 'RegisterForActivity', data: { activityId: id, enterpriseId: dto.enterpriseId } }, ctx);
  }

  @CommandPost(activityKind, 'HoldActivity', {
    path: ':id/holding',
    summary: '活动举办 (the organiser): the registered enterprises present (else 409 naming the enterprise), persons present, materials by SHA-256; fixes the feedback window',
  })
  hold(@Param('id', IdPipe) id: string, @Body() dto: HoldActivityDto, @Ctx() ctx: RequestContext) {
    return this.run({ type: 'HoldActivity', data: { activityId: id, enterpriseIdsPresent: dto.enterpriseIdsPresent, personsPresent: dto.personsPresent, materials: documentsOf(dto.materials) } }, ctx);
  }

  @CommandPost(activityKind, 'RateActivity', { path: ':id/feedback', summary: '满意度评价 by an enterprise present, once, inside the window (FEEDBACK_WINDOW_DAYS from the activity’s day)' })
  rate(@Param('id', IdPipe) id: string, @Body() dto: ActivityFeedbackDto, @Ctx() ctx: RequestContext) {
    return this.runAndSettle({ type: 'RateActivity', data: { activityId: id, feedback: feedbackOf(dto) } }, ctx);
  }

  @CommandPost(activityKind, 'AmendActivityRating', { path: ':id/feedback/amendment', summary: 'The enterprise amends its rating, once, inside the window; both stay' })
  amend(@Param('id', IdPipe) id: string, @Body() dto: ActivityFeedbackDto, @Ctx() ctx: RequestContext) {
    return this.runAndSettle({ type: 'AmendActivityRating', data: { activityId: id, feedback: feedbackOf(dto) } }, ctx);
  }

  @ReadRoute({
    path: 'figures',
    summary: '家次 and 户数 (docs/counting.md) per organisation, district or city and period: activities held, 家次 from activities, 家次 from deliveries, total 家次, 户数',
  })
  figures(@Query() query: ServiceFiguresQueryDto, @CurrentActor() actor: Actor) {
    const { from, until, by, regionCode, stationId, providerId } = query;
    if (stationId !== undefined && providerId !== undefined) {
      throw ApiError.badRequest('ONE_ORGANISATION', '只能指定一个服务机构或服务站', 'Name a provider or a station, not both', [
        { field: 'stationId', rule: 'oneOf', message: { zh: 'providerId 与 stationId 只能选一', en: 'give providerId or stationId, not both' } },
      ]);
    }
    const organiser = stationId !== undefined ? { organiserKind: 'STATION', organiserId: stationId } : providerId !== undefined ? { organiserKind: 'PROVIDER', organiserId: providerId } : {};
    return this.queries.execute(new ServiceFiguresQuery(given({ from, until, by: by ?? 'organiser', regionCode, ...organiser }), actor));
  }

  @ReadRoute({ path: ':id', summary: 'One activity, folded from its events; AUDITOR may add ?asOf= to replay it to a business time' })
  get(@Param('id', IdPipe) id: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    return this.readRecord(activityReading, id, actor, query);
  }

  @ReadRoute({ summary: 'Activities by organiser, station, region, kind, status, period (the activity’s day) and theme month (sort: date, plannedAt, updatedAt; cursor paging)' })
  list(@Query() query: ListActivitiesQueryDto, @CurrentActor() actor: Actor) {
    return this.readList(ListActivitiesQuery, query, actor);
  }
}
