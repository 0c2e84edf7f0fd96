/**
 * Two kinds of time. A business date ('YYYY-MM-DD', e.g. a registration date or a cut-off) is a
 * calendar day with no zone. An instant (a deadline, the moment of an act) is ISO-8601 with an
 * explicit offset, e.g. 2019-06-18T17:00:00+08:00, and compares by the moment it denotes.
 */

const BUSINESS_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

/** China has kept one offset, +08:00, without daylight saving since 1992. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** The years a business date of the ledger may fall in: from the oldest enterprise to the furthest validity. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

function isCalendarDay(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  return y >= FIRST_YEAR && y <= LAST_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** 'YYYY-MM-DD' naming a real calendar day, from 1900 to 2100. */
export function isBusinessDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = BUSINESS_DATE.exec(value);
  return match !== null && isCalendarDay(match[1], match[2], match[3]);
}

/** 'YYYY-MM' (from 1900 to 2100). */
export function isYearMonth(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = YEAR_MONTH.exec(value);
  return match !== null && Number(match[1]) >= FIRST_YEAR && Number(match[1]) <= LAST_YEAR && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

/** ISO-8601 date-time with an explicit offset (Z or ±hh:mm), on a real calendar day. */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = INSTANT.exec(value);
  return match !== null && isCalendarDay(match[1], match[2], match[3]) && !Number.isNaN(Date.parse(value));
}

/** Milliseconds since the epoch of a valid instant string. */
export function instantMs(instant: string): number {
  if (!isInstant(instant)) throw new RangeError(`Not an ISO-8601 instant with offset: ${instant}`);
  return Date.parse(instant);
}

/** Whether the moment `at` is strictly after the instant `deadline`. */
export const isAfter = (at: Date, deadline: string): boolean => at.getTime() > instantMs(deadline);

/** Compares two business dates (or two year-months) as calendar values. */
export const compareBusinessDates = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The calendar year in China (UTC+8) in which an instant falls. (Converts the given moment; reads no clock.) */
export function chinaYearOf(instant: string | Date): number {
  const ms = typeof instant === 'string' ? instantMs(instant) : instant.getTime();
  return new Date(ms + CHINA_OFFSET_MS).getUTCFullYear();
}

/** The business date in China (UTC+8) on which an instant falls. */
export function chinaDateOf(instant: string | Date): string {
  const ms = typeof instant === 'string' ? instantMs(instant) : instant.getTime();
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * An instant as a reader in China reads it, for messages: ISO 8601 at +08:00 (2019-06-10T10:00:00+08:00),
 * whatever offset it was stored or sent with. (Converts the given moment; reads no clock.)
 */
export function chinaTimeOf(instant: string | Date): string {
  const ms = typeof instant === 'string' ? instantMs(instant) : instant.getTime();
  const local = new Date(ms + CHINA_OFFSET_MS).toISOString();
  const fraction = local.slice(19, 23) === '.000' ? '' : local.slice(19, 23);
  return `${local.slice(0, 19)}${fraction}+08:00`;
}
