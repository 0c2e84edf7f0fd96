import type { DomainCommand } from '../shared/decider';
import type { MonitoringScores, MonitoringWeights } from './monitoring';
import type { ProviderRemovalGround } from './removal-grounds';
import type { ServiceDomain } from './service-domains';

/** A qualification or other material filed with an entry application. `kind` is free text, e.g. 营业执照, 资质证书. */
export type ProviderMaterial = { kind: string; fileName: string; sha256: string };

export type ProviderContact = { name: string; phone: string; email: string };

/**
 * 申请入库, by a PROVIDER for its own organisation (actor.orgId is the USCC). Also the way back in
 * after a refusal or a removal: a new round.
 */
export type ApplyForEntry = DomainCommand<
  'ApplyForEntry',
  {
    providerId: string;
    uscc: string;
    name: string;
    /** City- or county-level GB/T 2260 code; its city decides. */
    regionCode: string;
    serviceDomains: ServiceDomain[];
    materials: ProviderMaterial[];
    contact: ProviderContact;
    /** Setting: years a removal for 弄虚作假 or 违法违规 bars re-entry (default 3). */
    reentryBarYears?: number;
  }
>;

/** 入库审定 by the HUB or CITY_AUTHORITY of the provider's city; a refusal states its reasons. */
export type DecideEntry = DomainCommand<
  'DecideEntry',
  { providerId: string; admitted: boolean; reasons?: string[]; opinion: string }
>;

/**
 * 监测评价 of a provider in the 库, by the HUB or CITY_AUTHORITY of its city. `weights` and `passMark`
 * are settings (defaults: equal weights, 60). A failing result needs `probationDeadline` in case it
 * starts a 整改期.
 */
export type RecordMonitoringEvaluation = DomainCommand<
  'RecordMonitoringEvaluation',
  {
    providerId: string;
    evaluationId: string;
    /** '2024', '2024-H1' or '2024-Q3'. */
    period: string;
    scores: MonitoringScores;
    weights?: MonitoringWeights;
    passMark?: number;
    /** 'YYYY-MM-DD', the last day of the 整改期 should this evaluation start one. */
    probationDeadline?: string;
    opinion: string;
  }
>;

export const WARNING_LIFT_BASES = ['FOLLOW_UP_PASSED', 'RECTIFIED'] as const;
export type WarningLiftBasis = (typeof WARNING_LIFT_BASES)[number];

/** Ends the 警示/整改期: a passed follow-up evaluation (named) or rectification the authority accepts. */
export type LiftWarning = DomainCommand<
  'LiftWarning',
  { providerId: string; basis: WarningLiftBasis; evaluationId?: string; opinion: string }
>;

export type ProviderRemovalEvidence = {
  description: string;
  fileName?: string;
  /** SHA-256 of the file, 64 hex characters. */
  sha256?: string;
};

/** 出库 by the HUB or CITY_AUTHORITY of the provider's city. */
export type RemoveFromPool = DomainCommand<
  'RemoveFromPool',
  { providerId: string; grounds: ProviderRemovalGround[]; evidence: ProviderRemovalEvidence[]; opinion: string }
>;

/** 自愿退出 by the provider itself. */
export type WithdrawFromPool = DomainCommand<'WithdrawFromPool', { providerId: string; reason: string }>;

/** 入驻 a service station, while in the 库; `since` is the business date 'YYYY-MM-DD'. */
export type SettleAtStation = DomainCommand<'SettleAtStation', { providerId: string; stationId: string; since: string }>;

export type LeaveStation = DomainCommand<'LeaveStation', { providerId: string; stationId: string; reason: string }>;

export type ProviderCommand =
  | ApplyForEntry
  | DecideEntry
  | RecordMonitoringEvaluation
  | LiftWarning
  | RemoveFromPool
  | WithdrawFromPool
  | SettleAtStation
  | LeaveStation;
