import { Param, Query } from '@nestjs/common';
import { activityKind, type Actor } from '@sme/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { commandRoutes, KindController } from '../commands/kind-controller';
import { ReadRoute, TokenController } from '../commands/routes';
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

commandRoutes(ActivityController, activityKind, (on) => ({
  plan: on('PlanActivity', {
    summary: '活动计划 by its organiser — an ACTIVE station, the hub, a provider in the 库 on the day, a recognised centre — optionally in a theme month',
    status: 201,
    body: PlanActivityDto,
    data: (_, { organiser, coOrganisers, title, kind, theme, themeMonth, time, mode, venue, capacity, fee, regionCode }, ctx) =>
      given({
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
      }),
  }),
  postpone: on('PostponeActivity', { path: ':id/postponement', summary: 'Moved later, with the request’s reason (the organiser); still open for registration', body: PostponeActivityDto, data: ({ id }, dto) => ({ activityId: id, time: timeOf(dto.time), reason: dto.reason ?? '' }) }),
  cancel: on('CancelActivity', { path: ':id/cancellation', summary: 'Cancelled before it is held, with the request’s reason (the organiser or the steward)', body: ActivityReasonDto, data: ({ id }, dto) => ({ activityId: id, reason: dto.reason ?? '' }) }),
  register: on('RegisterForActivity', { path: ':id/registrations', summary: '报名: an enterprise of the enterprise database, by itself or by the organiser on its behalf, up to the capacity', body: RegisterForActivityDto, data: ({ id }, dto) => ({ activityId: id, enterpriseId: dto.enterpriseId }) }),
  hold: on('HoldActivity', { path: ':id/holding', summary: '活动举办 (the organiser): the registered enterprises present (else 409 naming the enterprise), persons present, materials by SHA-256; fixes the feedback window', body: HoldActivityDto, data: ({ id }, dto) => ({ activityId: id, enterpriseIdsPresent: dto.enterpriseIdsPresent, personsPresent: dto.personsPresent, materials: documentsOf(dto.materials) }) }),
  rate: on('RateActivity', { path: ':id/feedback', summary: '满意度评价 by an enterprise present, once, inside the window (FEEDBACK_WINDOW_DAYS from the activity’s day)', body: ActivityFeedbackDto, data: ({ id }, dto) => ({ activityId: id, feedback: feedbackOf(dto) }), settle: true }),
  amend: on('AmendActivityRating', { path: ':id/feedback/amendment', summary: 'The enterprise amends its rating, once, inside the window; both stay', body: ActivityFeedbackDto, data: ({ id }, dto) => ({ activityId: id, feedback: feedbackOf(dto) }), settle: true }),
}));
