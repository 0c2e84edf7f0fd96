import type { DomainCommand } from '../shared/decider';
import type { MonitoringScores, MonitoringWeights, SatisfactionBasis } from './monitoring';
import type { ProviderContact, ProviderEvents, ProviderMaterial, ProviderRemovalEvidence } from './provider.events';

export type { ProviderContact, ProviderMaterial, ProviderRemovalEvidence };

/**
 * 申请入库, by a PROVIDER for its own organisation (actor.orgId is the USCC). Also the way back in
 * after a refusal or a removal: a new round. The city follows from the city- or county-level `regionCode`.
 */
export type ApplyForEntry = DomainCommand<
  'ApplyForEntry',
  Omit<ProviderEvents['ProviderAppliedForEntry']['data'], 'cityCode' | 'appliedAt'> & {
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
    /** Where scores.satisfaction comes from: the handler computes it from the period's feedback, or records the override and its reason. */
    satisfactionBasis: SatisfactionBasis;
  }
>;

export { WARNING_LIFT_BASES, type WarningLiftBasis } from './provider.events';

/** Ends the 警示/整改期: a passed follow-up evaluation (named) or rectification the authority accepts. */
export type LiftWarning = DomainCommand<'LiftWarning', Omit<ProviderEvents['ProviderWarningLifted']['data'], 'liftedAt'>>;

/** 出库 by the HUB or CITY_AUTHORITY of the provider's city. */
export type RemoveFromPool = DomainCommand<'RemoveFromPool', Omit<ProviderEvents['ProviderRemoved']['data'], 'uscc' | 'removedBy' | 'stationIds' | 'removedAt'>>;

/** 自愿退出 by the provider itself. */
export type WithdrawFromPool = DomainCommand<'WithdrawFromPool', { providerId: string; reason: string }>;

/** 入驻 a service station, while in the 库; `since` is the business date 'YYYY-MM-DD'. */
export type SettleAtStation = DomainCommand<'SettleAtStation', ProviderEvents['ProviderSettledAtStation']['data']>;

export type LeaveStation = DomainCommand<'LeaveStation', Omit<ProviderEvents['ProviderLeftStation']['data'], 'cause' | 'leftAt'>>;

export type ProviderCommand =
  | ApplyForEntry
  | DecideEntry
  | RecordMonitoringEvaluation
  | LiftWarning
  | RemoveFromPool
  | WithdrawFromPool
  | SettleAtStation
  | LeaveStation;
