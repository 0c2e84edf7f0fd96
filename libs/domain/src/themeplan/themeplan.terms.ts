import { codeLists, type CodeOf } from '../shared/code-lists';
import { arrayOf, closed, integer, optional, text, type Static } from '../shared/schema/builders';
import codes from './themeplan.codes.json';

export const { monthThemes } = codeLists(codes);

/** The themes a month of the calendar may carry (政策, 财税, 知识产权, 融资, …). */
export type MonthTheme = CodeOf<typeof monthThemes>;

export const ThemeMonthSchema = closed(
  { month: integer(1, 12, 'The month, 1–12'), theme: monthThemes.schema('主题'), title: optional(text('主题月名称, e.g. “知识产权服务月”')) },
  { $id: 'ThemeMonth', description: '一个主题月' },
);
export type ThemeMonth = Static<typeof ThemeMonthSchema>;

export const themeMonthsSchema = () => arrayOf(ThemeMonthSchema, { minItems: 1, maxItems: 12, description: 'The theme months, each month once, in calendar order' });
