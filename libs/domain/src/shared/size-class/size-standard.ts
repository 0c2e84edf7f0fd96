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

/**
 * A size standard read from its data file (`<id>.json` beside this one), checked on loading: every
 * industry and measure a known code, every bound a positive number. A file that is not such a
 * standard stops the program at start rather than classifying wrongly.
 */
export function sizeStandardOf(data: unknown): SizeStandard {
  const standard = data as SizeStandard;
  const where = typeof standard?.id === 'string' ? standard.id : 'size standard';
  const fail = (what: string): never => {
    throw new Error(`${where}: ${what}`);
  };
  for (const key of ['id', 'documentNumber', 'title', 'effectiveFrom'] as const) if (typeof standard?.[key] !== 'string') fail(`${key} must be text`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(standard.effectiveFrom)) fail('effectiveFrom must be a date (YYYY-MM-DD)');
  if (!Array.isArray(standard.industries) || standard.industries.length === 0) fail('industries must list its rows');
  for (const row of standard.industries) {
    if (!industries.is(row.industry)) fail(`unknown industry ${String(row.industry)}`);
    if (typeof row.clause !== 'string' || typeof row.labelZh !== 'string') fail(`${row.industry}: clause and labelZh must be text`);
    if (!Array.isArray(row.measures) || row.measures.length === 0) fail(`${row.industry}: measures must list at least one`);
    for (const bounds of row.measures) {
      if (!sizeMeasures.is(bounds.measure)) fail(`${row.industry}: unknown measure ${String(bounds.measure)}`);
      const numbers = [bounds.smeBelow, bounds.mediumFrom, bounds.smallFrom];
      if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n) && n > 0)) fail(`${row.industry} ${bounds.measure}: bounds must be positive numbers`);
    }
  }
  return standard;
}
