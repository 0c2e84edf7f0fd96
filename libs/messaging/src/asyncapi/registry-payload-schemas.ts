import {
  MONITORING_DIMENSION_LABELS,
  MONITORING_DIMENSIONS,
  PROVIDER_REMOVAL_GROUND_LABELS,
  PROVIDER_REMOVAL_GROUNDS,
  SERVICE_DOMAIN_LABELS,
  SERVICE_DOMAINS,
  WARNING_LIFT_BASES,
  type ProviderEvent,
} from '@sme/domain';
import type { JsonSchema } from './json-schema';
import { CITY_CODE, REGION_CODE, at, integer, object, opinion, recordId, schemaRef, sha256, text, uscc, type EventMessageSpec } from './schema-builders';

/**
 * The payload schemas of the registries: enterprises (中小企业数据库), service providers (优质服务机构库)
 * and experts (服务专家库), written against libs/domain/src/{enterprise,provider,expert}/*.events.ts and
 * the checks of their deciders. payload-schemas.ts merges them into the published contract.
 */
export type RegistryEventType = ProviderEvent['type'];

export type RegistrySchemaName =
  | 'ServiceDomain'
  | 'ProviderMaterial'
  | 'ProviderRemovalGround'
  | 'RemovalEvidence'
  | 'MonitoringScores'
  | 'MonitoringWeights';

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
const stationId = (): JsonSchema => recordId('A service station');

export const REGISTRY_SHARED_SCHEMAS: Record<RegistrySchemaName, JsonSchema> = {
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
};

export const REGISTRY_EVENT_MESSAGES: Record<RegistryEventType, EventMessageSpec> = {
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
};
