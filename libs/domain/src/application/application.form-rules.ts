import { callYear, type CallSnapshot } from '../call/call.snapshot';
import { compareBusinessDates, isYearMonth } from '../shared/dates';
import { requireSha256 } from '../shared/digest';
import { invalid } from '../shared/domain-error';
import { isWithinCity, requireStationDistrict } from '../shared/region-code';
import { requireLegalPersonUscc } from '../shared/uscc';
import {
  fieldInvalid,
  isEmail,
  isPhone,
  isPostcode,
  L,
  requireAmount,
  requireBusinessDate,
  requireFormat,
  requireInteger,
  requireOneOf,
  requirePositive,
  requireText,
  type Label,
} from '../shared/validation';
import {
  educationLevels,
  materialKinds,
  operatorTypes,
  PARK_OPERATOR_TYPES,
  type ApplicationForm,
  type Contact,
  type Material,
  type OperationsYear,
  type OperatorInfo,
  type StationInfo,
} from './application.form';

/** 1–3 名专职工作人员 (申报条件 2). */
export const FULL_TIME_STAFF_MIN = 1;
export const FULL_TIME_STAFF_MAX = 3;

/**
 * Checks a form against the call's rules and returns it normalised (trimmed text, upper-case USCC,
 * lower-case digests, operations in year order). `path` is where the form sits in the command data.
 */
export function checkApplicationForm(form: ApplicationForm, call: CallSnapshot, path = 'form'): ApplicationForm {
  return {
    operator: checkOperator(form.operator ?? ({} as OperatorInfo), call, `${path}.operator`),
    operations: checkOperations(form.operations, call, `${path}.operations`),
    station: checkStation(form.station ?? ({} as StationInfo), call, `${path}.station`),
    materials: checkMaterials(form.materials ?? [], `${path}.materials`),
  };
}

function checkOperator(operator: OperatorInfo, call: CallSnapshot, at: string): OperatorInfo {
  const name = requireText(operator.name, `${at}.name`, L('申请主体名称', 'Operator name'));
  // 申报（运营）主体须为……法人单位 (穗工信函〔2019〕1100号).
  const uscc = requireLegalPersonUscc(operator.uscc, `${at}.uscc`);
  const type = requireOneOf(operator.type, operatorTypes.codes, `${at}.type`, L('主体类型', 'Operator type'));
  const industry = requireText(operator.industry, `${at}.industry`, L('服务对象主导产业或所属行业', 'Industry served'));

  const registrationDate = requireBusinessDate(operator.registrationDate, `${at}.registrationDate`, L('注册日期', 'Registration date'));
  if (compareBusinessDates(registrationDate, call.registrationCutoff) >= 0) {
    throw invalid(
      'OPERATOR_REGISTERED_TOO_LATE',
      `申报主体须在${call.registrationCutoff}前注册（注册日期：${registrationDate}）`,
      `The operator must have been registered before ${call.registrationCutoff} (registered ${registrationDate})`,
      `${at}.registrationDate`,
    );
  }
  if (!isWithinCity(operator.registrationRegionCode, call.cityCode, { includeCity: true })) {
    throw invalid(
      'OPERATOR_OUTSIDE_CITY',
      `申报主体须在本市（${call.cityCode}）注册，注册地区划代码为“${operator.registrationRegionCode}”`,
      `The operator must be registered in the call's city ${call.cityCode}, not "${operator.registrationRegionCode}"`,
      `${at}.registrationRegionCode`,
    );
  }

  const isPark = PARK_OPERATOR_TYPES.includes(type);
  let parkOpenedOn: string | undefined;
  if (isPark) {
    parkOpenedOn = requireFormat(operator.parkOpenedOn, isYearMonth, `${at}.parkOpenedOn`, L('开园时间', 'Park opening month'), 'YYYY-MM', 'a month YYYY-MM');
  } else if (operator.parkOpenedOn !== undefined && operator.parkOpenedOn !== null && operator.parkOpenedOn !== '') {
    throw fieldInvalid(`${at}.parkOpenedOn`, L('开园时间', 'Park opening month'), '仅园区类主体填写', 'applies to parks only');
  }

  return {
    name,
    uscc,
    type,
    industry,
    registrationDate,
    registrationRegionCode: operator.registrationRegionCode,
    legalRepresentative: requireText(operator.legalRepresentative, `${at}.legalRepresentative`, L('法人代表', 'Legal representative')),
    nature: requireText(operator.nature, `${at}.nature`, L('单位性质', 'Nature of the organisation')),
    registeredAddress: requireText(operator.registeredAddress, `${at}.registeredAddress`, L('注册地址', 'Registered address')),
    postcode: requireFormat(operator.postcode, isPostcode, `${at}.postcode`, L('邮政编码', 'Postcode'), '6位数字', 'six digits'),
    officeAddress: requireText(operator.officeAddress, `${at}.officeAddress`, L('办公地址', 'Office address')),
    contact: checkContact(operator.contact ?? ({} as Contact), `${at}.contact`, L('联系人', 'Contact')),
    ...(parkOpenedOn === undefined ? {} : { parkOpenedOn }),
    enterprisesServed: requireInteger(operator.enterprisesServed, `${at}.enterprisesServed`, L('服务企业数量', 'Enterprises served'), 0),
  };
}

