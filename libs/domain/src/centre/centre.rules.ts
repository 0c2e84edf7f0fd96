import { requireLegalPersonUscc } from '../shared/uscc';
import { chinaDateOf, compareBusinessDates } from '../shared/dates';
import { conflict, invalid } from '../shared/domain-error';
import { isDocumentNumber } from '../shared/document-number';
import { isCityCode, isCityWithoutCounties, isCountyCode, isProvinceCode } from '../shared/region-code';
import {
  fieldInvalid,
  isEmail,
  isPhone,
  L,
  requireAmount,
  requireBusinessDate,
  requireFormat,
  requireInteger,
  requireOneOf,
  requireText,
} from '../shared/validation';
import {
  centreLegalForms,
  centreLevels,
  centreMeasures,
  centreOrigins,
  type CentreCheck,
  type CentreFacts,
  type CentreLevel,
  type Remediation,
} from './centre.terms';

type Given = Record<string, unknown>;
const objectAt = (value: unknown): Given => (value !== null && typeof value === 'object' ? (value as Given) : {});

/** The region code a level sits at: the province, a city, a county; a town's city has no counties. */
function requireRegionOfLevel(level: CentreLevel, value: unknown, town: unknown, field: string): { regionCode: string; town?: string } {
  const code = typeof value === 'string' ? value.trim() : '';
  const fits = { PROVINCE: isProvinceCode, CITY: isCityCode, COUNTY: isCountyCode, TOWN: isCityCode }[level](code);
  if (!fits) {
    const want = { PROVINCE: '省级代码（如440000）', CITY: '地级市代码（如440100）', COUNTY: '区县代码（如440106）', TOWN: '不设区县的地级市代码（如441900）' }[level];
    throw invalid('REGION_CODE_INVALID', `${centreLevels.labels[level].zh}的行政区划代码须为${want}，“${String(value)}”不符`, `A ${centreLevels.labels[level].en} needs a ${level.toLowerCase()}-level region code, not "${String(value)}"`, `${field}.regionCode`);
  }
  if (level !== 'TOWN') {
    if (town !== undefined) throw fieldInvalid(`${field}.town`, L('镇', 'Town'), '仅镇级服务中心填写', 'is only for a TOWN centre');
    return { regionCode: code };
  }
  if (!isCityWithoutCounties(code)) {
    throw invalid(
      'TOWN_LEVEL_NOT_ALLOWED',
      `镇级服务中心仅限不设区县的地级市（如东莞、中山）；${code}下设区县，应登记县（区）级服务中心`,
      `A town centre is only for a city without counties (e.g. Dongguan, Zhongshan); ${code} has counties: record a county centre`,
      `${field}.level`,
    );
  }
  return { regionCode: code, town: requireText(town, `${field}.town`, L('镇（街道）名称', 'Town')) };
}

function requireVenue(value: unknown, field: string): CentreFacts['venue'] {
  const v = objectAt(value);
  return {
    areaSqm: requireAmount(v.areaSqm, `${field}.areaSqm`, L('服务场地面积（平方米）', 'Venue area (㎡)'), 0),
    address: requireText(v.address, `${field}.address`, L('服务场地地址', 'Venue address')),
  };
}

function requireStaff(value: unknown, field: string): CentreFacts['staff'] {
  const v = objectAt(value);
  const fullTime = requireInteger(v.fullTime, `${field}.fullTime`, L('全职从业人员数', 'Full-time staff'), 0);
  const professional = requireInteger(v.professional, `${field}.professional`, L('专业人员数', 'Professional staff'), 0);
  if (professional > fullTime) {
    throw fieldInvalid(`${field}.professional`, L('专业人员数', 'Professional staff'), `（${professional}）不能多于全职从业人员数（${fullTime}）`, `(${professional}) cannot exceed the full-time staff (${fullTime})`);
  }
  return { fullTime, professional };
}

function requireContact(value: unknown, field: string): CentreFacts['contact'] {
  const v = objectAt(value);
  const phone = requireFormat(v.phone, isPhone, `${field}.phone`, L('联系电话', 'Phone'), '电话号码（至少7位数字）', 'a phone number (at least 7 digits)');
  if (v.email === undefined) return { phone };
  return { phone, email: requireFormat(v.email, isEmail, `${field}.email`, L('电子邮箱', 'E-mail'), '电子邮箱地址', 'an e-mail address') };
}

export const requireName = (value: unknown, field: string) => requireText(value, field, L('单位名称', 'Name'));
export const requireHead = (value: unknown, field: string) => requireText(value, field, L('负责人', 'Head'));
export const requireLegalForm = (value: unknown, field: string) => requireOneOf(value, centreLegalForms.codes, field, L('性质', 'Legal form'));

