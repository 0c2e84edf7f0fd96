import { isBusinessDate } from '../dates';
import shipped from './public-holidays.json';

/**
 * Working days (工作日) as data: Monday to Friday, less the public holidays, plus the weekend days
 * worked in exchange (调休上班). Each year's arrangement is published by the State Council's general
 * office; the ledger ships those it knows (`public-holidays.json`) and takes further ones from its
 * settings. A year it has no arrangement for counts weekends only.
 */
export interface WorkingCalendar {
  /** Weekdays that are not worked. */
  readonly holidays: ReadonlySet<string>;
  /** Weekend days that are worked. */
  readonly workdays: ReadonlySet<string>;
  /** The years whose arrangement is known, each with where it comes from. */
  readonly years: Readonly<Record<string, string>>;
}

/** One year's arrangement as the data files hold it. */
export interface HolidayArrangement {
  source: string;
  holidays: readonly string[];
  workdays: readonly string[];
}

/** A calendar from arrangements per year; a later arrangement for the same year replaces the earlier. */
export function workingCalendar(...arrangements: Readonly<Record<string, HolidayArrangement>>[]): WorkingCalendar {
  const byYear = new Map<string, HolidayArrangement>();
  for (const set of arrangements) for (const [year, arrangement] of Object.entries(set)) byYear.set(year, arrangement);
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  const years: Record<string, string> = {};
  for (const [year, arrangement] of byYear) {
    for (const day of [...arrangement.holidays, ...arrangement.workdays]) {
      if (!isBusinessDate(day) || !day.startsWith(`${year}-`)) throw new RangeError(`${day} is not a day of ${year}`);
    }
    arrangement.holidays.forEach((day) => holidays.add(day));
    arrangement.workdays.forEach((day) => workdays.add(day));
    years[year] = arrangement.source;
  }
  return { holidays, workdays, years };
}

/** The arrangements the ledger ships (2026). */
export const SHIPPED_HOLIDAYS: Readonly<Record<string, HolidayArrangement>> = shipped;

export const CHINA_WORKING_CALENDAR = workingCalendar(SHIPPED_HOLIDAYS);

const DAY_MS = 24 * 60 * 60 * 1000;
const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The business date `days` calendar days after `date` (before, when negative). */
export const addCalendarDays = (date: string, days: number): string => dateOf(dayMs(date) + days * DAY_MS);

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const calendarDaysBetween = (from: string, to: string): number => Math.round((dayMs(to) - dayMs(from)) / DAY_MS);

export function isWorkingDay(calendar: WorkingCalendar, date: string): boolean {
  if (calendar.holidays.has(date)) return false;
  if (calendar.workdays.has(date)) return true;
  const weekday = new Date(dayMs(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The `n`th working day after `date` (n ≥ 1): a follow-up opened on `date` and due in n working days is due on it. */
export function addWorkingDays(calendar: WorkingCalendar, date: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`A number of working days is a whole number from 1: ${n}`);
  let day = date;
  for (let counted = 0; counted < n; ) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(calendar, day)) counted += 1;
  }
  return day;
}

/** Working days after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
  let count = 0;
  for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) {
    if (isWorkingDay(calendar, day)) count += 1;
  }
  return count;
}