function checkContact(contact: Contact, at: string, who: Label): Contact {
  return {
    name: requireText(contact.name, `${at}.name`, L(`${who.zh}姓名`, `${who.en} name`)),
    phone: requireFormat(contact.phone, isPhone, `${at}.phone`, L(`${who.zh}电话`, `${who.en} phone`), '电话号码（固话+手机）', 'a phone number'),
    email: requireFormat(contact.email, isEmail, `${at}.email`, L(`${who.zh}电子邮箱`, `${who.en} e-mail`), '电子邮箱地址', 'an e-mail address'),
  };
}

/** 近两年运营情况: exactly the two years before the call's year. */
function checkOperations(operations: OperationsYear[] | undefined, call: CallSnapshot, at: string): OperationsYear[] {
  const year = callYear(call);
  const expected = [year - 2, year - 1];
  const given = Array.isArray(operations) ? operations.map((o) => o?.year).sort((a, b) => a - b) : [];
  if (given.length !== 2 || given[0] !== expected[0] || given[1] !== expected[1]) {
    throw invalid(
      'OPERATIONS_YEARS_INVALID',
      `须填写${expected[0]}年和${expected[1]}年两个年度的运营情况`,
      `Operations must cover exactly the years ${expected[0]} and ${expected[1]}`,
      at,
    );
  }
  return (operations as OperationsYear[])
    .map((o, i) => checkOperationsYear(o, `${at}.${i}`))
    .sort((a, b) => a.year - b.year);
}

function checkOperationsYear(o: OperationsYear, at: string): OperationsYear {
  const revenue = requireAmount(o.revenue, `${at}.revenue`, L('营业收入', 'Revenue'), 0);
  const serviceRevenue = requireAmount(o.serviceRevenue, `${at}.serviceRevenue`, L('服务收入', 'Service revenue'), 0);
  if (serviceRevenue > revenue) {
    throw invalid(
      'SERVICE_REVENUE_EXCEEDS_REVENUE',
      `${o.year}年服务收入（${serviceRevenue}万元）不得超过营业收入（${revenue}万元）`,
      `Service revenue for ${o.year} (${serviceRevenue}) cannot exceed revenue (${revenue})`,
      `${at}.serviceRevenue`,
    );
  }
  return {
    year: o.year,
    revenue,
    serviceRevenue,
    totalAssets: requireAmount(o.totalAssets, `${at}.totalAssets`, L('资产总额', 'Total assets'), 0),
    totalProfit: requireAmount(o.totalProfit, `${at}.totalProfit`, L('利润总额', 'Total profit')),
    taxPaid: requireAmount(o.taxPaid, `${at}.taxPaid`, L('上缴税金', 'Tax paid'), 0),
    smesServed: requireInteger(o.smesServed, `${at}.smesServed`, L('服务中小微企业户数', 'SMEs served'), 0),
  };
}

