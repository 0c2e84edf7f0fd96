import { activityKind, themePlanKind } from '@sme/domain';
import { projectActivity, projectThemePlan, type ActivityView, type ThemePlanView } from '@sme/read-models';
import { readingOf } from '../records/record-query';
import { activityReadForbidden, mayReadActivity } from './activity-access';

export const activityReading = readingOf<ActivityView>(activityKind, projectActivity, {
  mayRead: mayReadActivity,
  forbidden: activityReadForbidden,
});

/** A city's theme-month calendar is public to every signed-in reader. */
export const themePlanReading = readingOf<ThemePlanView>(themePlanKind, projectThemePlan, {});
