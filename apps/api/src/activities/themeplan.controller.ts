import { Param, Query } from '@nestjs/common';
import { themePlanKind, type Actor } from '@sme/domain';
import { CurrentActor } from '../auth/auth.decorators';
import { commandRoutes, KindController } from '../commands/kind-controller';
import { ReadRoute, TokenController } from '../commands/routes';
import { given } from '../commands/given';
import { IdPipe } from '../records/id.pipe';
import { AsOfDto } from '../records/as-of.dto';
import { recordQuery } from '../records/record-query';
import { sliceOf } from '../read-side/read-time';
import { themePlanCommands, themePlanIdFor } from './activity.commands';
import { AdoptThemePlanDto, ListThemePlansQueryDto, ReviseThemePlanDto, type ThemeMonthDto } from './activity.dto';
import { ListThemePlansQuery, ThemeParticipationQuery, type ThemePlanCommandBody } from './activity.messages';
import { themePlanReading } from './activity.reading';

const monthsOf = (months: ThemeMonthDto[]) => months.map((m) => given({ month: m.month, theme: m.theme, title: m.title }));

@TokenController('theme months (主题月)', 'themeplans')
export class ThemePlanController extends KindController<ThemePlanCommandBody> {
  protected readonly kindCommands = themePlanCommands;

  @ReadRoute({ summary: 'Theme-month plans by city and year' })
  list(@Query() query: ListThemePlansQueryDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(new ListThemePlansQuery(given({ cityCode: query.cityCode, year: query.year }), actor, sliceOf(query)));
  }

  @ReadRoute({ path: ':id/participation', summary: 'Each month with the activities linked to it and their 家次, and each station’s participation (activities held)' })
  participation(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new ThemeParticipationQuery(id, actor));
  }

  @ReadRoute({ path: ':id', summary: 'One plan, folded from its events' })
  get(@Param('id', IdPipe) id: string, @Query() query: AsOfDto, @CurrentActor() actor: Actor) {
    return this.queries.execute(recordQuery(themePlanReading, id, actor, query));
  }
}

commandRoutes(ThemePlanController, themePlanKind, (on) => ({
  revise: on('ReviseThemePlan', { path: ':id/revision', summary: 'The hub revises the months, with the request’s reason; activities already linked keep theirs', body: ReviseThemePlanDto, data: ({ id }, dto) => ({ themePlanId: id, months: monthsOf(dto.months), reason: dto.reason ?? '' }) }),
  adopt: on('AdoptThemePlan', { summary: '主题月计划 of a city and a year, by the city’s hub: months 1–12, each with a theme; one per city and year', status: 201, body: AdoptThemePlanDto, data: (_, dto) => ({ themePlanId: themePlanIdFor(dto.cityCode, dto.year), cityCode: dto.cityCode, year: dto.year, months: monthsOf(dto.months) }) }),
}));
