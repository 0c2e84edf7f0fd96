import { chinaDateOf, chinaTimeOf, chinaYearOf, compareBusinessDates, instantMs, isAfter, isBusinessDate, isInstant, isYearMonth } from './dates';

describe('Business dates and instants', () => {
  describe.each([
    {
      rule: 'business dates are real calendar days YYYY-MM-DD',
      recognise: isBusinessDate,
      valid: ['2018-01-01', '2020-02-29', '2000-02-29'],
      invalid: ['2019-02-29', '1900-02-29', '2018-13-01', '2018-1-1', '2018-01-01T00:00:00Z', 20180101],
    },
    {
      rule: 'year-months are YYYY-MM',
      recognise: isYearMonth,
      valid: ['2015-06'],
      invalid: ['2015-13', '2015-06-01'],
    },
    {
      rule: 'instants need an explicit offset',
      recognise: isInstant,
      valid: ['2019-06-18T17:00:00+08:00', '2019-06-18T09:00:00.000Z', '2019-06-18T17:00+08:00'],
      invalid: ['2019-06-18T17:00:00', '2019-06-18', '2019-06-31T17:00:00+08:00', '2019-06-18T24:00:00+08:00'],
    },
  ])('$rule', ({ recognise, valid, invalid }) => {
    it.each(valid)('%p is one', (value) => {
      expect(recognise(value)).toBe(true);
    });

    it.each(invalid)('%p is not one', (value) => {
      expect(recognise(value)).toBe(false);
    });
  });

  it('instants need an explicit offset: reading what is not one throws', () => {
    expect(() => instantMs('tomorrow')).toThrow(RangeError);
  });

  it.each([
    ['2019-06-18T09:00:00Z', false],
    ['2019-06-18T09:00:00.001Z', true],
    ['2019-06-18T16:59:59+08:00', false],
  ])('compare instants by the moment they denote: %s is after 2019-06-18T17:00:00+08:00: %p', (moment, expected) => {
    expect(isAfter(new Date(moment), '2019-06-18T17:00:00+08:00')).toBe(expected);
  });

  it.each([
    ['2017-12-31', '2018-01-01', -1],
    ['2018-01-01', '2018-01-01', 0],
    ['2018-01-02', '2018-01-01', 1],
  ])('compare business dates as calendar values: %s against %s is %p', (a, b, expected) => {
    expect(compareBusinessDates(a, b)).toBe(expected);
  });

  it.each([
    ['2019-12-31T16:00:00Z', 2020],
    ['2019-12-31T15:59:59Z', 2019],
    [new Date('2019-06-18T09:00:00Z'), 2019],
  ])('place an instant on China’s calendar (UTC+8): %p falls in %p', (instant, year) => {
    expect(chinaYearOf(instant)).toBe(year);
  });

  it('place an instant on China’s calendar (UTC+8): its day', () => {
    expect(chinaDateOf('2019-06-18T17:00:00Z')).toBe('2019-06-19');
  });

  it('write an instant for a reader in China, at +08:00 whatever offset it came with', () => {
    expect(chinaTimeOf('2019-06-10T02:00:00.000Z')).toBe('2019-06-10T10:00:00+08:00');
    expect(chinaTimeOf(new Date('2019-06-18T17:00:00.250Z'))).toBe('2019-06-19T01:00:00.250+08:00');
    expect(chinaTimeOf('2019-06-10T10:00:00+08:00')).toBe('2019-06-10T10:00:00+08:00');
  });

  it('take business dates from 1900 to 2100 only', () => {
    expect([isBusinessDate('1900-01-01'), isBusinessDate('2100-12-31'), isBusinessDate('1899-12-31'), isBusinessDate('2101-01-01'), isBusinessDate('9999-12-31')]).toEqual([true, true, false, false, false]);
  });
});
