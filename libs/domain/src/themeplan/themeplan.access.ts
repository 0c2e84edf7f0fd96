import type { AccessPolicy } from '../shared/access';
import type { ThemePlanCommand, ThemePlanState } from './themeplan.decider';

/** The hub of the plan's city sets and revises it (服务总站 organises the city's 主题月). */
export const themePlanAccess: AccessPolicy<ThemePlanCommand, ThemePlanState> = {
  AdoptThemePlan: [{ roles: ['HUB'], region: { of: (_, data) => data.cityCode, match: 'same' } }],
  ReviseThemePlan: [{ roles: ['HUB'], region: { of: (plan) => plan?.cityCode, match: 'same' } }],
};
