import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { themePlanKind } from '@sme/domain';
import { listActivities, listThemePlans, serviceFigures, themeParticipation, toPublicView } from '@sme/read-models';
import { ApiError } from '../http/api-error';
import { actorListHandler } from '../read-side/actor-list-handler';
import { ReadSide } from '../read-side/read-side.service';
import { RecordLoader } from '../records/record-loader';
import { mayReadParticipation, scopeActivityFilter, scopeFiguresFilter } from './activity-access';
import { themePlanReading } from './activity.reading';
import { ListActivitiesQuery, ListThemePlansQuery, ServiceFiguresQuery, ThemeParticipationQuery } from './activity.messages';

export const ListActivitiesHandler = actorListHandler(ListActivitiesQuery, scopeActivityFilter, listActivities);

@QueryHandler(ServiceFiguresQuery)
export class ServiceFiguresHandler implements IQueryHandler<ServiceFiguresQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, actor }: ServiceFiguresQuery) {
    const scoped = scopeFiguresFilter(actor, filter);
    await this.readSide.requireCurrent(['activities', 'deliveries']);
    return serviceFigures(this.readSide.reader, scoped);
  }
}

@QueryHandler(ListThemePlansQuery)
export class ListThemePlansHandler implements IQueryHandler<ListThemePlansQuery> {
  constructor(private readonly readSide: ReadSide) {}

  async execute({ filter, actor, when }: ListThemePlansQuery) {
    return this.readSide.at(when, actor, async (reader) => ({ items: (await listThemePlans(reader, filter)).map(toPublicView) }));
  }
}

@QueryHandler(ThemeParticipationQuery)
export class ThemeParticipationHandler implements IQueryHandler<ThemeParticipationQuery> {
  constructor(
    private readonly readSide: ReadSide,
    private readonly records: RecordLoader,
  ) {}

  async execute({ themePlanId, actor }: ThemeParticipationQuery) {
    const plan = await this.records.view(themePlanKind, themePlanReading.project, themePlanId, {
      missing: themePlanReading.missing,
      mayRead: (view) => mayReadParticipation(actor, view.cityCode),
      forbidden: () => ApiError.forbidden('PARTICIPATION_READ_FORBIDDEN', '无权查看主题月参与情况', 'You may not read the theme months’ participation'),
    });
    await this.readSide.requireCurrent(['activities']);
    return themeParticipation(this.readSide.reader, plan);
  }
}
