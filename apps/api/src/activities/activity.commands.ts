import { activityKind, cityCodeOf, conflict, enterpriseKind, invalid, themeMonthOf, themePlanKind, type Actor, type ActivityCommand, type PlanActivity, type ThemePlanCommand, recordNotFound } from '@sme/domain';
import { projectEnterprise } from '@sme/read-models';
import type { CompletedCommand, KindCommands } from '../commands/kind-command';
import { derivedId } from '../records/derived-id';
import type { RecordLoader } from '../records/record-loader';
import { servingOrganisation } from '../records/serving-organisation';
import type { ActivityCommandBody, PlanActivityBody, ThemePlanCommandBody } from './activity.messages';

/** One theme-month plan per city and year: its id follows from both, so a second adoption names the same record. */
export const themePlanIdFor = (cityCode: string, year: number): string => derivedId('themeplan', cityCode, year);


/** The theme month named, as the city's plan stands: the plan must be the activity's city's, and have the month. */
async function themeMonthOfPlan(records: RecordLoader, link: { themePlanId: string; month: number }, regionCode: unknown) {
  const plan = await records.state(themePlanKind, link.themePlanId);
  if (plan.status === 'NONE') throw recordNotFound(themePlanKind.label);
  if (typeof regionCode === 'string' && cityCodeOf(regionCode) !== plan.cityCode) {
    throw invalid('THEME_PLAN_OF_ANOTHER_CITY', '该主题月计划不是活动所在城市的', 'The theme-month plan is another city’s', 'themeMonth.themePlanId');
  }
  const month = themeMonthOf(plan, link.month);
  if (!month) throw conflict('THEME_MONTH_NOT_IN_PLAN', `主题月计划中没有${link.month}月`, `The plan has no theme month ${link.month}`, 'themeMonth.month');
  return { themePlanId: plan.themePlanId, year: plan.year, month: month.month, theme: month.theme };
}

async function completePlan(body: PlanActivityBody, actor: Actor, records: RecordLoader): Promise<CompletedCommand<ActivityCommand>> {
  const { organiser: _named, themeMonth: link, ...rest } = body.data;
  const { organisation: organiser, steward, mayServe: mayOrganise } = await servingOrganisation(records, actor, body.data.organiser, body.data.time?.date);
  const themeMonth = link === undefined ? undefined : await themeMonthOfPlan(records, link, rest.regionCode);
  const data: PlanActivity['data'] = { ...rest, organiser, steward, ...(themeMonth ? { themeMonth } : {}), facts: { organiserMayOrganise: mayOrganise } };
  return { command: { type: 'PlanActivity', data } };
}

export const activityCommands: KindCommands<ActivityCommand, ActivityCommandBody> = {
  kind: activityKind,
  idOf: (command) => command.data.activityId,
  async complete(command, ctx, { records, config }) {
    switch (command.type) {
      case 'PlanActivity':
        return completePlan(command, ctx.actor, records);
      case 'RegisterForActivity': {
        const { activityId, enterpriseId } = command.data;
        const e = await records.view(enterpriseKind, projectEnterprise, enterpriseId, { missing: () => recordNotFound(enterpriseKind.label) });
        const enterprise = { enterpriseId: e.id, uscc: e.uscc, name: e.name, regionCode: e.regionCode };
        return { command: { type: 'RegisterForActivity', data: { activityId, enterprise } } };
      }
      case 'HoldActivity':
        return { command: { type: 'HoldActivity', data: { ...command.data, feedbackWindowDays: config.feedbackWindowDays } } };
      default:
        return { command };
    }
  },
};

export const themePlanCommands: KindCommands<ThemePlanCommand, ThemePlanCommandBody> = {
  kind: themePlanKind,
  idOf: (command) => command.data.themePlanId,
};
