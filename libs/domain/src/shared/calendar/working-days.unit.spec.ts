import { addCalendarDays, addWorkingDays, CHINA_WORKING_CALENDAR, calendarDaysBetween, isWorkingDay, workingCalendar, workingDaysBetween } from './working-days';

const calendar = CHINA_WORKING_CALENDAR;

describe('the working-day calendar', () => {
  it.each([
    ['2026-03-02', true, 'a Monday'],
    ['2026-03-07', false, 'a Saturday'],
    ['2026-03-08', false, 'a Sunday'],
    ['2026-01-01', false, '元旦, a Thursday'],
    ['2026-01-04', true, 'a Sunday worked for 元旦 (调休)'],
    ['2026-02-23', false, 'the last day of 春节, a Monday'],
    ['2026-02-14', true, 'a Saturday worked for 春节'],
    ['2026-02-28', true, 'a Saturday worked for 春节'],
    ['2026-10-07', false, '国庆节, a Wednesday'],
    ['2026-10-10', true, 'a Saturday worked for 国庆节'],
    ['2027-10-01', true, 'a Friday of a year without a known arrangement (weekends only)'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDay(calendar, date)).toBe(expected);
  });

  it('counts 5 working days from a Tuesday to the next Tuesday', () => {
    expect(addWorkingDays(calendar, '2026-03-03', 5)).toBe('2026-03-10');
  });

  it('passes over 春节: 5 working days after Friday 13 February fall on Saturday 28 February (调休) — 14 Feb counts, 15–23 do not', () => {
    // 14 (Sat, worked), 24, 25, 26, 27 → the 5th is 27 Feb.
    expect(addWorkingDays(calendar, '2026-02-13', 5)).toBe('2026-02-27');
    expect(addWorkingDays(calendar, '2026-02-13', 6)).toBe('2026-02-28');
  });

  it('passes over 国庆节 and counts the Sunday worked before it', () => {
    // From Friday 18 Sep: 20 (Sun, worked), 21, 22, 23, 24 → 5th is 24 Sep; then 28, 29, 30, 8 Oct, 9 Oct, 10 Oct (Sat, worked).
    expect(addWorkingDays(calendar, '2026-09-18', 5)).toBe('2026-09-24');
    expect(addWorkingDays(calendar, '2026-09-24', 6)).toBe('2026-10-10');
  });

  it('counts the working days between two dates, the first excluded', () => {
    expect(workingDaysBetween(calendar, '2026-03-03', '2026-03-10')).toBe(5);
    expect(workingDaysBetween(calendar, '2026-09-30', '2026-10-08')).toBe(1);
    expect(workingDaysBetween(calendar, '2026-03-10', '2026-03-03')).toBe(0);
  });

  it('refuses a count of working days below one', () => {
    expect(() => addWorkingDays(calendar, '2026-03-03', 0)).toThrow(RangeError);
  });

  it('takes further holidays from settings, a later arrangement replacing the shipped one for its year', () => {
    const local = workingCalendar({ '2026': { source: 'shipped', holidays: ['2026-01-01'], workdays: [] } }, { '2026': { source: 'local', holidays: ['2026-03-03'], workdays: [] } });
    expect(isWorkingDay(local, '2026-03-03')).toBe(false);
    expect(isWorkingDay(local, '2026-01-01')).toBe(true);
    expect(local.years).toEqual({ '2026': 'local' });
  });

  it('refuses an arrangement naming a day of another year', () => {
    expect(() => workingCalendar({ '2026': { source: 'x', holidays: ['2027-01-01'], workdays: [] } })).toThrow(RangeError);
  });

  it('does calendar arithmetic across months and years', () => {
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(calendarDaysBetween('2026-01-01', '2026-01-31')).toBe(30);
  });
});
