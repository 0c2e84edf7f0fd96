/** GB/T 2260 administrative division codes: 2 digits province, 2 city, 2 county/district. */
import { invalid } from './domain-error';

export type Region = { code: string; nameZh: string; nameEn: string };

export const GUANGDONG_PROVINCE: Region = { code: '440000', nameZh: '广东省', nameEn: 'Guangdong Province' };

/**
 * Guangdong's 21 prefecture-level cities (地级以上市, GB/T 2260): what 粤经信服务〔2016〕334号's
 * "全省地级以上市市级服务中心建设全覆盖" counts over.
 */
export const GUANGDONG_PREFECTURE_CITIES: readonly Region[] = [
  { code: '440100', nameZh: '广州市', nameEn: 'Guangzhou' },
  { code: '440200', nameZh: '韶关市', nameEn: 'Shaoguan' },
  { code: '440300', nameZh: '深圳市', nameEn: 'Shenzhen' },
  { code: '440400', nameZh: '珠海市', nameEn: 'Zhuhai' },
  { code: '440500', nameZh: '汕头市', nameEn: 'Shantou' },
  { code: '440600', nameZh: '佛山市', nameEn: 'Foshan' },
  { code: '440700', nameZh: '江门市', nameEn: 'Jiangmen' },
  { code: '440800', nameZh: '湛江市', nameEn: 'Zhanjiang' },
  { code: '440900', nameZh: '茂名市', nameEn: 'Maoming' },
  { code: '441200', nameZh: '肇庆市', nameEn: 'Zhaoqing' },
  { code: '441300', nameZh: '惠州市', nameEn: 'Huizhou' },
  { code: '441400', nameZh: '梅州市', nameEn: 'Meizhou' },
  { code: '441500', nameZh: '汕尾市', nameEn: 'Shanwei' },
  { code: '441600', nameZh: '河源市', nameEn: 'Heyuan' },
  { code: '441700', nameZh: '阳江市', nameEn: 'Yangjiang' },
  { code: '441800', nameZh: '清远市', nameEn: 'Qingyuan' },
  { code: '441900', nameZh: '东莞市', nameEn: 'Dongguan' },
  { code: '442000', nameZh: '中山市', nameEn: 'Zhongshan' },
  { code: '445100', nameZh: '潮州市', nameEn: 'Chaozhou' },
  { code: '445200', nameZh: '揭阳市', nameEn: 'Jieyang' },
  { code: '445300', nameZh: '云浮市', nameEn: 'Yunfu' },
];

export const GUANGZHOU_CITY: Region = GUANGDONG_PREFECTURE_CITIES[0];

/** The eleven districts of Guangzhou (穗工信函〔2019〕1100号 附件4). */
export const GUANGZHOU_DISTRICTS: readonly Region[] = [
  { code: '440103', nameZh: '荔湾区', nameEn: 'Liwan' },
  { code: '440104', nameZh: '越秀区', nameEn: 'Yuexiu' },
  { code: '440105', nameZh: '海珠区', nameEn: 'Haizhu' },
  { code: '440106', nameZh: '天河区', nameEn: 'Tianhe' },
  { code: '440111', nameZh: '白云区', nameEn: 'Baiyun' },
  { code: '440112', nameZh: '黄埔区', nameEn: 'Huangpu' },
  { code: '440113', nameZh: '番禺区', nameEn: 'Panyu' },
  { code: '440114', nameZh: '花都区', nameEn: 'Huadu' },
  { code: '440115', nameZh: '南沙区', nameEn: 'Nansha' },
  { code: '440117', nameZh: '从化区', nameEn: 'Conghua' },
  { code: '440118', nameZh: '增城区', nameEn: 'Zengcheng' },
];

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
