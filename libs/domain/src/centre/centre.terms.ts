import { codeLists, type CodeOf } from '../shared/code-lists';
import { arrayOf, businessDate, closed, documentNumber, email, integer, number, optional, phone, recordId, regionCode, registeredOrganisation, text, uscc, type Static } from '../shared/schema/builders';
import codes from './centre.codes.json';

export const { centreLevels, centreLegalForms, centreOrigins, centreStandings, centreMeasures } = codeLists(codes);

/** 省级, 市级, 县（市、区）级; 镇级 only in a city that has no counties (东莞, 中山). */
export type CentreLevel = CodeOf<typeof centreLevels>;

/** 性质 in the 汇总表: 事业单位, 民办非企业等社会组织, 企业. */
export type CentreLegalForm = CodeOf<typeof centreLegalForms>;

/** 组建方式: 成立, 认定 or 指定 by the local government or SME authority. */
export type CentreOriginKind = CodeOf<typeof centreOrigins>;

export type CentreStanding = CodeOf<typeof centreStandings>;

/** What a level's standard measures. */
export type CentreMeasure = CodeOf<typeof centreMeasures>;

export const CentreOriginSchema = closed(
  {
    kind: centreOrigins.schema('组建方式'),
    authority: text('The government or SME authority that established, recognised or designated it'),
    documentNumber: documentNumber('批复或协议文号, e.g. 穗工信函〔2017〕88号'),
    on: businessDate('The date of that document'),
  },
  { $id: 'CentreOrigin', description: 'How the centre came to be (服务中心组建方式)' },
);
export type CentreOrigin = Static<typeof CentreOriginSchema>;

/**
 * Everything the 建设情况汇总表 (附件2) asks of a centre besides its activities: 单位名称, 性质,
 * 全职从业人员数, 服务场地, 负责人, 联系方式; with its level, region, operator and origin.
 */
export const CentreFactsSchema = closed(
  {
    name: text('单位名称'),
    orgId: uscc('The operating legal entity’s 统一社会信用代码 (its staff act as CENTRE_OPERATOR with this orgId)'),
    legalForm: centreLegalForms.schema('性质'),
    level: centreLevels.schema('级别'),
    regionCode: regionCode('GB/T 2260: the province (PROVINCE), the city (CITY, TOWN) or the county (COUNTY)'),
    town: optional(text('TOWN only: the town (镇、街道) inside a city without counties; regionCode is then the city')),
    origin: CentreOriginSchema,
    venue: closed(
      { areaSqm: number({ minimum: 0 }, '办公和服务场所面积, ㎡'), address: text('服务场地地址') },
      { description: '服务场地' },
    ),
    staff: closed(
      {
        fullTime: integer(0, undefined, '全职从业人员数'),
        professional: integer(0, undefined, '其中中级以上职称或大学以上学历专业人员数 (at most fullTime)'),
      },
      { description: '人员' },
    ),
    head: text('负责人'),
    contact: closed({ phone: phone(), email: optional(email()) }, { description: '联系方式' }),
  },
  { $id: 'CentreFacts', description: 'A centre as the 汇总表 lists it' },
);
export type CentreFacts = Static<typeof CentreFactsSchema>;

export const CentreShortfallSchema = closed(
  {
    measure: centreMeasures.schema('未达标项'),
    required: number({ minimum: 0 }, 'The standard’s bound: ㎡, persons, or percent'),
    actual: number({ minimum: 0 }, 'The centre’s figure in the same unit (a share in percent, to one decimal)'),
  },
  { $id: 'CentreShortfall', description: 'One way the centre falls short of its level’s standard' },
);
export type CentreShortfall = Static<typeof CentreShortfallSchema>;

export const CentreCheckSchema = closed(
  {
    standardId: text('The standard applied (see docs/centres.md)'),
    shortfalls: arrayOf(CentreShortfallSchema, { description: 'Empty when the centre meets the standard' }),
    basis: text('Why, in Chinese: the clause, the figures and the bounds'),
  },
  { $id: 'CentreCheck', description: 'The check of the centre against its level’s standard' },
);
export type CentreCheck = Static<typeof CentreCheckSchema>;

export const RemediationSchema = closed(
  { plan: text('整改计划'), deadline: businessDate('整改期限, after the day it was recorded') },
  { $id: 'CentreRemediation', description: 'How and by when a centre below standard is to meet it' },
);
export type Remediation = Static<typeof RemediationSchema>;

export const LinkedProviderSchema = registeredOrganisation({ providerId: recordId('The provider') }, '服务机构名称', {
  $id: 'CentreLinkedProvider',
  description: 'A provider of the 库 the centre works with, as its record stood',
});
export type LinkedProvider = Static<typeof LinkedProviderSchema>;
