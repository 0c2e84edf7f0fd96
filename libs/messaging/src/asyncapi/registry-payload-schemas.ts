import {
  ENTERPRISE_TAG_LABELS,
  ENTERPRISE_TAGS,
  INDUSTRY_CODES,
  INDUSTRY_LABELS,
  MONITORING_DIMENSION_LABELS,
  MONITORING_DIMENSIONS,
  PROVIDER_REMOVAL_GROUND_LABELS,
  PROVIDER_REMOVAL_GROUNDS,
  SERVICE_DOMAIN_LABELS,
  SERVICE_DOMAINS,
  SIZE_CLASS_LABELS,
  SIZE_CLASSES,
  SIZE_STANDARDS,
  WARNING_LIFT_BASES,
  type EnterpriseEvent,
  type ExpertEvent,
  type ProviderEvent,
} from '@sme/domain';
import type { JsonSchema } from './json-schema';
import { CITY_CODE, REGION_CODE, at, integer, object, opinion, recordId, schemaRef, sha256, text, uscc, type EventMessageSpec } from './schema-builders';

/**
 * The payload schemas of the registries: enterprises (中小企业数据库), service providers (优质服务机构库)
 * and experts (服务专家库), written against libs/domain/src/{enterprise,provider,expert}/*.events.ts and
 * the checks of their deciders. payload-schemas.ts merges them into the published contract.
 */
export type RegistryEventType = EnterpriseEvent['type'] | ProviderEvent['type'] | ExpertEvent['type'];

export type RegistrySchemaName =
  | 'IndustryCode'
  | 'SizeClass'
  | 'EnterpriseFigures'
  | 'EnterpriseTag'
  | 'ServiceDomain'
  | 'ProviderMaterial'
  | 'ProviderRemovalGround'
  | 'RemovalEvidence'
  | 'MonitoringScores'
  | 'MonitoringWeights'
  | 'ExpertSpecialty'
  | 'ExpertOrganisation';

const ref = (name: RegistrySchemaName | 'Contact'): JsonSchema => schemaRef(name);
const labelled = (codes: readonly string[], labels: Record<string, { zh: string }>): string => codes.map((code) => `${code} ${labels[code].zh}`).join(', ');

const date = (description: string): JsonSchema => ({ type: 'string', format: 'date', description });
/** A city- or county-level GB/T 2260 code: where a provider or an expert sits. */
const localRegionCode = (): JsonSchema => ({
  type: 'string',
  pattern: '^[1-9][0-9]((0[1-9]|[1-9][0-9])00|[0-9]{2}(0[1-9]|[1-9][0-9]))$',
  description: 'GB/T 2260 code of a city (e.g. 440100) or a county-level district (e.g. 440106)',
});
const cityOf = (): JsonSchema => ({ type: 'string', pattern: CITY_CODE, description: 'GB/T 2260 code of the city: the first four digits of regionCode, then 00' });
const texts = (description: string): JsonSchema => ({ type: 'array', items: text(), minItems: 1, description });
const score = (description: string): JsonSchema => ({ type: 'number', minimum: 0, maximum: 100, description });
const perDimension = (schema: (label: string) => JsonSchema, description: string): JsonSchema =>
  object(Object.fromEntries(MONITORING_DIMENSIONS.map((d) => [d, schema(MONITORING_DIMENSION_LABELS[d].zh)])), { description });
/** Record ids the ledger made: the provider's own, and the stations' it refers to. */
const providerId = (): JsonSchema => recordId('The provider');
const enterpriseId = (): JsonSchema => recordId('The enterprise');
const expertId = (): JsonSchema => text('The expert’s user id (the `sub` of their token): the stream is `expert-<expertId>`');
const stationId = (): JsonSchema => recordId('A service station');

