import { personal } from '../shared/personal';
import { ContactSchema, type ContactDetails } from '../shared/contact';
import {
  amount,
  anyInteger,
  arrayOf,
  businessDate,
  closed,
  districtCode,
  email,
  integer,
  number,
  optional,
  phone,
  postcode,
  regionCode,
  sha256,
  text,
  uscc,
  yearMonth,
  type Static,
} from '../shared/schema/builders';
import { codeLists, type CodeOf } from '../shared/code-lists';
import codes from './application.codes.json';

/**
 * 广州市中小企业服务站申请表 (穗工信函〔2019〕1100号, 附件): the form an operator files.
 * Amounts are in 万元; dates are 'YYYY-MM-DD', months 'YYYY-MM'.
 */

export const { operatorTypes, educationLevels, materialKinds } = codeLists(codes);

/** 申请（运营）主体类型 — the nine boxes of the form, in its order. */
export type OperatorType = CodeOf<typeof operatorTypes>;

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
export type EducationLevel = CodeOf<typeof educationLevels>;

/** 三、申报材料 — the six materials a submission needs. */
export type MaterialKind = CodeOf<typeof materialKinds>;

/** Each part of the form is a schema (its `$id` names it in AsyncAPI) and its type follows from it. */

export { ContactSchema };
export type Contact = ContactDetails;

export const OperatorInfoSchema = closed(
  {
    name: text('申请主体名称'),
    uscc: uscc(),
    type: operatorTypes.schema('申请（运营）主体类型'),
    industry: text('服务对象主导产业或所属行业'),
    registrationDate: businessDate('注册日期 (before the call’s registration cut-off)'),
    registrationRegionCode: regionCode('GB/T 2260 code of the place of registration: the call’s city or one of its districts'),
    legalRepresentative: personal(text('法人代表')),
    nature: text('单位性质'),
    registeredAddress: text('注册地址'),
    postcode: postcode(),
    officeAddress: text('办公地址'),
    contact: ContactSchema,
    parkOpenedOn: optional(yearMonth(`开园时间 YYYY-MM; present exactly when type is a park (${PARK_OPERATOR_TYPES.join(', ')})`)),
    enterprisesServed: integer(0, undefined, '服务企业数量（家）'),
  },
  { $id: 'OperatorInfo', description: '申请（运营）主体' },
);
export type OperatorInfo = Static<typeof OperatorInfoSchema>;

export const OperationsYearSchema = closed(
  {
    year: anyInteger('Calendar year'),
    revenue: amount('营业收入', 0),
    serviceRevenue: amount('服务收入 (not above revenue)', 0),
    totalAssets: amount('资产总额', 0),
    totalProfit: amount('利润总额 (negative for a loss)'),
    taxPaid: amount('上缴税金', 0),
    smesServed: integer(0, undefined, '服务中小微企业户数'),
  },
  { $id: 'OperationsYear', description: '近两年运营情况: one year' },
);
/** 近两年运营情况, 万元. */
export type OperationsYear = Static<typeof OperationsYearSchema>;

export const StationHeadSchema = closed(
  {
    name: personal(text('服务站负责人')),
    phone: personal(phone()),
    email: personal(email()),
    education: educationLevels.schema('学历'),
  },
  { $id: 'StationHead', description: '服务站负责人' },
);
export type StationHead = Static<typeof StationHeadSchema>;

export const StationInfoSchema = closed(
  {
    name: text('服务站名称'),
    districtCode: districtCode(),
    address: text('服务站具体位置'),
    areaSqm: number({ exclusiveMinimum: 0 }, '服务站面积, m²'),
    fullTimeStaff: integer(1, 3, '专职工作人员 (1–3)'),
    qualifiedFullTimeStaff: integer(0, undefined, '大专或中级职称以上, among the full-time staff (not above fullTimeStaff)'),
    partTimeStaff: integer(0, undefined, '兼职人数'),
    head: StationHeadSchema,
  },
  { $id: 'StationInfo', description: 'The station applied for' },
);
export type StationInfo = Static<typeof StationInfoSchema>;

export const MaterialSchema = closed(
  {
    kind: materialKinds.schema('申报材料'),
    fileName: text('File name'),
    sha256: sha256(),
  },
  { $id: 'Material', description: 'One filed material (the file itself is not published, only its digest)' },
);
export type Material = Static<typeof MaterialSchema>;

export const ApplicationFormSchema = closed(
  {
    operator: OperatorInfoSchema,
    operations: arrayOf(OperationsYearSchema, { minItems: 2, maxItems: 2, description: 'Exactly the two years before the call’s year, oldest first' }),
    station: StationInfoSchema,
    materials: arrayOf(MaterialSchema, {
      maxItems: materialKinds.codes.length,
      description: 'The materials filed with the draft, at most one per kind; the rest are attached later (ApplicationMaterialAttached)',
    }),
  },
  { $id: 'ApplicationForm', description: '广州市中小企业服务站申请表 (穗工信函〔2019〕1100号, 附件); amounts in 万元' },
);
export type ApplicationForm = Static<typeof ApplicationFormSchema>;
