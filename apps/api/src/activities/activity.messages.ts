import { Query } from '@nestjs/cqrs';
import type { Actor, ActivityCommand, OrganiserKind, PlanActivity, ThemePlanCommand } from '@sme/domain';
import type { ActivityListFilter, FiguresGrouping, ActivityView, PublicView, ServiceFigures, ThemeParticipation, ThemePlanView, TimeSlice } from '@sme/read-models';
import type { CommandBody } from '../commands/command-body';
import { ActorListQuery } from '../read-side/list-query';

type Of<T extends ActivityCommand['type']> = Extract<ActivityCommand, { type: T }>['data'];

/** A plan as the request gives it: the organiser by kind and id, the theme month by plan and month; the ledger reads the rest. */
export type PlanActivityBody = {
  type: 'PlanActivity';
  data: Omit<PlanActivity['data'], 'organiser' | 'steward' | 'themeMonth' | 'facts'> & {
    organiser: { kind: OrganiserKind; id?: string };
    themeMonth?: { themePlanId: string; month: number };
  };
};
export type RegisterForActivityBody = { type: 'RegisterForActivity'; data: { activityId: string; enterpriseId: string } };
export type HoldActivityBody = { type: 'HoldActivity'; data: Omit<Of<'HoldActivity'>, 'feedbackWindowDays'> };

export type ActivityCommandBody =
  | PlanActivityBody
  | RegisterForActivityBody
  | HoldActivityBody
  | CommandBody<Exclude<ActivityCommand, { type: 'PlanActivity' | 'RegisterForActivity' | 'HoldActivity' }>>;

/** A plan as the request gives it: the id follows from the city and the year. */
export type ThemePlanCommandBody = CommandBody<ThemePlanCommand>;

export class ListActivitiesQuery extends ActorListQuery<ActivityListFilter, ActivityView> {}

/** 家次 and 户数 from activities and deliveries, per organisation, district or city, over a period. */
export class ServiceFiguresQuery extends Query<ServiceFigures> {
  constructor(
    readonly filter: { from: string; until: string; by: FiguresGrouping; regionCode?: string; organiserKind?: string; organiserId?: string },
    readonly actor: Actor,
  ) {
    super();
  }
}

export class ListThemePlansQuery extends Query<{ items: PublicView<ThemePlanView>[] }> {
  constructor(
    readonly filter: { cityCode?: string; year?: number },
    readonly actor: Actor,
    readonly when?: TimeSlice,
  ) {
    super();
  }
}

/** Each month of a plan with its linked activities, and each station's participation. */
export class ThemeParticipationQuery extends Query<ThemeParticipation> {
  constructor(
    readonly themePlanId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
