import { activityKind, themePlanKind } from '@sme/domain';
import { projectActivity, projectThemePlan, type ActivityView, type ThemePlanView } from '@sme/read-models';
import { readingOf } from '../records/record-query';
import { activityReadForbidden, mayReadActivity } from './activity-access';

export const activityReading = readingOf<ActivityView>(activityKind, projectActivity, { code: 'ACTIVITY', zh: '服务活动', en: 'activity' }, {
  mayRead: mayReadActivity,
  forbidden: activityReadForbidden,
});

/** A city's theme-month calendar is public to every signed-in reader. */
export const themePlanReading = readingOf<ThemePlanView>(themePlanKind, projectThemePlan, { code: 'THEME_PLAN', zh: '主题月计划', en: 'theme-month plan' }, {});
