import { isBusinessDate } from '../shared/dates';
import { invalid } from '../shared/domain-error';
import { isCityCode, isProvinceCode } from '../shared/region-code';
import shipped from './shipped-targets.json';

/**
 * What a target counts. State measures are read on a day; count measures add up what happened in a
 * window of days (see `targetWindow`).
 */
export const TARGET_MEASURES = [
  'ACTIVE_STATIONS',
  'DISTRICTS_COVERED',
  'ACTIVITIES_HELD',
  'SERVICE_VISITS',
  'PROVIDERS_IN_POOL',
  'CITY_CENTRE_COVERAGE',
  'CENTRE_COVERAGE',
] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];

/** Counted over a window of days rather than read on one day. */
export const COUNT_MEASURES: readonly TargetMeasure[] = ['ACTIVITIES_HELD', 'SERVICE_VISITS'];
/** A share from 0 to 1 rather than a number of records. */
export const RATIO_MEASURES: readonly TargetMeasure[] = ['CITY_CENTRE_COVERAGE', 'CENTRE_COVERAGE'];

/** 不少于 / 以上: at least the value; 超过: more than it. */
export const TARGET_COMPARISONS = ['AT_LEAST', 'ABOVE'] as const;
export type TargetComparison = (typeof TARGET_COMPARISONS)[number];

/** The levels a city's target may be split down to (derived targets, not in the documents). */
export const DERIVED_LEVELS = ['DISTRICT', 'STATION'] as const;
export type DerivedLevel = (typeof DERIVED_LEVELS)[number];

/**
 * When a target falls due: `BY` a deadline (a count measure counts from `countFrom` to the deadline);
 * or `EACH_YEAR` from `fromYear` (to `untilYear`, when the document sets a later goal), each calendar
 * year on its own.
 */
export type TargetTiming =
  | { kind: 'BY'; deadline: string; countFrom?: string }
  | { kind: 'EACH_YEAR'; fromYear: number; untilYear?: number };

export interface TargetSource {
  /** The document number (文号). */
  document: string;
  /** The clause that sets it. */
  clause: string;
  /** Where the text is kept beside the ledger (the seed file and its line), when it is. */
  seed?: string;
  line?: number;
}

export interface Target {
  id: string;
  label: { zh: string; en: string };
  source: TargetSource;
  /** The region the document sets it for: a province or a city. */
  regionCode: string;
  measure: TargetMeasure;
  comparison: TargetComparison;
  /** A count, or a share from 0 to 1 for the coverage measures. */
  value: number;
  timing: TargetTiming;
  /** The levels it is split down to evenly (a city's targets only). */
  derive?: DerivedLevel[];
}

/** The targets file: the shape of `shipped-targets.json` and of a TARGETS_FILE. */
export interface TargetsFile {
  targets: Target[];
}

const TARGET_FIELDS = new Set(['id', 'label', 'source', 'regionCode', 'measure', 'comparison', 'value', 'timing', 'derive']);

const isYear = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 2000 && n <= 2100;
const isText = (s: unknown): s is string => typeof s === 'string' && s.trim() !== '';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function bad(field: string, en: string, zh: string): never {
  throw invalid('TARGET_INVALID', `目标数据有误：${field} ${zh}`, `Target data is wrong: ${field} ${en}`, field);
}

function checkTiming(timing: unknown, measure: TargetMeasure, at: string): TargetTiming {
  if (!isObject(timing)) bad(`${at}.timing`, 'must be an object', '须为对象');
  if (timing.kind === 'BY') {
    if (!isBusinessDate(timing.deadline)) bad(`${at}.timing.deadline`, 'must be a date YYYY-MM-DD', '须为日期 YYYY-MM-DD');
    const counts = COUNT_MEASURES.includes(measure);
    if (counts && !isBusinessDate(timing.countFrom)) bad(`${at}.timing.countFrom`, 'must be a date YYYY-MM-DD for a count measure', '须为日期 YYYY-MM-DD（计数类指标）');
    if (!counts && timing.countFrom !== undefined) bad(`${at}.timing.countFrom`, 'is only for count measures', '仅用于计数类指标');
    if (counts && (timing.countFrom as string) > timing.deadline) bad(`${at}.timing.countFrom`, 'must not be after the deadline', '不得晚于截止日期');
    return counts ? { kind: 'BY', deadline: timing.deadline, countFrom: timing.countFrom as string } : { kind: 'BY', deadline: timing.deadline };
  }
  if (timing.kind === 'EACH_YEAR') {
    if (!COUNT_MEASURES.includes(measure)) bad(`${at}.timing.kind`, 'EACH_YEAR is only for count measures', 'EACH_YEAR 仅用于计数类指标');
    if (!isYear(timing.fromYear)) bad(`${at}.timing.fromYear`, 'must be a year', '须为年份');
    if (timing.untilYear !== undefined && (!isYear(timing.untilYear) || timing.untilYear < timing.fromYear)) {
      bad(`${at}.timing.untilYear`, 'must be a year not before fromYear', '须为不早于 fromYear 的年份');
    }
    return timing.untilYear === undefined ? { kind: 'EACH_YEAR', fromYear: timing.fromYear } : { kind: 'EACH_YEAR', fromYear: timing.fromYear, untilYear: timing.untilYear as number };
  }
  return bad(`${at}.timing.kind`, 'must be BY or EACH_YEAR', '须为 BY 或 EACH_YEAR');
}

