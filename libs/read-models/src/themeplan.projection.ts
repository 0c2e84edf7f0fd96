import type { ThemePlanEvent } from '@sme/domain/themeplan/themeplan.events';
import type { ThemeMonth } from '@sme/domain/themeplan/themeplan.terms';
import { assertNever } from '@sme/domain/shared/decider';
import { projectionStep } from './view-version';
import type { ViewVersion } from './views';

/** A city's theme-month plan for a year (主题月计划). */
export interface ThemePlanView extends ViewVersion {
  id: string;
  cityCode: string;
  year: number;
  months: ThemeMonth[];
  adoptedAt: string;
  revisions: { months: ThemeMonth[]; reason: string; revisedAt: string }[];
}

/** Pure: the plan's document after one more of its events. */
export const projectThemePlan = projectionStep<ThemePlanView, ThemePlanEvent>((view, event, version) => {
  switch (event.type) {
    case 'ThemePlanAdopted': {
      const { themePlanId, cityCode, year, months, adoptedAt } = event.data;
      return { _id: themePlanId, id: themePlanId, cityCode, year, months, adoptedAt, revisions: [], ...version };
    }
    case 'ThemePlanRevised': {
      if (!view) return view;
      const { months, reason, revisedAt } = event.data;
      return { ...view, months, revisions: [...view.revisions, { months, reason, revisedAt }], ...version };
    }
    default:
      return assertNever(event);
  }
});
