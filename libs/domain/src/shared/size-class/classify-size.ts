import { invalid } from '../domain-error';
import { requireAmount } from '../validation';
import { MIIT_2011_300 } from './miit-2011-300';
import {
  industries,
  sizeMeasures,
  sizeClasses,
  type IndustryCode,
  type IndustrySizeRow,
  type MeasureBounds,
  type SizeClass,
  type SizeFigures,
  type SizeStandard,
} from './size-standard';

/** Every size standard we hold, oldest first. A revision is appended, never edited in place. */
export const SIZE_STANDARDS: readonly SizeStandard[] = [MIIT_2011_300];

/** The standard in force on a business date (the latest whose `effectiveFrom` is not after it). */
export function sizeStandardOn(date: string, standards: readonly SizeStandard[] = SIZE_STANDARDS): SizeStandard | undefined {
  let inForce: SizeStandard | undefined;
  for (const standard of standards) {
    if (standard.effectiveFrom <= date && (inForce === undefined || standard.effectiveFrom >= inForce.effectiveFrom)) inForce = standard;
  }
  return inForce;
}

export type SizeClassification = {
  sizeClass: SizeClass;
  standardId: string;
  industry: IndustryCode;
  /** Why, in Chinese: the clause, the figures and the bounds that decided it. */
  basis: string;
};

/** INDUSTRY_CODE_INVALID unless one of industries.codes. */
export function requireIndustryCode(value: unknown, field = 'industryCode'): IndustryCode {
  if (!industries.is(value)) {
    throw invalid(
      'INDUSTRY_CODE_INVALID',
      `行业代码“${String(value)}”无效，应为《中小企业划型标准规定》所列行业之一：${industries.codes.join('、')}`,
      `"${String(value)}" is not an industry code (one of ${industries.codes.join(', ')})`,
      field,
    );
  }
  return value;
}

/** The standard's row for an industry; INDUSTRY_CODE_INVALID when the standard lists no such industry. */
export function industryRowOf(standard: SizeStandard, industryCode: unknown, field = 'industryCode'): IndustrySizeRow {
  const code = requireIndustryCode(industryCode, field);
  const row = standard.industries.find((r) => r.industry === code);
  if (row === undefined) {
    throw invalid(
      'INDUSTRY_CODE_INVALID',
      `${standard.documentNumber}未列${industries.labels[code].zh}的划型标准`,
      `Standard ${standard.id} has no row for ${code}`,
      field,
    );
  }
  return row;
}

type Reading = { bounds: MeasureBounds; value: number };
type Level = 'smeBelow' | 'mediumFrom' | 'smallFrom';

function readFigures(row: IndustrySizeRow, figures: SizeFigures, field: string): Reading[] {
  const missing = row.measures.filter((b) => figures[b.measure] == null);
  if (missing.length > 0) {
    const names = missing.map((b) => sizeMeasures.labels[b.measure]);
    throw invalid(
      'FIGURES_INCOMPLETE',
      `${row.labelZh}划型须有${names.map((n) => n.zh).join('、')}`,
      `Classifying a ${row.industry} enterprise needs ${missing.map((b) => b.measure).join(', ')}`,
      `${field}.${missing[0].measure}`,
    );
  }
  return row.measures.map((bounds) => {
    const label = sizeMeasures.labels[bounds.measure];
    return { bounds, value: requireAmount(figures[bounds.measure], `${field}.${bounds.measure}`, label, 0) };
  });
}

const amount = ({ bounds, value }: Reading) => `${sizeMeasures.labels[bounds.measure].zh}${value}${sizeMeasures.labels[bounds.measure].unitZh}`;
const bound = (r: Reading, n: number) => `${n}${sizeMeasures.labels[r.bounds.measure].unitZh}`;
const meets = (readings: Reading[], level: Level, words: string) =>
  readings.map((r) => `${amount(r)}（${bound(r, r.bounds[level])}${words}）`).join('且');
const below = (readings: Reading[], level: Level, joiner: string) =>
  readings.map((r) => `${amount(r)}低于${bound(r, r.bounds[level])}`).join(joiner);

/**
 * 划型 under one standard. “以下” is strictly below, “及以上” at or above:
 * not an SME (大型) when every measure of the row is at or above its SME bound (the SME clause joins
 * them with “或”); 中型 when every measure meets its 中型 bound; 微型 when any measure is below its
 * 小型 bound (“或”); 小型 otherwise. Measures the row does not use are ignored.
 * FIGURES_INCOMPLETE names the measures the row needs and `figures` lacks.
 * 个体工商户 are classified with the same table (参照本规定), so they need nothing of their own here.
 */
export function classifySize(standard: SizeStandard, industryCode: IndustryCode, figures: SizeFigures, field = 'figures'): SizeClassification {
  const row = industryRowOf(standard, industryCode);
  const readings = readFigures(row, figures ?? {}, field);
  const result = (sizeClass: SizeClass, why: string): SizeClassification => ({
    sizeClass,
    standardId: standard.id,
    industry: row.industry,
    basis: `依据《${standard.title}》（${standard.documentNumber}）${row.clause}${row.labelZh}：${why}，为${sizeClasses.labels[sizeClass].zh}`,
  });

  const underSme = readings.filter((r) => r.value < r.bounds.smeBelow);
  if (underSme.length === 0) return result('LARGE', `${meets(readings, 'smeBelow', '及以上')}，不属于中小微型企业`);
  const sme = `${below(underSme, 'smeBelow', '或')}，属中小微型企业`;

  const underSmall = readings.filter((r) => r.value < r.bounds.smallFrom);
  if (underSmall.length > 0) return result('MICRO', `${sme}；${below(underSmall, 'smallFrom', '或')}`);

  const underMedium = readings.filter((r) => r.value < r.bounds.mediumFrom);
  if (underMedium.length === 0) return result('MEDIUM', `${sme}；${meets(readings, 'mediumFrom', '及以上')}`);
  return result('SMALL', `${sme}；${below(underMedium, 'mediumFrom', '或')}，未达中型标准；${meets(readings, 'smallFrom', '及以上')}`);
}
