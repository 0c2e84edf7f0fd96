import {
  EDUCATION_LEVELS,
  MATERIAL_KINDS,
  OPERATOR_TYPES,
  PARK_OPERATOR_TYPES,
  REVOCATION_GROUNDS,
  type ApplicationEvent,
  type CallEvent,
  type EnterpriseEvent,
  type ExpertEvent,
  type ProviderEvent,
  type StationEvent,
} from '@sme/domain';
import { LIBRARY_EVENT_MESSAGES, LIBRARY_SHARED_SCHEMAS, type LibraryEventType, type LibrarySchemaName } from './library-payload-schemas';
import type { JsonSchema } from './json-schema';
import { messagesFromKinds } from './kind-messages';
import {
  amount,
  at,
  cityCode,
  deadline,
  districtCode,
  email,
  integer,
  object,
  opinion,
  phone,
  plaqueNumber,
  recordId,
  REGION_CODE,
  sha256,
  text,
  uscc,
  schemaRef,
  withDescription,
  type EventMessageSpec,
} from './schema-builders';

export type { EventMessageSpec } from './schema-builders';

/**
 * The published contract of every event's data (the Kafka message value): one JSON Schema per event
 * type, written against the TypeScript types in libs/domain/src/<aggregate>/*.events.ts
 * and the rules the deciders enforce before an event exists. The AsyncAPI document is generated from
 * these (see generate-asyncapi.ts); a test validates real events against them. The kinds that define
 * their events as specs in the domain (stations, enterprises, providers, experts) come from
 * kind-messages.ts; the calls and applications are described here, the libraries (products, cases,
 * policies, FAQs, demands) in library-payload-schemas.ts.
 */
type StationFamilyEventType = CallEvent['type'] | ApplicationEvent['type'];
const FROM_KINDS = messagesFromKinds();
export type PublishedEventType =
  | StationFamilyEventType
  | LibraryEventType
  | StationEvent['type']
  | EnterpriseEvent['type']
  | ExpertEvent['type']
  | ProviderEvent['type'];

/** The names of the shared sub-schemas of the station procedure under `components.schemas`. */
type StationSchemaName =
  | 'Material'
  | 'PanelExpert'
  | 'PublishedListEntry'
  | 'Contact'
  | 'OperatorInfo'
  | 'OperationsYear'
  | 'StationHead'
  | 'StationInfo'
  | 'ApplicationForm';

const ref = (name: StationSchemaName): JsonSchema => schemaRef(name);