/** One target as the data holds it, checked field by field; TARGET_INVALID names the first wrong field. */
export function checkTarget(raw: unknown, at: string): Target {
  if (!isObject(raw)) bad(at, 'must be an object', '须为对象');
  const unknown = Object.keys(raw).find((key) => !TARGET_FIELDS.has(key));
  if (unknown) bad(`${at}.${unknown}`, 'is not a field of a target', '不是目标的字段');
  if (!isText(raw.id) || !/^[a-z0-9][a-z0-9-]*$/.test(raw.id)) bad(`${at}.id`, 'must be lower-case letters, digits and hyphens', '须由小写字母、数字和连字符组成');
  const label = raw.label;
  if (!isObject(label) || !isText(label.zh) || !isText(label.en)) bad(`${at}.label`, 'must have zh and en', '须有 zh 和 en');
  const source = raw.source;
  if (!isObject(source) || !isText(source.document) || !isText(source.clause)) bad(`${at}.source`, 'must name the document and the clause', '须写明文件和条款');
  const regionCode = raw.regionCode;
  if (typeof regionCode !== 'string' || !(isProvinceCode(regionCode) || isCityCode(regionCode))) bad(`${at}.regionCode`, 'must be a province or a city code', '须为省级或地级市行政区划代码');
  const measure = raw.measure as TargetMeasure;
  if (!TARGET_MEASURES.includes(measure)) bad(`${at}.measure`, `must be one of ${TARGET_MEASURES.join(', ')}`, `须为 ${TARGET_MEASURES.join('、')} 之一`);
  const comparison = raw.comparison as TargetComparison;
  if (!TARGET_COMPARISONS.includes(comparison)) bad(`${at}.comparison`, 'must be AT_LEAST or ABOVE', '须为 AT_LEAST 或 ABOVE');
  const value = raw.value;
  const ratio = RATIO_MEASURES.includes(measure);
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || (ratio ? value > 1 : !Number.isInteger(value))) {
    bad(`${at}.value`, ratio ? 'must be a share above 0 and at most 1' : 'must be a whole number above 0', ratio ? '须为大于 0、不超过 1 的比例' : '须为正整数');
  }
  const timing = checkTiming(raw.timing, measure, at);
  const derive = raw.derive;
  if (derive !== undefined) {
    if (!Array.isArray(derive) || derive.some((level) => !DERIVED_LEVELS.includes(level as DerivedLevel))) bad(`${at}.derive`, 'must list DISTRICT and/or STATION', '须列出 DISTRICT 和/或 STATION');
    if (!isCityCode(regionCode)) bad(`${at}.derive`, 'only a city’s targets are split down', '仅地级市目标可分解');
  }
  const { seed, line } = source;
  return {
    id: raw.id,
    label: { zh: label.zh, en: label.en },
    source: { document: source.document, clause: source.clause, ...(isText(seed) ? { seed } : {}), ...(typeof line === 'number' ? { line } : {}) },
    regionCode,
    measure,
    comparison,
    value,
    timing,
    ...(derive === undefined ? {} : { derive: [...new Set(derive as DerivedLevel[])] }),
  };
}

/** A targets file checked: an object with a `targets` list of distinct ids. */
export function checkTargetsFile(raw: unknown): Target[] {
  if (!isObject(raw) || !Array.isArray(raw.targets)) bad('targets', 'must be a list', '须为列表');
  const targets = raw.targets.map((t, i) => checkTarget(t, `targets[${i}]`));
  const seen = new Set<string>();
  targets.forEach((t, i) => {
    if (seen.has(t.id)) bad(`targets[${i}].id`, `repeats ${t.id}`, `与 ${t.id} 重复`);
    seen.add(t.id);
  });
  return targets;
}

/**
 * The targets in force: the shipped ones with a local file's over them. A local target with a shipped
 * target's id replaces it; any other is added. Both are checked first.
 */
export function mergeTargets(shippedFile: unknown, localFile?: unknown): Target[] {
  const base = checkTargetsFile(shippedFile);
  if (localFile === undefined) return base;
  const local = checkTargetsFile(localFile);
  const replaced = new Map(local.map((t) => [t.id, t]));
  return [...base.map((t) => replaced.get(t.id) ?? t), ...local.filter((t) => !base.some((b) => b.id === t.id))];
}

/** The targets the ledger ships (the seeds'). */
export const SHIPPED_TARGETS_FILE: unknown = shipped;
export const SHIPPED_TARGETS: readonly Target[] = checkTargetsFile(shipped);