export const REGISTRY_SHARED_SCHEMAS: Record<RegistrySchemaName, JsonSchema> = {
  IndustryCode: {
    type: 'string',
    enum: [...INDUSTRY_CODES],
    description: `The industry row of the size standard (工信部联企业〔2011〕300号 第四条): ${labelled(INDUSTRY_CODES, INDUSTRY_LABELS)}`,
  },
  SizeClass: { type: 'string', enum: [...SIZE_CLASSES], description: `企业规模: ${labelled(SIZE_CLASSES, SIZE_CLASS_LABELS)}` },
  EnterpriseFigures: object(
    {
      year: { type: 'integer', description: 'The year of the figures: from the founding year to the year of the report' },
      employees: integer(0, undefined, '从业人员, persons'),
      revenue: { type: 'number', minimum: 0, description: '营业收入, 万元' },
      assets: { type: 'number', minimum: 0, description: '资产总额, 万元' },
    },
    { description: 'One year’s figures, the measures of the size standard' },
  ),
  EnterpriseTag: { type: 'string', enum: [...ENTERPRISE_TAGS], description: `企业称号: ${labelled(ENTERPRISE_TAGS, ENTERPRISE_TAG_LABELS)}` },
  ServiceDomain: { type: 'string', enum: [...SERVICE_DOMAINS], description: `服务领域: ${labelled(SERVICE_DOMAINS, SERVICE_DOMAIN_LABELS)}` },
  ProviderMaterial: object(
    { kind: text('材料类别, free text, e.g. 营业执照, 资质证书'), fileName: text('File name'), sha256: sha256() },
    { description: 'A qualification or supporting material filed with an entry application (only its digest is published)' },
  ),
  ProviderRemovalGround: {
    type: 'string',
    enum: [...PROVIDER_REMOVAL_GROUNDS],
    description: `出库理由: ${labelled(PROVIDER_REMOVAL_GROUNDS, PROVIDER_REMOVAL_GROUND_LABELS)}`,
  },
  RemovalEvidence: object(
    { description: text('What the evidence shows'), fileName: text('File name of the evidence, when a file was given'), sha256: sha256() },
    { optional: ['fileName', 'sha256'], description: 'Evidence for a removal from the pool' },
  ),
  MonitoringScores: perDimension((label) => score(`${label}, 0–100`), '监测评价 scores (工信部企业〔2023〕213号), each 0–100'),
  MonitoringWeights: perDimension(
    (label) => ({ type: 'number', minimum: 0, description: `Weight of ${label}` }),
    'Relative weights, ≥ 0 and not all zero; the total divides by their sum (default all 1)',
  ),
  ExpertSpecialty: object(
    { domain: ref('ServiceDomain'), detail: text('专长说明, e.g. 专利布局; present for OTHER') },
    { optional: ['detail'], description: 'A field of expertise' },
  ),
  ExpertOrganisation: object(
    {
      id: text('所在单位代码: a USCC (upper case, verified) for legal persons, otherwise as given'),
      name: text('所在单位名称'),
    },
    { description: 'The organisation the expert works for' },
  ),
};

