import { at, cityCode, integer, recordId, text } from '../shared/schema/builders';
import { recordEvents, type EventOf, type EventsByType } from '../shared/schema/event-spec';
import { themeMonthsSchema } from './themeplan.terms';

/** 主题月计划: the hub's calendar of theme months for its city and a year. */
export const THEMEPLAN_EVENTS = recordEvents({ themePlanId: recordId('The theme-month plan (one per city and year)') }, {
  ThemePlanAdopted: {
    action: 'adopted',
    title: 'Theme-month plan adopted (主题月计划)',
    summary: 'The city’s hub set the year’s calendar of theme months (政策, 财税, 知识产权, 融资, …); activities link to its months.',
    payload: {
      cityCode: cityCode(),
      year: integer(2000, 2100, 'The year'),
      months: themeMonthsSchema(),
      adoptedAt: at('When it was adopted'),
    },
  },
  ThemePlanRevised: {
    action: 'revised',
    title: 'Theme-month plan revised (主题月计划调整)',
    summary: 'The hub revised the calendar, with a reason; the months given replace the old ones. Activities already linked keep the theme they were planned under.',
    payload: { months: themeMonthsSchema(), reason: text('调整原因'), revisedAt: at('When it was revised') },
  },
});

export type ThemePlanEvent = EventOf<typeof THEMEPLAN_EVENTS>;
export type ThemePlanEvents = EventsByType<typeof THEMEPLAN_EVENTS>;
