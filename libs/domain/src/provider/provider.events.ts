import type { DomainEvent } from '../shared/decider';
import type { MonitoringScores, MonitoringWeights } from './monitoring';
import type { ProviderContact, ProviderMaterial, ProviderRemovalEvidence, WarningLiftBasis } from './provider.commands';
import type { ProviderRemovalGround } from './removal-grounds';
import type { ServiceDomain } from './service-domains';

export type ProviderAppliedForEntry = DomainEvent<
  'ProviderAppliedForEntry',
  {
    providerId: string;
    uscc: string;
    name: string;
    regionCode: string;
    cityCode: string;
    serviceDomains: ServiceDomain[];
    materials: ProviderMaterial[];
    contact: ProviderContact;
    appliedAt: string;
  }
>;

/** 入库 */
export type ProviderAdmitted = DomainEvent<
  'ProviderAdmitted',
  { providerId: string; uscc: string; cityCode: string; opinion: string; admittedAt: string }
>;

export type ProviderEntryRefused = DomainEvent<
  'ProviderEntryRefused',
  { providerId: string; reasons: string[]; opinion: string; refusedAt: string }
>;

/** 监测评价. `removalRecommended`: a repeated failure (see the decider), for the authority to act on. */
export type ProviderEvaluated = DomainEvent<
  'ProviderEvaluated',
  {
    providerId: string;
    evaluationId: string;
    period: string;
    scores: MonitoringScores;
    weights: MonitoringWeights;
    passMark: number;
    total: number;
    passed: boolean;
    removalRecommended: boolean;
    opinion: string;
    evaluatedAt: string;
  }
>;

/** 警示, opening a 整改期 that ends on `probationDeadline` ('YYYY-MM-DD'). */
export type ProviderWarned = DomainEvent<
  'ProviderWarned',
  { providerId: string; evaluationId: string; period: string; probationDeadline: string; warnedAt: string }
>;

export type ProviderWarningLifted = DomainEvent<
  'ProviderWarningLifted',
  { providerId: string; basis: WarningLiftBasis; evaluationId?: string; opinion: string; liftedAt: string }
>;

/** 出库, by the authority or (grounds VOLUNTARY) by the provider; `stationIds` are the stations it left with it. */
export type ProviderRemoved = DomainEvent<
  'ProviderRemoved',
  {
    providerId: string;
    uscc: string;
    grounds: ProviderRemovalGround[];
    evidence: ProviderRemovalEvidence[];
    opinion: string;
    removedBy: 'AUTHORITY' | 'PROVIDER';
    stationIds: string[];
    removedAt: string;
  }
>;

/** 入驻 a service station from the business date `since`. */
export type ProviderSettledAtStation = DomainEvent<
  'ProviderSettledAtStation',
  { providerId: string; stationId: string; since: string }
>;

/** `cause` REMOVED_FROM_POOL: left because the provider left the 库 (emitted with ProviderRemoved). */
export type ProviderLeftStation = DomainEvent<
  'ProviderLeftStation',
  { providerId: string; stationId: string; reason: string; cause: 'LEFT' | 'REMOVED_FROM_POOL'; leftAt: string }
>;

export type ProviderEvent =
  | ProviderAppliedForEntry
  | ProviderAdmitted
  | ProviderEntryRefused
  | ProviderEvaluated
  | ProviderWarned
  | ProviderWarningLifted
  | ProviderRemoved
  | ProviderSettledAtStation
  | ProviderLeftStation;

/** Current schema version of each event type (the envelope carries it). */
export const PROVIDER_EVENT_SCHEMA_VERSIONS: Record<ProviderEvent['type'], number> = {
  ProviderAppliedForEntry: 1,
  ProviderAdmitted: 1,
  ProviderEntryRefused: 1,
  ProviderEvaluated: 1,
  ProviderWarned: 1,
  ProviderWarningLifted: 1,
  ProviderRemoved: 1,
  ProviderSettledAtStation: 1,
  ProviderLeftStation: 1,
};