export const REGISTRY_EVENT_MESSAGES: Record<RegistryEventType, EventMessageSpec> = {
  EnterpriseRegistered: {
    title: 'Enterprise registered (企业入库)',
    summary: 'An enterprise record begins: the enterprise, or a station operator, hub or district authority of its region, registered it.',
    description:
      'Followed in the same request by EnterpriseFiguresReported and EnterpriseSizeClassChanged (from null). A USCC is registered once across all enterprises.',
    payload: object({
      enterpriseId: enterpriseId(),
      uscc: uscc(),
      name: text('企业名称'),
      industryCode: ref('IndustryCode'),
      regionCode: { type: 'string', pattern: REGION_CODE, description: 'GB/T 2260 code of where the enterprise is, usually its district' },
      foundedOn: date('成立日期, not in the future'),
      registeredAt: at('When it was registered'),
    }),
  },
  EnterpriseFiguresReported: {
    title: 'Figures reported (报送经营数据)',
    summary: 'A year’s figures; a later report for the same year replaces the earlier one.',
    payload: object({ enterpriseId: enterpriseId(), figures: ref('EnterpriseFigures'), reportedAt: at('When they were reported') }),
  },
  EnterpriseProfileUpdated: {
    title: 'Profile updated (企业信息变更)',
    summary: 'The name, industry or region changed; only the fields that differ are given.',
    description: 'A new industry is followed by EnterpriseSizeClassChanged when the latest figures then give another class.',
    payload: object({
      enterpriseId: enterpriseId(),
      changes: object(
        {
          name: text('New name'),
          industryCode: ref('IndustryCode'),
          regionCode: { type: 'string', pattern: REGION_CODE, description: 'New GB/T 2260 region code' },
        },
        { optional: ['name', 'industryCode', 'regionCode'], description: 'The changed fields, at least one' },
      ),
      updatedAt: at('When it was updated'),
    }),
  },
  EnterpriseSizeClassChanged: {
    title: 'Size class changed (企业规模划型变更)',
    summary: 'The latest figures give another size class under the standard in force; from is null at registration.',
    payload: object({
      enterpriseId: enterpriseId(),
      from: { type: ['string', 'null'], enum: [...SIZE_CLASSES, null], description: 'The class before, null at registration' },
      to: ref('SizeClass'),
      standardId: { type: 'string', enum: SIZE_STANDARDS.map((s) => s.id), description: 'The size standard applied, e.g. MIIT-2011-300 (工信部联企业〔2011〕300号)' },
      industryCode: ref('IndustryCode'),
      figuresYear: { type: 'integer', description: 'The year whose figures gave the class' },
      basis: text('Why, in Chinese, citing the standard’s clause'),
      changedAt: at('When it changed'),
    }),
  },
  EnterpriseTagGranted: {
    title: 'Tag granted (认定称号)',
    summary: 'The city or district authority recorded a recognition (e.g. 专精特新) issued by an authority, for a period.',
    payload: object(
      {
        enterpriseId: enterpriseId(),
        tag: ref('EnterpriseTag'),
        issuedBy: text('认定机关, e.g. 广东省工业和信息化厅'),
        documentNumber: {
          type: 'string',
          pattern: '^[^\\s〔〕0-9][^\\s〔〕]*〔[0-9]{4}〕[1-9][0-9]{0,5}号$',
          description: '发文字号 of the recognition: issuer〔year〕number号',
        },
        validFrom: date('First day it counts'),
        validUntil: date('Last day it counts, not before validFrom; no overlap with another grant of the same tag'),
        grantedAt: at('When it was recorded'),
      },
      { optional: ['documentNumber'] },
    ),
  },
  EnterpriseTagRevoked: {
    title: 'Tag revoked (撤销称号)',
    summary: 'The authority revoked a tag: every grant of it not yet over on revokedOn stops counting from that day.',
    payload: object({
      enterpriseId: enterpriseId(),
      tag: ref('EnterpriseTag'),
      reason: text('撤销理由'),
      revokedOn: date('The day of the act, China calendar: the first day the tag no longer counts'),
      revokedAt: at('When it was revoked'),
    }),
  },

  ProviderAppliedForEntry: {
    title: 'Entry applied for (申请入库)',
    summary: 'A service provider applied to enter the pool: its first round, or a new one after a refusal or a removal; status APPLIED.',
    payload: object({
      providerId: providerId(),
      uscc: uscc(),
      name: text('服务机构名称'),
      regionCode: localRegionCode(),
      cityCode: cityOf(),
      serviceDomains: { type: 'array', items: ref('ServiceDomain'), minItems: 1, uniqueItems: true, description: '服务领域, each at most once' },
      materials: { type: 'array', items: ref('ProviderMaterial'), minItems: 1, description: 'Qualifications and supporting materials' },
      contact: ref('Contact'),
      appliedAt: at('When it applied'),
    }),
  },
  ProviderAdmitted: {
    title: 'Provider admitted (入库)',
    summary: 'The hub or city authority admitted the provider; status IN_POOL.',
    payload: object({ providerId: providerId(), uscc: uscc(), cityCode: cityOf(), opinion: opinion(), admittedAt: at('When it was admitted') }),
  },
  ProviderEntryRefused: {
    title: 'Entry refused (不予入库)',
    summary: 'The entry application was refused with reasons; status REFUSED (it may apply again).',
    payload: object({ providerId: providerId(), reasons: texts('The reasons for the refusal'), opinion: opinion(), refusedAt: at('When it was refused') }),
  },
  ProviderEvaluated: {
    title: 'Provider evaluated (监测评价)',
    summary: 'A monitoring evaluation of a provider in the pool on capability, management, quality and satisfaction.',
    description:
      'A first failure is followed by ProviderWarned. removalRecommended marks a second failure in a row or a failure while warned: ' +
      'the authority may then remove the provider (ground FAILED_EVALUATION); nothing is removed by itself.',
    payload: object({
      providerId: providerId(),
      evaluationId: text('The evaluation’s id, unique per provider'),
      period: { type: 'string', pattern: '^(19|20|21)[0-9]{2}(-H[12]|-Q[1-4])?$', description: 'The period evaluated: a year (2024), a half (2024-H1) or a quarter (2024-Q3)' },
      scores: ref('MonitoringScores'),
      weights: ref('MonitoringWeights'),
      passMark: score('合格分数线 (default 60)'),
      total: score('Weighted mean of the scores, two decimals'),
      passed: { type: 'boolean', description: 'total ≥ passMark' },
      removalRecommended: { type: 'boolean', description: 'A repeated failure, for the authority to act on' },
      opinion: opinion(),
      evaluatedAt: at('When it was recorded'),
    }),
  },
  ProviderWarned: {
    title: 'Provider warned (警示)',
    summary: 'A first failing evaluation opened a rectification period (整改期) ending on probationDeadline.',
    payload: object({
      providerId: providerId(),
      evaluationId: text('The failing evaluation'),
      period: { type: 'string', pattern: '^(19|20|21)[0-9]{2}(-H[12]|-Q[1-4])?$', description: 'Its period' },
      probationDeadline: date('整改期限: the last day of the period, after the day of the warning'),
      warnedAt: at('When it was warned'),
    }),
  },
  ProviderWarningLifted: {
    title: 'Warning lifted (解除警示)',
    summary: 'The warning ended: a passed follow-up evaluation (named) or accepted rectification.',
    payload: object(
      {
        providerId: providerId(),
        basis: {
          type: 'string',
          enum: [...WARNING_LIFT_BASES],
          description: 'FOLLOW_UP_PASSED 复评合格 (evaluationId names an evaluation passed after the warning), RECTIFIED 整改到位 (no evaluationId)',
        },
        evaluationId: text('The passed follow-up evaluation, exactly when basis is FOLLOW_UP_PASSED'),
        opinion: opinion(),
        liftedAt: at('When it was lifted'),
      },
      { optional: ['evaluationId'] },
    ),
  },
  ProviderRemoved: {
    title: 'Provider removed (出库)',
    summary: 'The provider left the pool, removed by the authority or withdrawing itself (ground VOLUNTARY); status REMOVED.',
    description:
      'Preceded in the same request by one ProviderLeftStation (cause REMOVED_FROM_POOL) per station in stationIds. ' +
      'A removal for FALSIFIED_MATERIALS or ILLEGAL_CONDUCT bars a new application for some years (default 3).',
    payload: object({
      providerId: providerId(),
      uscc: uscc(),
      grounds: { type: 'array', items: ref('ProviderRemovalGround'), minItems: 1, uniqueItems: true, description: 'The grounds, each at most once; [VOLUNTARY] when the provider withdrew' },
      evidence: { type: 'array', items: ref('RemovalEvidence'), description: 'The evidence: at least one item for a removal by the authority, none for a voluntary exit' },
      opinion: text('The authority’s opinion, or the provider’s reason for withdrawing'),
      removedBy: { type: 'string', enum: ['AUTHORITY', 'PROVIDER'], description: 'AUTHORITY: the hub or city authority; PROVIDER: a voluntary exit' },
      stationIds: { type: 'array', items: stationId(), description: 'The stations the provider was settled at and left with it' },
      removedAt: at('When it left the pool'),
    }),
  },
  ProviderSettledAtStation: {
    title: 'Settled at a station (入驻服务站)',
    summary: 'The provider, in the pool, settled at a service station from a business date.',
    payload: object({ providerId: providerId(), stationId: stationId(), since: date('入驻日期: not before the admission, not after the day of the act') }),
  },
  ProviderLeftStation: {
    title: 'Left a station (退出服务站)',
    summary: 'The provider left a service station; cause REMOVED_FROM_POOL when it left the pool.',
    payload: object({
      providerId: providerId(),
      stationId: stationId(),
      reason: text('The reason (the removal’s opinion when cause is REMOVED_FROM_POOL)'),
      cause: { type: 'string', enum: ['LEFT', 'REMOVED_FROM_POOL'], description: 'LEFT: on its own; REMOVED_FROM_POOL: with ProviderRemoved' },
      leftAt: at('When it left'),
    }),
  },

  ExpertRegistered: {
    title: 'Expert registered (专家登记)',
    summary: 'An expert record begins, registered by the expert or the hub of their city; status REGISTERED, not yet on panels.',
    payload: object({
      expertId: expertId(),
      name: text('专家姓名'),
      specialties: { type: 'array', items: ref('ExpertSpecialty'), minItems: 1, description: '专长领域, no two the same' },
      organisation: ref('ExpertOrganisation'),
      regionCode: localRegionCode(),
      cityCode: cityOf(),
      title: text('职称或资格, e.g. 高级经济师, 执业律师'),
      registeredBy: { type: 'string', enum: ['SELF', 'HUB'], description: 'SELF: the expert; HUB: the hub of their city' },
      registeredAt: at('When they were registered'),
    }),
  },
  ExpertAdmitted: {
    title: 'Expert admitted (专家入库)',
    summary: 'The hub or city authority admitted the expert; status ADMITTED, available for panels.',
    payload: object({ expertId: expertId(), opinion: opinion(), admittedAt: at('When they were admitted') }),
  },
  ExpertSuspended: {
    title: 'Expert suspended (暂停)',
    summary: 'The expert is off panels to the end of until (China calendar), or until reinstated when until is absent.',
    payload: object(
      { expertId: expertId(), reason: text('The reason'), until: date('Last day of the suspension, not before the day of the act'), suspendedAt: at('When they were suspended') },
      { optional: ['until'] },
    ),
  },
  ExpertReinstated: {
    title: 'Expert reinstated (恢复)',
    summary: 'The suspension in force ended; the expert is available for panels again.',
    payload: object({ expertId: expertId(), opinion: opinion(), reinstatedAt: at('When they were reinstated') }),
  },
  ExpertRemoved: {
    title: 'Expert removed (专家出库)',
    summary: 'The expert left the pool for good; status REMOVED.',
    payload: object({ expertId: expertId(), reason: text('The reason'), removedAt: at('When they were removed') }),
  },
  ExpertProfileUpdated: {
    title: 'Expert profile updated (专家信息变更)',
    summary: 'Profile fields other than the organisation changed; only the changed ones are given.',
    payload: object({
      expertId: expertId(),
      changes: object(
        {
          name: text('New name'),
          specialties: { type: 'array', items: ref('ExpertSpecialty'), minItems: 1, description: 'The new specialties, all of them' },
          regionCode: localRegionCode(),
          cityCode: withCity(),
          title: text('New title or qualification'),
        },
        { optional: ['name', 'specialties', 'regionCode', 'cityCode', 'title'], description: 'The changed fields, at least one; regionCode and cityCode change together' },
      ),
      updatedAt: at('When it was updated'),
    }),
  },
  ExpertOrganisationChanged: {
    title: 'Organisation changed (所在单位变更)',
    summary: 'The expert moved to another organisation; conflict-of-interest checks use the organisation at the time.',
    payload: object({ expertId: expertId(), from: ref('ExpertOrganisation'), to: ref('ExpertOrganisation'), changedAt: at('When it changed') }),
  },
};

function withCity(): JsonSchema {
  return { ...cityOf(), description: 'The city of the new regionCode (present with it)' };
}
