import type { DomainCommand } from '../shared/decider';
import type { ServiceDomain } from '../shared/service-domains';
import type { DemandEvents, DemandUrgency } from './demand.events';

/**
 * 服务需求库: by the ENTERPRISE itself (the handler passes its USCC from the enterprise's record), or
 * by a STATION_OPERATOR on its behalf, naming the station (`stationId`). `enterpriseRegionCode` is
 * the enterprise's district: who may take the demand up, and where it is escalated.
 */
export type RaiseDemand = DomainCommand<
  'RaiseDemand',
  {
    demandId: string;
    enterpriseId: string;
    enterpriseUscc: string;
    enterpriseRegionCode: string;
    category: ServiceDomain;
    description: string;
    urgency: DemandUrgency;
    stationId?: string;
  }
>;

/** 受理 by a STATION_OPERATOR (its station) or the HUB (the station it assigns), within the enterprise's region. */
export type AcceptDemand = DomainCommand<'AcceptDemand', Omit<DemandEvents['DemandAccepted']['data'], 'acceptedByOrgId' | 'acceptedAt'>>;

/** 服务对接: a provider (and its product) for the accepted demand; a later match replaces an earlier one. */
export type MatchDemand = DomainCommand<'MatchDemand', Omit<DemandEvents['DemandMatched']['data'], 'matchedAt'>>;

/**
 * The demand is met. `satisfaction` is the enterprise's rating at the 客户回访, 1–5; a rating of 1 or 2
 * (差评) opens a follow-up.
 */
export type ResolveDemand = DomainCommand<'ResolveDemand', Omit<DemandEvents['DemandResolved']['data'], 'resolvedAt'>>;

export type CloseDemand = DomainCommand<'CloseDemand', Omit<DemandEvents['DemandClosed']['data'], 'closedAt'>>;

/**
 * 反映诉求: a demand nobody accepted within `escalateAfterDays` (default `DEMAND_ESCALATE_AFTER_DAYS_DEFAULT`)
 * goes to the district authority. Sent by the API's scheduler, acting as the HUB.
 */
export type EscalateDemand = DomainCommand<'EscalateDemand', { demandId: string; escalateAfterDays?: number }>;

export type DemandCommand = RaiseDemand | AcceptDemand | MatchDemand | ResolveDemand | CloseDemand | EscalateDemand;
