import { centreLevels, type CentreCheck, type CentreFacts, type CentreLevel, type CentreMeasure, type CentreShortfall } from './centre.terms';

/** A bound: `atLeast` is “以上” (the number itself meets it); `above` is strictly more (a venue: more than 0 ㎡). */
export type Bound = { atLeast: number } | { above: number };

/** One level's standard: the venue in ㎡, full-time staff, and the professional share in whole percent (none for a county). */
export interface LevelStandard {
  area: Bound;
  fullTimeStaff: Bound;
  professionalPercent?: Bound;
}

export interface CentreStandard {
  id: string;
  documentNumber: string;
  title: string;
  clause: string;
  effectiveFrom: string;
  levels: Readonly<Record<CentreLevel, LevelStandard>>;
}

/**
 * 《关于加快推进中小企业服务中心建设的指导意见》(粤经信服务〔2016〕334号) 三（三）1: 省级 1000 ㎡以上、35 人以上、
 * 专业人员占 80% 以上; 市级 200 ㎡以上、6 人以上、70% 以上; 县（市、区）“相应的服务场所和专职人员” —
 * read as a venue and at least one full-time person. 镇级 (东莞, 中山) is held to the county's.
 */
export const GD_2016_334: CentreStandard = {
  id: 'GD-2016-334',
  documentNumber: '粤经信服务〔2016〕334号',
  title: '关于加快推进中小企业服务中心建设的指导意见',
  clause: '三（三）1',
  effectiveFrom: '2016-11-04',
  levels: {
    PROVINCE: { area: { atLeast: 1000 }, fullTimeStaff: { atLeast: 35 }, professionalPercent: { atLeast: 80 } },
    CITY: { area: { atLeast: 200 }, fullTimeStaff: { atLeast: 6 }, professionalPercent: { atLeast: 70 } },
    COUNTY: { area: { above: 0 }, fullTimeStaff: { atLeast: 1 } },
    TOWN: { area: { above: 0 }, fullTimeStaff: { atLeast: 1 } },
  },
};

/** Every standard we hold, oldest first. A revision is appended, never edited in place. */
export const CENTRE_STANDARDS: readonly CentreStandard[] = [GD_2016_334];

/** The standard in force on a business date: the latest not after it, else the oldest (a centre recorded before 2016 is judged by the first). */
export function centreStandardOn(date: string, standards: readonly CentreStandard[] = CENTRE_STANDARDS): CentreStandard {
  let inForce = standards[0];
  for (const standard of standards) if (standard.effectiveFrom <= date && standard.effectiveFrom >= inForce.effectiveFrom) inForce = standard;
  return inForce;
}

const boundOf = (b: Bound): number => ('atLeast' in b ? b.atLeast : b.above);
/** Whether `value` meets `bound`; a share compares `numerator / denominator` exactly, in integers. */
function meets(bound: Bound, value: number, denominator = 1): boolean {
  const scaled = boundOf(bound) * denominator;
  return 'atLeast' in bound ? value >= scaled : value > scaled;
}

/** The professional share in percent, to one decimal (699 of 1000 is 69.9). */
export const professionalPercent = (staff: CentreFacts['staff']): number =>
  staff.fullTime === 0 ? 0 : Math.floor((staff.professional * 1000) / staff.fullTime) / 10;

const UNIT: Record<CentreMeasure, string> = { AREA: '平方米', FULL_TIME_STAFF: '人', PROFESSIONAL_SHARE: '%' };
const required = (b: Bound, unit: string) => ('atLeast' in b ? `${b.atLeast}${unit}以上` : `须多于${b.above}${unit}`);

/**
 * The facts against the level's standard. The share is compared without rounding
 * (professional × 100 ≥ percent × fullTime), so 699 of 1000 falls short of 70 % and 7 of 10 meets it.
 */
export function checkCentre(standard: CentreStandard, facts: Pick<CentreFacts, 'level' | 'venue' | 'staff'>): CentreCheck {
  const row = standard.levels[facts.level];
  const shortfalls: CentreShortfall[] = [];
  const readings: string[] = [];
  const note = (measure: CentreMeasure, bound: Bound, ok: boolean, actual: number) => {
    const reading = `${CENTRE_MEASURE_ZH[measure]}${actual}${UNIT[measure]}（${required(bound, UNIT[measure])}）`;
    readings.push(ok ? reading : `${reading}未达标`);
    if (!ok) shortfalls.push({ measure, required: boundOf(bound), actual });
  };
  note('AREA', row.area, meets(row.area, facts.venue.areaSqm), facts.venue.areaSqm);
  note('FULL_TIME_STAFF', row.fullTimeStaff, meets(row.fullTimeStaff, facts.staff.fullTime), facts.staff.fullTime);
  if (row.professionalPercent !== undefined) {
    const ok = facts.staff.fullTime > 0 && meets(row.professionalPercent, facts.staff.professional * 100, facts.staff.fullTime);
    note('PROFESSIONAL_SHARE', row.professionalPercent, ok, professionalPercent(facts.staff));
  }
  const verdict = shortfalls.length === 0 ? '达到' : '未达到';
  return {
    standardId: standard.id,
    shortfalls,
    basis: `依据《${standard.title}》（${standard.documentNumber}）${standard.clause}，${centreLevels.labels[facts.level].zh}：${readings.join('；')}，${verdict}标准`,
  };
}

const CENTRE_MEASURE_ZH: Record<CentreMeasure, string> = { AREA: '场所面积', FULL_TIME_STAFF: '全职人员', PROFESSIONAL_SHARE: '专业人员占比' };