const STATION_SHARED_SCHEMAS: Record<StationSchemaName, JsonSchema> = {
  Material: object(
    {
      kind: {
        type: 'string',
        enum: [...MATERIAL_KINDS],
        description:
          '申报材料: APPLICATION_FORM 申请表, LEGAL_PERSON_CERTIFICATE 法人证书或营业执照副本, STAFF_CREDENTIALS 专职工作人员情况, ' +
          'VENUE_PROOF 固定经营服务场所证明, FINANCIAL_STATEMENTS 财务报表, SERVICE_EVIDENCE 开展相关服务的证明材料',
      },
      fileName: text('File name'),
      sha256: sha256(),
    },
    { description: 'One filed material (the file itself is not published, only its digest)' },
  ),
  PanelExpert: object(
    {
      expertId: text('The expert’s user id'),
      name: text('The expert’s name'),
      organisation: text('The expert’s organisation id (a USCC for legal persons)'),
    },
    { description: 'A member of the expert panel' },
  ),
  PublishedListEntry: object(
    {
      applicationId: recordId('The approved application'),
      stationId: recordId('The station the application becomes'),
      districtCode: districtCode(),
      stationName: text('Station name'),
      plaqueNumber: plaqueNumber(),
    },
    { description: 'One designated station on the published list' },
  ),
  Contact: object({ name: text('Contact name'), phone: phone(), email: email() }, { description: '联系人' }),
  OperatorInfo: object(
    {
      name: text('申请主体名称'),
      uscc: uscc(),
      type: {
        type: 'string',
        enum: [...OPERATOR_TYPES],
        description:
          '申请（运营）主体类型: SCIENCE_PARK 科技园区, CULTURAL_CREATIVE_PARK 文化创意园区, LOGISTICS_PARK 物流园区, ' +
          'ECO_AGRICULTURE_PARK 生态农业园区, INDUSTRIAL_PARK 工业园区, SOFTWARE_PARK 软件园区, BUSINESS_ASSOCIATION 商协会, ' +
          'SERVICE_ORGANISATION 服务机构, OTHER 其他',
      },
      industry: text('服务对象主导产业或所属行业'),
      registrationDate: { type: 'string', format: 'date', description: '注册日期 (before the call’s registration cut-off)' },
      registrationRegionCode: { type: 'string', pattern: REGION_CODE, description: 'GB/T 2260 code of the place of registration: the call’s city or one of its districts' },
      legalRepresentative: text('法人代表'),
      nature: text('单位性质'),
      registeredAddress: text('注册地址'),
      postcode: { type: 'string', pattern: '^[0-9]{6}$', description: '邮政编码' },
      officeAddress: text('办公地址'),
      contact: ref('Contact'),
      parkOpenedOn: {
        type: 'string',
        pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$',
        description: `开园时间 YYYY-MM; present exactly when type is a park (${PARK_OPERATOR_TYPES.join(', ')})`,
      },
      enterprisesServed: integer(0, undefined, '服务企业数量（家）'),
    },
    { optional: ['parkOpenedOn'], description: '申请（运营）主体' },
  ),
  OperationsYear: object(
    {
      year: { type: 'integer', description: 'Calendar year' },
      revenue: amount('营业收入', 0),
      serviceRevenue: amount('服务收入 (not above revenue)', 0),
      totalAssets: amount('资产总额', 0),
      totalProfit: amount('利润总额 (negative for a loss)'),
      taxPaid: amount('上缴税金', 0),
      smesServed: integer(0, undefined, '服务中小微企业户数'),
    },
    { description: '近两年运营情况: one year' },
  ),
  StationHead: object(
    {
      name: text('服务站负责人'),
      phone: phone(),
      email: email(),
      education: {
        type: 'string',
        enum: [...EDUCATION_LEVELS],
        description: '学历: JUNIOR_HIGH_OR_BELOW 初中及以下, SENIOR_HIGH_OR_TECHNICAL 高中、中技, COLLEGE_OR_BACHELOR 大专、本科, ABOVE_BACHELOR 本科以上',
      },
    },
    { description: '服务站负责人' },
  ),
  StationInfo: object(
    {
      name: text('服务站名称'),
      districtCode: districtCode(),
      address: text('服务站具体位置'),
      areaSqm: { type: 'number', exclusiveMinimum: 0, description: '服务站面积, m²' },
      fullTimeStaff: integer(1, 3, '专职工作人员 (1–3)'),
      qualifiedFullTimeStaff: integer(0, undefined, '大专或中级职称以上, among the full-time staff (not above fullTimeStaff)'),
      partTimeStaff: integer(0, undefined, '兼职人数'),
      head: ref('StationHead'),
    },
    { description: 'The station applied for' },
  ),
  ApplicationForm: object(
    {
      operator: ref('OperatorInfo'),
      operations: {
        type: 'array',
        items: ref('OperationsYear'),
        minItems: 2,
        maxItems: 2,
        description: 'Exactly the two years before the call’s year, oldest first',
      },
      station: ref('StationInfo'),
      materials: {
        type: 'array',
        items: ref('Material'),
        maxItems: MATERIAL_KINDS.length,
        description: 'The materials filed with the draft, at most one per kind; the rest are attached later (ApplicationMaterialAttached)',
      },
    },
    { description: '广州市中小企业服务站申请表 (穗工信函〔2019〕1100号, 附件); amounts in 万元' },
  ),
};

const districtReview = (passed: boolean): JsonSchema =>
  object({
    applicationId: recordId('The application'),
    districtCode: withDescription(districtCode(), 'The station’s district, whose authority reviewed'),
    opinion: opinion(),
    reviewedAt: at(passed ? 'When the district passed it' : 'When the district rejected it'),
  });

const recommendation = (): JsonSchema =>
  object({
    applicationId: recordId('The application'),
    averageScore: { type: 'number', minimum: 0, maximum: 100, description: 'Mean of the panel’s scores, rounded to two decimals' },
    opinion: opinion(),
    issuedAt: at('When the hub issued its recommendation'),
  });

const decision = (): JsonSchema =>
  object({ applicationId: recordId('The application'), opinion: opinion(), decidedAt: at('When the city decided') });

