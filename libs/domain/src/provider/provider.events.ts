import { ContactSchema, type ContactDetails } from '../shared/contact';
import { OrganisationTiesSchema } from '../shared/organisation-ties';
import {
  arrayOf,
  at,
  bool,
  businessDate,
  cityCode,
  closed,
  evidence,
  localRegionCode,
  matching,
  number,
  oneOf,
  opinion,
  optional,
  withDescription,
  recordId,
  sha256,
  text,
  uscc,
  type Static,
} from '../shared/schema/builders';
import { recordEvents, type EventOf, type EventsByType } from '../shared/schema/event-spec';
import { EVALUATION_PERIOD_PATTERN, MonitoringScoresSchema, MonitoringWeightsSchema, SatisfactionBasisSchema } from './monitoring';
import { ProviderRemovalGroundSchema } from './removal-grounds';
import { ServiceDomainSchema } from '../shared/service-domains';

export const WARNING_LIFT_BASES = ['FOLLOW_UP_PASSED', 'RECTIFIED'] as const;
export type WarningLiftBasis = (typeof WARNING_LIFT_BASES)[number];

/** A qualification or other material filed with an entry application. `kind` is free text, e.g. 营业执照, 资质证书. */
export const ProviderMaterialSchema = closed(
  { kind: text('材料类别, free text, e.g. 营业执照, 资质证书'), fileName: text('File name'), sha256: sha256() },
  { $id: 'ProviderMaterial', description: 'A qualification or supporting material filed with an entry application (only its digest is published)' },
);
export type ProviderMaterial = Static<typeof ProviderMaterialSchema>;

export type ProviderContact = ContactDetails;

export const RemovalEvidenceSchema = evidence({ $id: 'RemovalEvidence', description: 'Evidence for a removal from the pool' });
export type ProviderRemovalEvidence = Static<typeof RemovalEvidenceSchema>;

/** Record ids the ledger made: the provider's own, and the stations' it refers to. */
const stationId = () => recordId('A service station');
const cityOfRegion = () => cityCode('GB/T 2260 code of the city: the first four digits of regionCode, then 00');
const score = (description: string) => number({ minimum: 0, maximum: 100 }, description);