function checkStation(station: StationInfo, call: CallSnapshot, at: string): StationInfo {
  const name = requireText(station.name, `${at}.name`, L('服务站名称', 'Station name'));
  requireStationDistrict(station.districtCode, call.cityCode, `${at}.districtCode`);
  const fullTimeStaff = station.fullTimeStaff;
  if (!Number.isInteger(fullTimeStaff) || fullTimeStaff < FULL_TIME_STAFF_MIN || fullTimeStaff > FULL_TIME_STAFF_MAX) {
    throw invalid(
      'FULL_TIME_STAFF_OUT_OF_RANGE',
      `服务站须有${FULL_TIME_STAFF_MIN}-${FULL_TIME_STAFF_MAX}名专职工作人员（填写：${fullTimeStaff}）`,
      `A station needs ${FULL_TIME_STAFF_MIN} to ${FULL_TIME_STAFF_MAX} full-time staff (given: ${fullTimeStaff})`,
      `${at}.fullTimeStaff`,
    );
  }
  const qualified = requireInteger(station.qualifiedFullTimeStaff, `${at}.qualifiedFullTimeStaff`, L('大专或中级职称以上人数', 'Qualified full-time staff'), 0);
  if (qualified > fullTimeStaff) {
    throw invalid(
      'QUALIFIED_STAFF_EXCEEDS_FULL_TIME',
      `大专或中级职称以上人数（${qualified}）不得超过专职人数（${fullTimeStaff}）`,
      `Qualified staff (${qualified}) cannot exceed full-time staff (${fullTimeStaff})`,
      `${at}.qualifiedFullTimeStaff`,
    );
  }
  const head = station.head ?? ({} as StationInfo['head']);
  const headContact = checkContact(head, `${at}.head`, L('服务站负责人', 'Station head'));
  return {
    name,
    districtCode: station.districtCode,
    address: requireText(station.address, `${at}.address`, L('服务站具体位置', 'Station address')),
    areaSqm: requirePositive(station.areaSqm, `${at}.areaSqm`, L('服务站面积', 'Station area')),
    fullTimeStaff,
    qualifiedFullTimeStaff: qualified,
    partTimeStaff: requireInteger(station.partTimeStaff, `${at}.partTimeStaff`, L('兼职人数', 'Part-time staff'), 0),
    head: {
      ...headContact,
      education: requireOneOf(head.education, educationLevels.codes, `${at}.head.education`, L('服务站负责人学历', "Station head's education")),
    },
  };
}

function checkMaterials(materials: Material[], at: string): Material[] {
  if (!Array.isArray(materials)) throw fieldInvalid(at, L('申报材料', 'Materials'), '须为列表', 'must be a list');
  const seen = new Set<string>();
  return materials.map((material, i) => {
    const checked = checkMaterial(material, `${at}.${i}`);
    if (seen.has(checked.kind)) {
      throw invalid('MATERIAL_KIND_DUPLICATED', `申报材料“${checked.kind}”重复`, `Material kind ${checked.kind} appears twice`, `${at}.${i}.kind`);
    }
    seen.add(checked.kind);
    return checked;
  });
}

/** One material: a known kind, a file name and the file's SHA-256. `at` prefixes the field names ('' for top level). */
export function checkMaterial(material: Material, at: string): Material {
  const prefix = at === '' ? '' : `${at}.`;
  const kind = requireOneOf(material.kind, materialKinds.codes, `${prefix}kind`, L('材料类别', 'Material kind'));
  const fileName = requireText(material.fileName, `${prefix}fileName`, L('文件名', 'File name'));
  return { kind, fileName, sha256: requireSha256(material.sha256, `${prefix}sha256`) };
}