const STATION_EVENT_MESSAGES: Record<StationFamilyEventType, EventMessageSpec> = {
  CallOpened: {
    title: 'Call opened (征集批次发布)',
    summary: 'The city authority opened a call for station applications.',
    payload: object({
      callId: recordId('The call'),
      title: text('Title of the call'),
      documentNumber: {
        type: 'string',
        pattern: '^[^\\s〔〕0-9][^\\s〔〕]*〔[0-9]{4}〕[1-9][0-9]{0,5}号$',
        description: '发文字号: issuer〔year〕number号, e.g. 穗工信函〔2019〕1100号',
      },
      cityCode: cityCode(),
      registrationCutoff: { type: 'string', format: 'date', description: 'Operators must have been registered before this day' },
      districtDeadline: deadline('Applications reach the district by then (逾期不予受理)'),
      cityDeadline: deadline('Districts forward their reviews to the city by then; not before districtDeadline'),
      targetStationCount: integer(1, undefined, '建设目标: how many stations the call aims for'),
      openedAt: at('When the call opened'),
    }),
  },
  CallClosed: {
    title: 'Call closed (征集截止)',
    summary: 'The call takes no more submissions.',
    payload: object({ callId: recordId('The call'), closedAt: at('When the call closed') }),
  },
  CallListPublished: {
    title: 'List published (发布名单)',
    summary: 'The city published the list of designated stations, with their plaque numbers.',
    description:
      'Plaque numbers are numbered by district code, then application id. Each entry is followed by ApplicationDesignated ' +
      '(applications topic) and StationDesignated (stations topic) whose ce_causationid is this event’s ce_id.',
    payload: object({
      callId: recordId('The call'),
      entries: { type: 'array', items: ref('PublishedListEntry'), minItems: 1, description: 'The designated stations' },
      publishedAt: at('When the list was published'),
    }),
  },
  ApplicationDrafted: {
    title: 'Application drafted (提交申请表)',
    summary: 'An operator filed the application form; the application is a DRAFT.',
    payload: object({
      applicationId: recordId('The application'),
      callId: recordId('The call applied to'),
      cityCode: cityCode(),
      ownerOrgId: { type: 'string', description: 'The operator organisation that owns the application: the `orgId` of the filing user’s token, as given' },
      form: ref('ApplicationForm'),
      draftedAt: at('When the form was filed'),
    }),
  },
  ApplicationMaterialAttached: {
    title: 'Material attached (补充申报材料)',
    summary: 'A material was attached to the draft, replacing one of the same kind.',
    payload: object({ applicationId: recordId('The application'), material: ref('Material'), attachedAt: at('When it was attached') }),
  },
  ApplicationSubmitted: {
    title: 'Application submitted (申请已提交)',
    summary: 'Submitted to the district before its deadline with all six materials; stage SUBMITTED.',
    payload: object({ applicationId: recordId('The application'), callId: recordId('The call'), submittedAt: at('When it was submitted') }),
  },
  ApplicationPassedDistrictReview: {
    title: 'District review passed (区初审通过)',
    summary: 'The district authority passed the application; stage DISTRICT_PASSED.',
    payload: districtReview(true),
  },
  ApplicationRejectedByDistrict: {
    title: 'District review rejected (区初审未通过)',
    summary: 'The district authority rejected the application (final); stage DISTRICT_REJECTED.',
    payload: districtReview(false),
  },
  ExpertPanelFormed: {
    title: 'Expert panel formed (组建专家组)',
    summary: 'The hub formed the expert panel (at least three experts, none from the applicant); stage PANEL_FORMED.',
    payload: object({
      applicationId: recordId('The application'),
      experts: { type: 'array', items: ref('PanelExpert'), minItems: 3, description: 'The panel, distinct experts' },
      formedAt: at('When the panel was formed'),
    }),
  },
  ExpertScoreRecorded: {
    title: 'Expert score recorded (专家评分)',
    summary: 'One panel expert scored the application; after the last expert the stage is SCORED.',
    payload: object({
      applicationId: recordId('The application'),
      expertId: { type: 'string', minLength: 1, description: 'The scoring expert’s user id (one of the panel’s expertId)' },
      score: integer(0, 100, 'Score, an integer 0–100'),
      opinion: opinion(),
      scoredAt: at('When the score was recorded'),
    }),
  },
  ApplicationRecommended: {
    title: 'Recommended (推荐意见：推荐)',
    summary: 'The hub recommended the application to the city; stage RECOMMENDED.',
    payload: recommendation(),
  },
  ApplicationNotRecommended: {
    title: 'Not recommended (推荐意见：不推荐)',
    summary: 'The hub did not recommend the application; stage NOT_RECOMMENDED (the city still decides).',
    payload: recommendation(),
  },
  ApplicationApproved: {
    title: 'Approved by the city (市审定通过)',
    summary: 'The city approved the application; stage APPROVED, designated when the list is published.',
    payload: decision(),
  },
  ApplicationRejected: {
    title: 'Rejected by the city (市审定未通过)',
    summary: 'The city rejected the application (final); stage REJECTED.',
    payload: decision(),
  },
  ApplicationDesignated: {
    title: 'Application designated (已授牌)',
    summary: 'The published list made the application a station; stage DESIGNATED.',
    payload: object({
      applicationId: recordId('The application'),
      stationId: recordId('The station it became'),
      plaqueNumber: plaqueNumber(),
      designatedAt: at('When the list was published'),
    }),
  },
};

/** The names of the shared sub-schemas under `components.schemas`. */
export type SharedSchemaName = StationSchemaName | LibrarySchemaName;

/** Sub-schemas several events share; they appear under `components.schemas`. */
export const SHARED_SCHEMAS: Record<string, JsonSchema> = { ...FROM_KINDS.schemas, ...STATION_SHARED_SCHEMAS, ...LIBRARY_SHARED_SCHEMAS };

/** Every published event type → its message title, summary and payload schema. */
export const EVENT_MESSAGES = { ...FROM_KINDS.messages, ...STATION_EVENT_MESSAGES, ...LIBRARY_EVENT_MESSAGES } as Record<PublishedEventType, EventMessageSpec>;
