/** GB/T 2260 administrative division codes: 2 digits province, 2 city, 2 county/district. */
import { invalid } from './domain-error';
import regions from './regions.json';

export type Region = { code: string; nameZh: string; nameEn: string };

export const GUANGDONG_PROVINCE: Region = { code: '440000', nameZh: '广东省', nameEn: 'Guangdong Province' };

/**
 * Guangdong's 21 prefecture-level cities (地级以上市, GB/T 2260): what 粤经信服务〔2016〕334号's
 * "全省地级以上市市级服务中心建设全覆盖" counts over. The lists are data, in regions.json.
 */
export const GUANGDONG_PREFECTURE_CITIES: readonly Region[] = regions.guangdongPrefectureCities;

export const GUANGZHOU_CITY: Region = GUANGDONG_PREFECTURE_CITIES[0];

/** The eleven districts of Guangzhou (穗工信函〔2019〕1100号 附件4). */
export const GUANGZHOU_DISTRICTS: readonly Region[] = regions.guangzhouDistricts;

/** Cities whose districts we hold as data; a district of these must be one of the listed ones. */
const KNOWN_DISTRICTS: Readonly<Record<string, readonly Region[]>> = {
  [GUANGZHOU_CITY.code]: GUANGZHOU_DISTRICTS,
};

const KNOWN_REGIONS: readonly Region[] = [GUANGDONG_PROVINCE, ...GUANGDONG_PREFECTURE_CITIES, ...GUANGZHOU_DISTRICTS];

/** GB/T 2260 as a JSON-Schema/OpenAPI pattern. */
export const REGION_CODE_PATTERN = '^[1-9][0-9]{5}$';
const REGION_CODE = new RegExp(REGION_CODE_PATTERN);
export const isRegionCode = (code: string): boolean => typeof code === 'string' && REGION_CODE.test(code);

export const isProvinceCode = (code: string): boolean => isRegionCode(code) && code.endsWith('0000');

/** A prefecture-level code: ends in 00 but not 0000. */
export const isCityCode = (code: string): boolean => isRegionCode(code) && code.endsWith('00') && !code.endsWith('0000');

/** A county-level code (district, county, county-level city): does not end in 00. */
export const isCountyCode = (code: string): boolean => isRegionCode(code) && !code.endsWith('00');

/**
 * 不设区县的地级市: prefecture-level cities with no county-level division under them (东莞, 中山 in
 * Guangdong; 嘉峪关, 儋州 elsewhere). Their towns (镇、街道) stand where other cities have counties.
 */
export const CITIES_WITHOUT_COUNTIES: readonly string[] = ['441900', '442000', '620200', '460400'];

export const isCityWithoutCounties = (code: string): boolean => CITIES_WITHOUT_COUNTIES.includes(code);

/**
 * Whether `code` lies inside the city `cityCode`: same first four digits and county-level.
 * With `includeCity`, the city's own code counts as inside too.
 * For a city whose districts are held as data, only those districts count.
 */
export function isWithinCity(code: string, cityCode: string, options: { includeCity?: boolean } = {}): boolean {
  if (!isCityCode(cityCode) || !isRegionCode(code)) return false;
  if (code === cityCode) return options.includeCity === true;
  if (!isCountyCode(code) || code.slice(0, 4) !== cityCode.slice(0, 4)) return false;
  const known = KNOWN_DISTRICTS[cityCode];
  return known === undefined || known.some((district) => district.code === code);
}

/** The districts held as data for a city, or undefined when we hold none. */
export const districtsOf = (cityCode: string): readonly Region[] | undefined => KNOWN_DISTRICTS[cityCode];

/**
 * Whether `code` lies inside the region `scope` (GB/T 2260): a county-level scope holds only itself,
 * a city every code with its first four digits, a province every code with its first two.
 */
export function isWithinRegion(code: string, scope: string): boolean {
  if (!isRegionCode(code) || !isRegionCode(scope)) return false;
  if (isProvinceCode(scope)) return code.slice(0, 2) === scope.slice(0, 2);
  if (isCityCode(scope)) return code.slice(0, 4) === scope.slice(0, 4);
  return code === scope;
}

/** The prefecture-level city a city or county code belongs to (first four digits, then 00). */
export const cityCodeOf = (regionCode: string): string => `${regionCode.slice(0, 4)}00`;

/** The province a code belongs to (first two digits, then 0000). */
export const provinceCodeOf = (regionCode: string): string => `${regionCode.slice(0, 2)}0000`;

/** Whether two codes lie in the same prefecture-level city (same first four digits). */
export const inSameCity = (a: string, b: string): boolean =>
  typeof a === 'string' && typeof b === 'string' && a.length >= 4 && a.slice(0, 4) === b.slice(0, 4);

/** The Chinese name of a known region, else the code itself. */
export const regionNameZh = (code: string): string => KNOWN_REGIONS.find((r) => r.code === code)?.nameZh ?? code;

/** The region code a command names, trimmed, or undefined when it is not a six-digit GB/T 2260 code. */
export function asRegionCode(code: unknown): string | undefined {
  const trimmed = typeof code === 'string' ? code.trim() : '';
  return isRegionCode(trimmed) ? trimmed : undefined;
}

/** REGION_CODE_INVALID unless a six-digit GB/T 2260 code. */
export function requireRegionCode(code: unknown, field: string): string {
  const regionCode = asRegionCode(code);
  if (regionCode === undefined) {
    throw invalid('REGION_CODE_INVALID', `“${String(code)}”不是6位行政区划代码`, `"${String(code)}" is not a six-digit region code`, field);
  }
  return regionCode;
}

/** CITY_CODE_INVALID unless `code` is a city code. */
export function requireCityCode(code: string, field: string): void {
  if (!isCityCode(code)) {
    throw invalid('CITY_CODE_INVALID', `“${code}”不是地级市行政区划代码`, `"${code}" is not a city code`, field);
  }
}

/** STATION_OUTSIDE_CITY unless a station's district lies in the city. */
export function requireStationDistrict(districtCode: string, cityCode: string, field: string): void {
  if (!isWithinCity(districtCode, cityCode)) {
    throw invalid(
      'STATION_OUTSIDE_CITY',
      `服务站须位于${regionNameZh(cityCode)}的区内，区划代码“${districtCode}”不符`,
      `The station must be in a district of city ${cityCode}, not "${districtCode}"`,
      field,
    );
  }
}
