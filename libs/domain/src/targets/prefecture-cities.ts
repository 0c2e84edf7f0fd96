import { GUANGDONG_PREFECTURE_CITIES, type Region } from '../shared/region-code';

export { GUANGDONG_PREFECTURE_CITIES };

/** The prefecture-level cities of a province the ledger holds as data (Guangdong), else undefined. */
export const prefectureCitiesOf = (provinceCode: string): readonly Region[] | undefined =>
  provinceCode === '440000' ? GUANGDONG_PREFECTURE_CITIES : undefined;
