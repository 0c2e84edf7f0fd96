import type { DomainCommand } from '../shared/decider';
import type { RevocationEvidence, StationEvents } from './station.events';

/** By the CITY_AUTHORITY of the city once the list is published: 授牌. */
export type DesignateStation = DomainCommand<'DesignateStation', Omit<StationEvents['StationDesignated']['data'], 'designatedAt'>>;

/** 服务公约 signed by the owner operator, e.g. version "穗2019版". */
export type SignCovenant = DomainCommand<'SignCovenant', Omit<StationEvents['CovenantSigned']['data'], 'signedAt'>>;

export type { RevocationEvidence };

/** 由服务总站提出意见: by the city's HUB, on one or more of the five grounds. */
export type ProposeRevocation = DomainCommand<'ProposeRevocation', Omit<StationEvents['RevocationProposed']['data'], 'proposedAt'>>;

/** 报市工业和信息化局审定: the CITY_AUTHORITY approves (撤销称号和授牌) or rejects the open proposal. */
export type DecideRevocation = DomainCommand<
  'DecideRevocation',
  { stationId: string; proposalId: string; approved: boolean; opinion: string }
>;

/** The owner operator gives the station up. */
export type WithdrawStation = DomainCommand<'WithdrawStation', Omit<StationEvents['StationWithdrawn']['data'], 'withdrawnAt'>>;

export type StationCommand = DesignateStation | SignCovenant | ProposeRevocation | DecideRevocation | WithdrawStation;
