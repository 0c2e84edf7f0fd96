import { isBusinessDate, instantMs } from './dates';

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * A moment for "as it stood at" questions: a Date or an ISO instant as given; a business date
 * 'YYYY-MM-DD' stands for the close of that day in China (the last millisecond before midnight, UTC+8).
 */
export function momentMs(at: Date | string): number {
  if (at instanceof Date) return at.getTime();
  if (isBusinessDate(at)) return Date.parse(`${at}T00:00:00+08:00`) + 24 * 60 * 60 * 1000 - 1;
  return instantMs(at);
}

/** The same wall-clock moment in China `years` calendar years later (29 February falls on 1 March). */
export function addChinaYears(instant: string, years: number): string {
  const shifted = new Date(instantMs(instant) + CHINA_OFFSET_MS);
  shifted.setUTCFullYear(shifted.getUTCFullYear() + years);
  return new Date(shifted.getTime() - CHINA_OFFSET_MS).toISOString();
}
