import { Module } from '@nestjs/common';
import { ActivityController } from './activity.controller';
import { ListActivitiesHandler, ListThemePlansHandler, ServiceFiguresHandler, ThemeParticipationHandler } from './activity.handlers';
import { ThemePlanController } from './themeplan.controller';

/** 服务活动 and 主题月: activities, their registrations, holding and feedback, the cities' theme-month plans, and the 家次/户数 figures. */
@Module({
  controllers: [ActivityController, ThemePlanController],
  providers: [ListActivitiesHandler, ServiceFiguresHandler, ListThemePlansHandler, ThemeParticipationHandler],
})
export class ActivitiesModule {}
