/**
 * Enterprise size classes (大型/中型/小型/微型) and the shape of a size standard: the thresholds
 * are data, one `SizeStandard` per regulation, so that a revised standard is a new value, not new code.
 */
import { codeList, type CodeOf } from '../code-lists';

const sizeClasses = codeList({
  LARGE: { zh: '大型企业', en: 'large enterprise' },
  MEDIUM: { zh: '中型企业', en: 'medium enterprise' },
  SMALL: { zh: '小型企业', en: 'small enterprise' },
  MICRO: { zh: '微型企业', en: 'micro enterprise' },
});
export type SizeClass = CodeOf<typeof sizeClasses>;
export const SIZE_CLASSES = sizeClasses.codes;
export const SIZE_CLASS_LABELS = sizeClasses.labels;

export const SizeClassSchema = sizeClasses.schema('企业规模', 'SizeClass');

/** The measures a standard may use: 从业人员 in persons, 营业收入 and 资产总额 in 万元 (ten thousand yuan). */
const measures = codeList({
  employees: { zh: '从业人员', en: 'Employees', unitZh: '人', unitEn: 'persons' },
  revenue: { zh: '营业收入', en: 'Revenue', unitZh: '万元', unitEn: '×10,000 CNY' },
  assets: { zh: '资产总额', en: 'Total assets', unitZh: '万元', unitEn: '×10,000 CNY' },
});
export type Measure = CodeOf<typeof measures>;
export const MEASURES = measures.codes;
export const MEASURE_LABELS = measures.labels;

/** The figures an enterprise is classified on; a standard's row says which of them it needs. */
export type SizeFigures = Partial<Record<Measure, number>>;

const industries = codeList({
  AGRICULTURE: { zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' },
  INDUSTRY: { zh: '工业', en: 'Industry' },
  CONSTRUCTION: { zh: '建筑业', en: 'Construction' },
  WHOLESALE: { zh: '批发业', en: 'Wholesale' },
  RETAIL: { zh: '零售业', en: 'Retail' },
  TRANSPORT: { zh: '交通运输业', en: 'Transport' },
  WAREHOUSING: { zh: '仓储业', en: 'Warehousing' },
  POSTAL: { zh: '邮政业', en: 'Postal services' },
  ACCOMMODATION: { zh: '住宿业', en: 'Accommodation' },
  CATERING: { zh: '餐饮业', en: 'Catering' },
  INFORMATION_TRANSMISSION: { zh: '信息传输业', en: 'Information transmission' },
  SOFTWARE_IT: { zh: '软件和信息技术服务业', en: 'Software and information technology services' },
  REAL_ESTATE: { zh: '房地产开发经营', en: 'Real estate development and operation' },
  PROPERTY_MANAGEMENT: { zh: '物业管理', en: 'Property management' },
  LEASING_BUSINESS_SERVICES: { zh: '租赁和商务服务业', en: 'Leasing and business services' },
  OTHER: { zh: '其他未列明行业', en: 'Other industries not listed' },
});
export type IndustryCode = CodeOf<typeof industries>;
export const INDUSTRY_CODES = industries.codes;
export const INDUSTRY_LABELS = industries.labels;

export const IndustryCodeSchema = industries.schema('The industry row of the size standard (工信部联企业〔2011〕300号 第四条)', 'IndustryCode');

export const isIndustryCode = industries.is;

/**
 * One measure of an industry row. A value below `smeBelow` (“以下”) makes the enterprise an SME;
 * at or above `mediumFrom` / `smallFrom` (“及以上”) it meets that measure's 中型 / 小型 bound.
 */
export type MeasureBounds = {
  measure: Measure;
  smeBelow: number;
  mediumFrom: number;
  smallFrom: number;
};

export type IndustrySizeRow = {
  industry: IndustryCode;
  /** Where the row stands in the regulation, e.g. 第四条（二）. */
  clause: string;
  labelZh: string;
  /** The measures the row uses, in the order the regulation names them. */
  measures: readonly MeasureBounds[];
};

export type SizeStandard = {
  id: string;
  documentNumber: string;
  title: string;
  /** Business date (YYYY-MM-DD) from which the standard applies. */
  effectiveFrom: string;
  industries: readonly IndustrySizeRow[];
};
