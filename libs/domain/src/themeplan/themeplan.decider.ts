import type { RecordLabel } from '../shared/record-kind';
import { requireCityCode } from '../shared/region-code';
import { decideByType } from '../shared/decide-by-type';
import { assertNever, type Decider, type DomainCommand } from '../shared/decider';
import { conflict } from '../shared/domain-error';
import { fieldInvalid, L, requireInteger, requireOneOf, requireText } from '../shared/validation';
import type { ThemePlanEvent, ThemePlanEvents } from './themeplan.events';
import { monthThemes, type ThemeMonth } from './themeplan.terms';

type Data<T extends keyof ThemePlanEvents> = ThemePlanEvents[T]['data'];

export type AdoptThemePlan = DomainCommand<'AdoptThemePlan', Omit<Data<'ThemePlanAdopted'>, 'adoptedAt'>>;
export type ReviseThemePlan = DomainCommand<'ReviseThemePlan', Omit<Data<'ThemePlanRevised'>, 'revisedAt'>>;
export type ThemePlanCommand = AdoptThemePlan | ReviseThemePlan;

export type ThemePlanState =
  | { status: 'NONE' }
  | { status: 'ADOPTED'; themePlanId: string; cityCode: string; year: number; months: ThemeMonth[]; revisions: number; revision: number };
export type ExistingThemePlan = Exclude<ThemePlanState, { status: 'NONE' }>;

/** The months, each 1–12 once with a theme from the list, in calendar order. */
export function checkThemeMonths(value: unknown): ThemeMonth[] {
  if (!Array.isArray(value) || value.length === 0) throw fieldInvalid('months', L('主题月', 'Theme months'), '须为非空列表', 'must be a non-empty list');
  const months = value.map((item: unknown, i) => {
    const given = (item ?? {}) as { month?: unknown; theme?: unknown; title?: unknown };
    const month = requireInteger(given.month, `months.${i}.month`, L('月份', 'Month'), 1, 12);
    const theme = requireOneOf(given.theme, monthThemes.codes, `months.${i}.theme`, L('主题', 'Theme'));
    const title = given.title === undefined ? undefined : requireText(given.title, `months.${i}.title`, L('主题月名称', 'Title'));
    return { month, theme, ...(title === undefined ? {} : { title }) };
  });
  months.forEach((m, i) => {
    if (months.findIndex((o) => o.month === m.month) !== i) throw fieldInvalid(`months.${i}.month`, L('月份', 'Month'), `${m.month}月重复`, `month ${m.month} is listed twice`);
  });
  return months.sort((a, b) => a.month - b.month);
}

/** How theme-month plan records are named when one is missing. */
export const THEME_PLAN_RECORD: RecordLabel = { code: 'THEME_PLAN', zh: '主题月计划', en: 'theme-month plan' };

const decide = decideByType<ThemePlanCommand, ThemePlanState, ThemePlanEvent, 'AdoptThemePlan'>({
  onNew: {
    AdoptThemePlan: (command, state) => {
      if (state.status !== 'NONE') throw conflict('THEME_PLAN_ALREADY_EXISTS', '该市该年度的主题月计划已存在，请调整', 'The city’s plan for this year exists; revise it');
      const { data, metadata } = command;
      requireCityCode(data.cityCode, 'cityCode');
      const year = requireInteger(data.year, 'year', L('年度', 'Year'), 2000, 2100);
      const months = checkThemeMonths(data.months);
      return [{ type: 'ThemePlanAdopted', data: { themePlanId: data.themePlanId, cityCode: data.cityCode, year, months, adoptedAt: metadata.now.toISOString() } }];
    },
  },
  on: {
    ReviseThemePlan: (command, plan) => {
      const months = checkThemeMonths(command.data.months);
      const reason = requireText(command.data.reason, 'reason', L('调整原因', 'Reason'));
      return [{ type: 'ThemePlanRevised', data: { themePlanId: plan.themePlanId, months, reason, revisedAt: command.metadata.now.toISOString() } }];
    },
  },
  record: THEME_PLAN_RECORD,
});

function evolve(state: ThemePlanState, event: ThemePlanEvent): ThemePlanState {
  switch (event.type) {
    case 'ThemePlanAdopted': {
      const { themePlanId, cityCode, year, months } = event.data;
      return { status: 'ADOPTED', themePlanId, cityCode, year, months, revisions: 0, revision: 0 };
    }
    case 'ThemePlanRevised':
      return state.status === 'NONE' ? state : { ...state, months: event.data.months, revisions: state.revisions + 1, revision: state.revision + 1 };
    default:
      return assertNever(event);
  }
}

/** The month of a plan, when the plan has it. */
export const themeMonthOf = (plan: ExistingThemePlan, month: number): ThemeMonth | undefined => plan.months.find((m) => m.month === month);

export const themePlanDecider: Decider<ThemePlanCommand, ThemePlanState, ThemePlanEvent> = { initialState: () => ({ status: 'NONE' }), evolve, decide };
