import type { Region } from '../shared/region-code';

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

/** The prefecture-level cities of a province the ledger holds as data (Guangdong), else undefined. */
export const prefectureCitiesOf = (provinceCode: string): readonly Region[] | undefined =>
  provinceCode === '440000' ? GUANGDONG_PREFECTURE_CITIES : undefined;
