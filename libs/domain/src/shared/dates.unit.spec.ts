import { chinaDateOf, chinaYearOf, compareBusinessDates, instantMs, isAfter, isBusinessDate, isInstant, isYearMonth } from './dates';

describe('Business dates and instants', () => {
  it('business dates are real calendar days YYYY-MM-DD', () => {
    expect(isBusinessDate('2018-01-01')).toBe(true);
    expect(isBusinessDate('2020-02-29')).toBe(true);
    expect(isBusinessDate('2019-02-29')).toBe(false);
    expect(isBusinessDate('1900-02-29')).toBe(false);
    expect(isBusinessDate('2000-02-29')).toBe(true);
    expect(isBusinessDate('2018-13-01')).toBe(false);
    expect(isBusinessDate('2018-1-1')).toBe(false);
    expect(isBusinessDate('2018-01-01T00:00:00Z')).toBe(false);
    expect(isBusinessDate(20180101)).toBe(false);
  });

  it('year-months are YYYY-MM', () => {
    expect(isYearMonth('2015-06')).toBe(true);
    expect(isYearMonth('2015-13')).toBe(false);
    expect(isYearMonth('2015-06-01')).toBe(false);
  });

  it('instants need an explicit offset', () => {
    expect(isInstant('2019-06-18T17:00:00+08:00')).toBe(true);
    expect(isInstant('2019-06-18T09:00:00.000Z')).toBe(true);
    expect(isInstant('2019-06-18T17:00+08:00')).toBe(true);
    expect(isInstant('2019-06-18T17:00:00')).toBe(false);
    expect(isInstant('2019-06-18')).toBe(false);
    expect(isInstant('2019-06-31T17:00:00+08:00')).toBe(false);
    expect(isInstant('2019-06-18T24:00:00+08:00')).toBe(false);
    expect(() => instantMs('tomorrow')).toThrow(RangeError);
  });

  it('compare instants by the moment they denote', () => {
    const deadline = '2019-06-18T17:00:00+08:00';
    expect(isAfter(new Date('2019-06-18T09:00:00Z'), deadline)).toBe(false);
    expect(isAfter(new Date('2019-06-18T09:00:00.001Z'), deadline)).toBe(true);
    expect(isAfter(new Date('2019-06-18T16:59:59+08:00'), deadline)).toBe(false);
  });

  it('compare business dates as calendar values', () => {
    expect(compareBusinessDates('2017-12-31', '2018-01-01')).toBe(-1);
    expect(compareBusinessDates('2018-01-01', '2018-01-01')).toBe(0);
    expect(compareBusinessDates('2018-01-02', '2018-01-01')).toBe(1);
  });

  it('place an instant on China’s calendar (UTC+8)', () => {
    expect(chinaYearOf('2019-12-31T16:00:00Z')).toBe(2020);
    expect(chinaYearOf('2019-12-31T15:59:59Z')).toBe(2019);
    expect(chinaYearOf(new Date('2019-06-18T09:00:00Z'))).toBe(2019);
    expect(chinaDateOf('2019-06-18T17:00:00Z')).toBe('2019-06-19');
  });
});
