import { GUANGDONG_PREFECTURE_CITIES, GUANGZHOU_DISTRICTS } from '@sme/domain';

/**
 * Guangdong's 21 prefecture-level cities (GB/T 2260, from the domain's list) for the province bench:
 * the abbreviation their documents use, a weight (roughly each city's share of the province's SMEs,
 * which shares out stations, providers, enterprises and services) and some of its county-level
 * divisions (GB/T 2260; Guangzhou's are all eleven, from the domain). 东莞 and 中山 have no county-level
 * division: their records stand at the city's own code.
 */
export interface BenchCity {
  code: string;
  nameZh: string;
  abbr: string;
  weight: number;
  /** County-level codes (districts, counties, county-level cities); empty for a city without counties. */
  districts: readonly string[];
}

const DETAILS: Record<string, { abbr: string; weight: number; districts: readonly string[] }> = {
  '440100': { abbr: '穗', weight: 16, districts: GUANGZHOU_DISTRICTS.map((d) => d.code) },
  '440200': { abbr: '韶', weight: 1, districts: ['440203', '440204', '440205', '440281', '440282'] }, // 武江 浈江 曲江 乐昌 南雄
  '440300': { abbr: '深', weight: 18, districts: ['440303', '440304', '440305', '440306', '440307', '440308', '440309', '440310', '440311'] }, // 罗湖 福田 南山 宝安 龙岗 盐田 龙华 坪山 光明
  '440400': { abbr: '珠', weight: 3, districts: ['440402', '440403', '440404'] }, // 香洲 斗门 金湾
  '440500': { abbr: '汕', weight: 4, districts: ['440507', '440511', '440512', '440513', '440514', '440515'] }, // 龙湖 金平 濠江 潮阳 潮南 澄海
  '440600': { abbr: '佛', weight: 10, districts: ['440604', '440605', '440606', '440607', '440608'] }, // 禅城 南海 顺德 三水 高明
  '440700': { abbr: '江', weight: 3, districts: ['440703', '440704', '440705', '440781', '440783', '440784', '440785'] }, // 蓬江 江海 新会 台山 开平 鹤山 恩平
  '440800': { abbr: '湛', weight: 2, districts: ['440802', '440803', '440804', '440811', '440881', '440882', '440883'] }, // 赤坎 霞山 坡头 麻章 廉江 雷州 吴川
  '440900': { abbr: '茂', weight: 2, districts: ['440902', '440904', '440981', '440982', '440983'] }, // 茂南 电白 高州 化州 信宜
  '441200': { abbr: '肇', weight: 2, districts: ['441202', '441203', '441204', '441284'] }, // 端州 鼎湖 高要 四会
  '441300': { abbr: '惠', weight: 4, districts: ['441302', '441303', '441322', '441323', '441324'] }, // 惠城 惠阳 博罗 惠东 龙门
  '441400': { abbr: '梅', weight: 1, districts: ['441402', '441403', '441481'] }, // 梅江 梅县 兴宁
  '441500': { abbr: '汕尾', weight: 1, districts: ['441502', '441521', '441581'] }, // 城区 海丰 陆丰
  '441600': { abbr: '河', weight: 1, districts: ['441602', '441625'] }, // 源城 东源
  '441700': { abbr: '阳', weight: 1, districts: ['441702', '441704', '441781'] }, // 江城 阳东 阳春
  '441800': { abbr: '清', weight: 2, districts: ['441802', '441803', '441881', '441882'] }, // 清城 清新 英德 连州
  '441900': { abbr: '东', weight: 10, districts: [] },
  '442000': { abbr: '中', weight: 4, districts: [] },
  '445100': { abbr: '潮', weight: 2, districts: ['445102', '445103', '445122'] }, // 湘桥 潮安 饶平
  '445200': { abbr: '揭', weight: 3, districts: ['445202', '445203', '445281'] }, // 榕城 揭东 普宁
  '445300': { abbr: '云', weight: 1, districts: ['445302', '445303', '445381'] }, // 云城 云安 罗定
};

export const BENCH_CITIES: readonly BenchCity[] = GUANGDONG_PREFECTURE_CITIES.map((city) => ({ code: city.code, nameZh: city.nameZh, ...DETAILS[city.code] }));

/** Where a city's records stand: one of its districts in turn, or the city itself when it has none. */
export const placeIn = (city: BenchCity, n: number): string => (city.districts.length === 0 ? city.code : city.districts[n % city.districts.length]);

/** `total` shared out by weight, largest remainders first; the shares add up to `total`. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  const left = total - shares.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k += 1) shares[order[k % order.length][1]] += 1;
  return shares;
}

/** A small seeded generator (mulberry32): the same year every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
