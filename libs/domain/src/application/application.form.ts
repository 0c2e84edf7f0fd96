/**
 * 广州市中小企业服务站申请表 (穗工信函〔2019〕1100号, 附件): the form an operator files.
 * Amounts are in 万元; dates are 'YYYY-MM-DD', months 'YYYY-MM'.
 */

/** 申请（运营）主体类型 — the nine boxes of the form, in its order. */
export const OPERATOR_TYPES = [
  'SCIENCE_PARK',
  'CULTURAL_CREATIVE_PARK',
  'LOGISTICS_PARK',
  'ECO_AGRICULTURE_PARK',
  'INDUSTRIAL_PARK',
  'SOFTWARE_PARK',
  'BUSINESS_ASSOCIATION',
  'SERVICE_ORGANISATION',
  'OTHER',
] as const;
export type OperatorType = (typeof OPERATOR_TYPES)[number];

export const OPERATOR_TYPE_LABELS: Record<OperatorType, { zh: string; en: string }> = {
  SCIENCE_PARK: { zh: '科技园区', en: 'Science park' },
  CULTURAL_CREATIVE_PARK: { zh: '文化创意园区', en: 'Cultural and creative park' },
  LOGISTICS_PARK: { zh: '物流园区', en: 'Logistics park' },
  ECO_AGRICULTURE_PARK: { zh: '生态农业园区', en: 'Ecological agriculture park' },
  INDUSTRIAL_PARK: { zh: '工业园区', en: 'Industrial park' },
  SOFTWARE_PARK: { zh: '软件园区', en: 'Software park' },
  BUSINESS_ASSOCIATION: { zh: '商协会', en: 'Business association' },
  SERVICE_ORGANISATION: { zh: '服务机构', en: 'Service organisation' },
  OTHER: { zh: '其他', en: 'Other' },
};

/** The types for which the form asks 开园时间 (园区填写). */
export const PARK_OPERATOR_TYPES: readonly OperatorType[] = [
  'SCIENCE_PARK',
  'CULTURAL_CREATIVE_PARK',
  'LOGISTICS_PARK',
  'ECO_AGRICULTURE_PARK',
  'INDUSTRIAL_PARK',
  'SOFTWARE_PARK',
];

/** 服务站负责人学历 — the form's four boxes. */
export const EDUCATION_LEVELS = [
  'JUNIOR_HIGH_OR_BELOW',
  'SENIOR_HIGH_OR_TECHNICAL',
  'COLLEGE_OR_BACHELOR',
  'ABOVE_BACHELOR',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const EDUCATION_LEVEL_LABELS: Record<EducationLevel, { zh: string; en: string }> = {
  JUNIOR_HIGH_OR_BELOW: { zh: '初中及以下', en: 'Junior high school or below' },
  SENIOR_HIGH_OR_TECHNICAL: { zh: '高中、中技', en: 'Senior high or technical secondary school' },
  COLLEGE_OR_BACHELOR: { zh: '大专、本科', en: 'College or bachelor' },
  ABOVE_BACHELOR: { zh: '本科以上', en: 'Above bachelor' },
};

/** 三、申报材料 — the six materials a submission needs. */
export const MATERIAL_KINDS = [
  'APPLICATION_FORM',
  'LEGAL_PERSON_CERTIFICATE',
  'STAFF_CREDENTIALS',
  'VENUE_PROOF',
  'FINANCIAL_STATEMENTS',
  'SERVICE_EVIDENCE',
] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

export const MATERIAL_KIND_LABELS: Record<MaterialKind, { zh: string; en: string }> = {
  APPLICATION_FORM: { zh: '申请表', en: 'Application form' },
  LEGAL_PERSON_CERTIFICATE: { zh: '法人证书或营业执照副本', en: 'Legal person certificate or business licence' },
  STAFF_CREDENTIALS: { zh: '专职工作人员情况', en: 'Full-time staff credentials' },
  VENUE_PROOF: { zh: '固定经营服务场所证明', en: 'Proof of the fixed service venue' },
  FINANCIAL_STATEMENTS: { zh: '财务报表', en: 'Financial statements' },
  SERVICE_EVIDENCE: { zh: '开展相关服务的证明材料', en: 'Evidence of services provided' },
};

export type Contact = {
  name: string;
  /** 固话+手机 as written on the form. */
  phone: string;
  email: string;
};

export type OperatorInfo = {
  name: string;
  /** 统一社会信用代码 */
  uscc: string;
  type: OperatorType;
  /** 服务对象主导产业或所属行业 */
  industry: string;
  /** 'YYYY-MM-DD' */
  registrationDate: string;
  /** GB/T 2260 code of the place of registration. */
  registrationRegionCode: string;
  legalRepresentative: string;
  /** 单位性质 */
  nature: string;
  registeredAddress: string;
  /** 6-digit 邮政编码 */
  postcode: string;
  officeAddress: string;
  contact: Contact;
  /** 开园时间 'YYYY-MM', parks only. */
  parkOpenedOn?: string;
  /** 服务企业数量（家） */
  enterprisesServed: number;
};

/** 近两年运营情况, 万元. */
export type OperationsYear = {
  year: number;
  revenue: number;
  serviceRevenue: number;
  totalAssets: number;
  /** May be negative (a loss). */
  totalProfit: number;
  taxPaid: number;
  /** 服务中小微企业户数 */
  smesServed: number;
};

export type StationHead = {
  name: string;
  phone: string;
  email: string;
  education: EducationLevel;
};

export type StationInfo = {
  name: string;
  /** GB/T 2260 district code, e.g. 440106 天河区. */
  districtCode: string;
  address: string;
  areaSqm: number;
  fullTimeStaff: number;
  /** 大专或中级职称以上, among the full-time staff. */
  qualifiedFullTimeStaff: number;
  partTimeStaff: number;
  head: StationHead;
};

export type ApplicationForm = {
  operator: OperatorInfo;
  /** Exactly the two years before the call's year, e.g. 2017 and 2018 for 2019. */
  operations: OperationsYear[];
  station: StationInfo;
  /** The materials filed with the draft; the rest can be attached later, all six before submission. */
  materials: Material[];
};

export type Material = {
  kind: MaterialKind;
  fileName: string;
  /** SHA-256 of the file, 64 hex characters. */
  sha256: string;
};
