import {
  activityKind,
  cityCodeOf,
  conflict,
  enterpriseKind,
  inPoolOn,
  invalid,
  notFound,
  providerKind,
  regionNameZh,
  stationKind,
  themeMonthOf,
  themePlanKind,
  type Actor,
  type ActivityCommand,
  type PlanActivity,
  type ThemePlanCommand,
} from '@sme/domain';
import { projectEnterprise } from '@sme/read-models';
import type { CompletedCommand, KindCommands } from '../commands/kind-command';
import { derivedId } from '../records/derived-id';
import type { RecordLoader } from '../records/record-loader';
import type { ActivityCommandBody, PlanActivityBody, ThemePlanCommandBody } from './activity.messages';

/** One theme-month plan per city and year: its id follows from both, so a second adoption names the same record. */
export const themePlanIdFor = (cityCode: string, year: number): string => derivedId('themeplan', cityCode, year);

const missing = (code: string, zh: string, en: string) => notFound(code, zh, en);

type Organiser = Pick<PlanActivity['data'], 'organiser' | 'steward'> & { mayOrganise: boolean };

/** The organiser as its record stands, its steward, and whether it may organise on the activity's day. */
async function organiserOf(records: RecordLoader, actor: Actor, given: PlanActivityBody['data']): Promise<Organiser> {
  const { kind, id } = given.organiser;
  if (kind === 'CENTRE') {
    // CENTRE: wired to the centre record (服务中心, its recognition) at integration; until then refused here.
    throw conflict('CENTRE_NOT_AVAILABLE', '服务中心作为主办方尚未开放', 'A service centre cannot organise activities yet', 'organiser.kind');
  }
  if (kind === 'PROVIDER') {
    const provider = await records.state(providerKind, id ?? '');
    if (provider.status === 'NONE') throw missing('PROVIDER_NOT_FOUND', '服务机构不存在', 'The provider does not exist');
    const day = given.time?.date;
    const mayOrganise = typeof day === 'string' && (inPoolOn(provider, `${day}T00:00:00+08:00`) || inPoolOn(provider, `${day}T23:59:59+08:00`));
    return {
      organiser: { kind, id: provider.providerId, orgId: provider.uscc, name: provider.name, regionCode: provider.regionCode },
      steward: { role: 'CITY_AUTHORITY', regionCode: cityCodeOf(provider.regionCode) },
      mayOrganise,
    };
  }
  if (kind === 'STATION') {
    const station = await records.state(stationKind, id ?? '');
    if (station.status === 'NONE') throw missing('STATION_NOT_FOUND', '服务站不存在', 'The station does not exist');
    return {
      organiser: { kind, id: station.stationId, orgId: station.ownerOrgId, name: station.name, regionCode: station.districtCode },
      steward: { role: 'HUB', regionCode: station.cityCode },
      mayOrganise: station.status === 'ACTIVE',
    };
  }
  // The hub organises as the organisation the token names, in its city.
  const city = cityCodeOf(actor.regionCode);
  return {
    organiser: { kind, id: actor.orgId, orgId: actor.orgId, name: `${regionNameZh(city)}中小企业服务总站`, regionCode: city },
    steward: { role: 'CITY_AUTHORITY', regionCode: city },
    mayOrganise: true,
  };
}

/** The theme month named, as the city's plan stands: the plan must be the activity's city's, and have the month. */
async function themeMonthOfPlan(records: RecordLoader, link: { themePlanId: string; month: number }, regionCode: unknown) {
  const plan = await records.state(themePlanKind, link.themePlanId);
  if (plan.status === 'NONE') throw missing('THEME_PLAN_NOT_FOUND', '主题月计划不存在', 'The theme-month plan does not exist');
  if (typeof regionCode === 'string' && cityCodeOf(regionCode) !== plan.cityCode) {
    throw invalid('THEME_PLAN_OF_ANOTHER_CITY', '该主题月计划不是活动所在城市的', 'The theme-month plan is another city’s', 'themeMonth.themePlanId');
  }
  const month = themeMonthOf(plan, link.month);
  if (!month) throw conflict('THEME_MONTH_NOT_IN_PLAN', `主题月计划中没有${link.month}月`, `The plan has no theme month ${link.month}`, 'themeMonth.month');
  return { themePlanId: plan.themePlanId, year: plan.year, month: month.month, theme: month.theme };
}

async function completePlan(body: PlanActivityBody, actor: Actor, records: RecordLoader): Promise<CompletedCommand<ActivityCommand>> {
  const { organiser: _named, themeMonth: link, ...rest } = body.data;
  const { organiser, steward, mayOrganise } = await organiserOf(records, actor, body.data);
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
        const e = await records.view(enterpriseKind, projectEnterprise, enterpriseId, { missing: () => missing('ENTERPRISE_NOT_FOUND', '企业不存在', 'The enterprise does not exist') });
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
