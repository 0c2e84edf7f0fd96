/**
 * Enterprise size classes (大型/中型/小型/微型) and the shape of a size standard: the thresholds
 * are data, one `SizeStandard` per regulation, so that a revised standard is a new value, not new code.
 */
import { codeLists, type CodeOf } from '../code-lists';
import codes from './size-class.codes.json';

export const { sizeClasses, sizeMeasures, industries } = codeLists(codes);

export type SizeClass = CodeOf<typeof sizeClasses>;

export const SizeClassSchema = sizeClasses.schema('企业规模', 'SizeClass');

/** The measures a standard may use: 从业人员 in persons, 营业收入 and 资产总额 in 万元 (ten thousand yuan). */
export type Measure = CodeOf<typeof sizeMeasures>;

/** The figures an enterprise is classified on; a standard's row says which of them it needs. */
export type SizeFigures = Partial<Record<Measure, number>>;

export type IndustryCode = CodeOf<typeof industries>;

export const IndustryCodeSchema = industries.schema('The industry row of the size standard (工信部联企业〔2011〕300号 第四条)', 'IndustryCode');

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