/** Every fact of a centre being recorded, checked; `today` bounds the origin document's date. */
export function requireCentreFacts(value: unknown, today: string, field = 'facts'): CentreFacts {
  const v = objectAt(value);
  const level = requireOneOf(v.level, centreLevels.codes, `${field}.level`, L('级别', 'Level'));
  const region = requireRegionOfLevel(level, v.regionCode, v.town, field);
  const o = objectAt(v.origin);
  const on = requireBusinessDate(o.on, `${field}.origin.on`, L('批复或协议日期', 'Origin date'));
  if (compareBusinessDates(on, today) > 0) throw fieldInvalid(`${field}.origin.on`, L('批复或协议日期', 'Origin date'), `（${on}）晚于今天`, `(${on}) is after today`);
  return {
    name: requireName(v.name, `${field}.name`),
    // 服务中心是……独立法人单位 (粤经信服务〔2016〕334号 三（一）组建方式).
    orgId: requireLegalPersonUscc(v.orgId, `${field}.orgId`),
    legalForm: requireLegalForm(v.legalForm, `${field}.legalForm`),
    level,
    ...region,
    origin: {
      kind: requireOneOf(o.kind, centreOrigins.codes, `${field}.origin.kind`, L('组建方式', 'Origin')),
      authority: requireText(o.authority, `${field}.origin.authority`, L('成立、认定或指定机关', 'Authority')),
      documentNumber: requireFormat(o.documentNumber, isDocumentNumber, `${field}.origin.documentNumber`, L('文号', 'Document number'), '发文字号（如穗工信函〔2017〕88号）', 'a document number such as 穗工信函〔2017〕88号'),
      on,
    },
    venue: requireVenue(v.venue, `${field}.venue`),
    staff: requireStaff(v.staff, `${field}.staff`),
    head: requireHead(v.head, `${field}.head`),
    contact: requireContact(v.contact, `${field}.contact`),
  };
}

/** The facts after a change: only the fields given, each checked. */
export function applyFactChanges(facts: CentreFacts, value: unknown, field = 'changes'): { facts: CentreFacts; changed: string[] } {
  const c = objectAt(value);
  const next: CentreFacts = { ...facts };
  if (c.name !== undefined) next.name = requireName(c.name, `${field}.name`);
  if (c.legalForm !== undefined) next.legalForm = requireLegalForm(c.legalForm, `${field}.legalForm`);
  if (c.venue !== undefined) next.venue = requireVenue({ ...facts.venue, ...objectAt(c.venue) }, `${field}.venue`);
  if (c.staff !== undefined) next.staff = requireStaff({ ...facts.staff, ...objectAt(c.staff) }, `${field}.staff`);
  if (c.head !== undefined) next.head = requireHead(c.head, `${field}.head`);
  if (c.contact !== undefined) next.contact = requireContact({ ...facts.contact, ...objectAt(c.contact) }, `${field}.contact`);
  const changed = (['name', 'legalForm', 'venue', 'staff', 'head', 'contact'] as const).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(facts[k]));
  if (changed.length === 0) throw invalid('NOTHING_CHANGED', '未变更任何情况', 'The changes change nothing', field);
  return { facts: next, changed };
}

/** 整改计划和期限: a plan, and a deadline after the day of the act. */
export function requireRemediation(value: unknown, today: string, field = 'remediation'): Remediation {
  const v = objectAt(value);
  const plan = requireText(v.plan, `${field}.plan`, L('整改计划', 'Remediation plan'));
  const deadline = requireBusinessDate(v.deadline, `${field}.deadline`, L('整改期限', 'Remediation deadline'));
  if (compareBusinessDates(deadline, today) <= 0) {
    throw fieldInvalid(`${field}.deadline`, L('整改期限', 'Remediation deadline'), `（${deadline}）须晚于登记当日（${today}）`, `(${deadline}) must be after the day it is recorded (${today})`);
  }
  return { plan, deadline };
}

/** CENTRE_BELOW_STANDARD naming each shortfall, for a centre that falls short and came without a remediation plan. */
export function belowStandard(check: CentreCheck, level: CentreLevel) {
  const zh = check.shortfalls.map((s) => `${centreMeasures.labels[s.measure].zh}${s.actual}（标准${s.required}）`).join('、');
  const en = check.shortfalls.map((s) => `${centreMeasures.labels[s.measure].en} ${s.actual} (standard ${s.required})`).join(', ');
  return conflict(
    'CENTRE_BELOW_STANDARD',
    `未达到${centreLevels.labels[level].zh}标准：${zh}；只能登记为未达标，并附整改计划和期限`,
    `Below the ${centreLevels.labels[level].en} standard: ${en}; it can only be recorded as below standard, with a remediation plan and deadline`,
    'remediation',
  );
}

export const todayOf = (now: Date): string => chinaDateOf(now);
