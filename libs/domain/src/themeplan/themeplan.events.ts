import { at, cityCode, closed, integer, recordId, text } from '../shared/schema/builders';
import type { EventOf, EventsByType, EventSpecs } from '../shared/schema/event-spec';
import { themeMonthsSchema } from './themeplan.terms';

const themePlanId = () => recordId('The theme-month plan (one per city and year)');

/** 主题月计划: the hub's calendar of theme months for its city and a year. */
export const THEMEPLAN_EVENTS = {
  ThemePlanAdopted: {
    version: 1,
    action: 'adopted',
    title: 'Theme-month plan adopted (主题月计划)',
    summary: 'The city’s hub set the year’s calendar of theme months (政策, 财税, 知识产权, 融资, …); activities link to its months.',
    payload: closed({
      themePlanId: themePlanId(),
      cityCode: cityCode(),
      year: integer(2000, 2100, 'The year'),
      months: themeMonthsSchema(),
      adoptedAt: at('When it was adopted'),
    }),
  },
  ThemePlanRevised: {
    version: 1,
    action: 'revised',
    title: 'Theme-month plan revised (主题月计划调整)',
    summary: 'The hub revised the calendar, with a reason; the months given replace the old ones. Activities already linked keep the theme they were planned under.',
    payload: closed({ themePlanId: themePlanId(), months: themeMonthsSchema(), reason: text('调整原因'), revisedAt: at('When it was revised') }),
  },
} satisfies EventSpecs;

export type ThemePlanEvent = EventOf<typeof THEMEPLAN_EVENTS>;
export type ThemePlanEvents = EventsByType<typeof THEMEPLAN_EVENTS>;
