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
  it('are six digits not starting with 0', () => {
    expect(isRegionCode('440106')).toBe(true);
    expect(isRegionCode('44010')).toBe(false);
    expect(isRegionCode('4401066')).toBe(false);
    expect(isRegionCode('04010A')).toBe(false);
    expect(isRegionCode('040106')).toBe(false);
  });

  it('tell province, city and county apart', () => {
    expect(isProvinceCode('440000')).toBe(true);
    expect(isProvinceCode('440100')).toBe(false);
    expect(isCityCode('440100')).toBe(true);
    expect(isCityCode('440000')).toBe(false);
    expect(isCityCode('440106')).toBe(false);
    expect(isCountyCode('440106')).toBe(true);
    expect(isCountyCode('440100')).toBe(false);
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
    it('accepts a district of the city', () => {
      expect(isWithinCity('440106', '440100')).toBe(true);
      expect(isWithinCity('440105', '440100')).toBe(true);
    });

    it('refuses a district of another city', () => {
      expect(isWithinCity('440305', '440100')).toBe(false);
    });

    it('counts the city itself only when asked', () => {
      expect(isWithinCity('440100', '440100')).toBe(false);
      expect(isWithinCity('440100', '440100', { includeCity: true })).toBe(true);
    });

    it('refuses a code with the city prefix that is not one of its listed districts', () => {
      expect(isWithinCity('440101', '440100')).toBe(false);
      expect(isWithinCity('440199', '440100')).toBe(false);
    });

    it('goes by the prefix for a city whose districts are not held as data', () => {
      expect(isWithinCity('440305', '440300')).toBe(true);
    });

    it('needs a city code to compare with', () => {
      expect(isWithinCity('440106', '440000')).toBe(false);
      expect(isWithinCity('440106', '440106')).toBe(false);
      expect(isWithinCity('bogus', '440100')).toBe(false);
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