/** 优质服务机构库: every event of a provider's record. */
export const PROVIDER_EVENTS = recordEvents({ providerId: recordId('The provider') }, {
  ProviderAppliedForEntry: {
    action: 'entry-applied',
    title: 'Entry applied for (申请入库)',
    summary: 'A service provider applied to enter the pool: its first round, or a new one after a refusal or a removal; status APPLIED.',
    payload: {
      uscc: uscc(),
      name: text('服务机构名称'),
      regionCode: localRegionCode(),
      cityCode: cityOfRegion(),
      serviceDomains: arrayOf(ServiceDomainSchema, { minItems: 1, uniqueItems: true, description: '服务领域, each at most once' }),
      materials: arrayOf(ProviderMaterialSchema, { minItems: 1, description: 'Qualifications and supporting materials' }),
      contact: ContactSchema,
      ties: optional(OrganisationTiesSchema),
      appliedAt: at('When it applied'),
    },
  },
  /** 入库 */
  ProviderAdmitted: {
    action: 'admitted',
    title: 'Provider admitted (入库)',
    summary: 'The hub or city authority admitted the provider; status IN_POOL.',
    payload: { uscc: uscc(), cityCode: cityOfRegion(), opinion: opinion(), admittedAt: at('When it was admitted') },
  },
  ProviderEntryRefused: {
    action: 'entry-refused',
    title: 'Entry refused (不予入库)',
    summary: 'The entry application was refused with reasons; status REFUSED (it may apply again).',
    payload: {
      reasons: arrayOf(text(), { minItems: 1, description: 'The reasons for the refusal' }),
      opinion: opinion(),
      refusedAt: at('When it was refused'),
    },
  },
  /** 监测评价. `removalRecommended`: a repeated failure (see the decider), for the authority to act on. */
  ProviderEvaluated: {
    action: 'evaluated',
    title: 'Provider evaluated (监测评价)',
    summary: 'A monitoring evaluation of a provider in the pool on capability, management, quality and satisfaction.',
    description:
      'A first failure is followed by ProviderWarned. removalRecommended marks a second failure in a row or a failure while warned: ' +
      'the authority may then remove the provider (ground FAILED_EVALUATION); nothing is removed by itself.',
    payload: {
      evaluationId: text('The evaluation’s id, unique per provider'),
      period: matching(EVALUATION_PERIOD_PATTERN, 'The period evaluated: a year (2024), a half (2024-H1) or a quarter (2024-Q3)'),
      scores: MonitoringScoresSchema,
      weights: MonitoringWeightsSchema,
      passMark: score('合格分数线 (default 60)'),
      total: score('Weighted mean of the scores, two decimals'),
      passed: bool('total ≥ passMark'),
      removalRecommended: bool('A repeated failure, for the authority to act on'),
      opinion: opinion(),
      satisfactionBasis: optional(withDescription(SatisfactionBasisSchema, 'Where the satisfaction score came from; absent on evaluations recorded before the ledger computed it')),
      evaluatedAt: at('When it was recorded'),
    },
  },
  /** 警示, opening a 整改期 that ends on `probationDeadline` ('YYYY-MM-DD'). */
  ProviderWarned: {
    action: 'warned',
    title: 'Provider warned (警示)',
    summary: 'A first failing evaluation opened a rectification period (整改期) ending on probationDeadline.',
    payload: {
      evaluationId: text('The failing evaluation'),
      period: matching(EVALUATION_PERIOD_PATTERN, 'Its period'),
      probationDeadline: businessDate('整改期限: the last day of the period, after the day of the warning'),
      warnedAt: at('When it was warned'),
    },
  },
  ProviderWarningLifted: {
    action: 'warning-lifted',
    title: 'Warning lifted (解除警示)',
    summary: 'The warning ended: a passed follow-up evaluation (named) or accepted rectification.',
    payload: {
      basis: oneOf(
        WARNING_LIFT_BASES,
        'FOLLOW_UP_PASSED 复评合格 (evaluationId names an evaluation passed after the warning), RECTIFIED 整改到位 (no evaluationId)',
      ),
      evaluationId: optional(text('The passed follow-up evaluation, exactly when basis is FOLLOW_UP_PASSED')),
      opinion: opinion(),
      liftedAt: at('When it was lifted'),
    },
  },
  /** 出库, by the authority or (grounds VOLUNTARY) by the provider; `stationIds` are the stations it left with it. */
  ProviderRemoved: {
    action: 'removed',
    title: 'Provider removed (出库)',
    summary: 'The provider left the pool, removed by the authority or withdrawing itself (ground VOLUNTARY); status REMOVED.',
    description:
      'Preceded in the same request by one ProviderLeftStation (cause REMOVED_FROM_POOL) per station in stationIds. ' +
      'A removal for FALSIFIED_MATERIALS or ILLEGAL_CONDUCT bars a new application for some years (default 3).',
    payload: {
      uscc: uscc(),
      grounds: arrayOf(ProviderRemovalGroundSchema, {
        minItems: 1,
        uniqueItems: true,
        description: 'The grounds, each at most once; [VOLUNTARY] when the provider withdrew',
      }),
      evidence: arrayOf(RemovalEvidenceSchema, { description: 'The evidence: at least one item for a removal by the authority, none for a voluntary exit' }),
      opinion: text('The authority’s opinion, or the provider’s reason for withdrawing'),
      removedBy: oneOf(['AUTHORITY', 'PROVIDER'], 'AUTHORITY: the hub or city authority; PROVIDER: a voluntary exit'),
      stationIds: arrayOf(stationId(), { description: 'The stations the provider was settled at and left with it' }),
      removedAt: at('When it left the pool'),
    },
  },
  /** 入驻 a service station from the business date `since`. */
  ProviderSettledAtStation: {
    action: 'settled-at-station',
    title: 'Settled at a station (入驻服务站)',
    summary: 'The provider, in the pool, settled at a service station from a business date.',
    payload: {
      stationId: stationId(),
      since: businessDate('入驻日期: not before the admission, not after the day of the act'),
    },
  },
  /** `cause` REMOVED_FROM_POOL: left because the provider left the 库 (emitted with ProviderRemoved). */
  ProviderLeftStation: {
    action: 'left-station',
    title: 'Left a station (退出服务站)',
    summary: 'The provider left a service station; cause REMOVED_FROM_POOL when it left the pool.',
    payload: {
      stationId: stationId(),
      reason: text('The reason (the removal’s opinion when cause is REMOVED_FROM_POOL)'),
      cause: oneOf(['LEFT', 'REMOVED_FROM_POOL'], 'LEFT: on its own; REMOVED_FROM_POOL: with ProviderRemoved'),
      leftAt: at('When it left'),
    },
  },
});

export type ProviderEvent = EventOf<typeof PROVIDER_EVENTS>;
export type ProviderEvents = EventsByType<typeof PROVIDER_EVENTS>;
