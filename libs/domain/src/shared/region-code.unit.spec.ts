import {
  districtsOf,
  GUANGZHOU_DISTRICTS,
  isCityCode,
  isCountyCode,
  isProvinceCode,
  isRegionCode,
  isWithinCity,
  regionNameZh,
  requireCityCode,
  requireStationDistrict,
} from './region-code';
import { domainErrorOf } from './testing';

describe('Region codes (GB/T 2260)', () => {
  it.each([
    ['440106', true],
    ['44010', false],
    ['4401066', false],
    ['04010A', false],
    ['040106', false],
  ])('are six digits not starting with 0: %p is one: %p', (code, expected) => {
    expect(isRegionCode(code)).toBe(expected);
  });

  it.each([
    { isOfLevel: isProvinceCode, value: '440000', expected: true },
    { isOfLevel: isProvinceCode, value: '440100', expected: false },
    { isOfLevel: isCityCode, value: '440100', expected: true },
    { isOfLevel: isCityCode, value: '440000', expected: false },
    { isOfLevel: isCityCode, value: '440106', expected: false },
    { isOfLevel: isCountyCode, value: '440106', expected: true },
    { isOfLevel: isCountyCode, value: '440100', expected: false },
  ])('tell province, city and county apart: $isOfLevel.name($value) is $expected', ({ isOfLevel, value, expected }) => {
    expect(isOfLevel(value)).toBe(expected);
  });

  it('hold the eleven districts of Guangzhou', () => {
    expect(GUANGZHOU_DISTRICTS.map((d) => d.code)).toEqual([
      '440103', '440104', '440105', '440106', '440111', '440112', '440113', '440114', '440115', '440117', '440118',
    ]);
    expect(regionNameZh('440106')).toBe('天河区');
    expect(regionNameZh('440100')).toBe('广州市');
    expect(regionNameZh('440000')).toBe('广东省');
    expect(regionNameZh('999999')).toBe('999999');
    expect(districtsOf('440100')).toBe(GUANGZHOU_DISTRICTS);
    expect(districtsOf('440300')).toBeUndefined();
  });

  describe('isWithinCity', () => {
    it.each([
      ['accepts a district of the city', '440106', '440100', true],
      ['accepts a district of the city', '440105', '440100', true],
      ['refuses a district of another city', '440305', '440100', false],
      ['counts the city itself only when asked', '440100', '440100', false],
      ['refuses a code with the city prefix that is not one of its listed districts', '440101', '440100', false],
      ['refuses a code with the city prefix that is not one of its listed districts', '440199', '440100', false],
      ['goes by the prefix for a city whose districts are not held as data', '440305', '440300', true],
      ['needs a city code to compare with', '440106', '440000', false],
      ['needs a city code to compare with', '440106', '440106', false],
      ['needs a city code to compare with', 'bogus', '440100', false],
    ])('%s: %s within %s is %p', (_rule, code, cityCode, expected) => {
      expect(isWithinCity(code, cityCode)).toBe(expected);
    });

    it('counts the city itself only when asked: asked', () => {
      expect(isWithinCity('440100', '440100', { includeCity: true })).toBe(true);
    });
  });

  it('requireCityCode and requireStationDistrict name the field', () => {
    expect(() => requireCityCode('440100', 'cityCode')).not.toThrow();
    expect(domainErrorOf(() => requireCityCode('440106', 'cityCode'))).toMatchObject({ code: 'CITY_CODE_INVALID', kind: 'VALIDATION', field: 'cityCode' });
    expect(() => requireStationDistrict('440106', '440100', 'districtCode')).not.toThrow();
    const error = domainErrorOf(() => requireStationDistrict('440305', '440100', 'station.districtCode'));
    expect(error).toMatchObject({ code: 'STATION_OUTSIDE_CITY', field: 'station.districtCode' });
    expect(error.messageZh).toContain('广州市');
  });
});
