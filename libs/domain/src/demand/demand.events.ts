import type { DomainEvent } from '../shared/decider';
import type { ServiceDomain } from '../provider/service-domains';
import type { DemandCloseReason, DemandUrgency } from './demand.commands';

export type DemandRaised = DomainEvent<
  'DemandRaised',
  {
    demandId: string;
    enterpriseId: string;
    enterpriseUscc: string;
    enterpriseRegionCode: string;
    category: ServiceDomain;
    description: string;
    urgency: DemandUrgency;
    /** Set when a station raised the demand on the enterprise's behalf. */
    raisedByStationId?: string;
    raisedAt: string;
  }
>;

/** `acceptedByOrgId` is the accepting organisation: a station operator that accepts handles the demand. */
export type DemandAccepted = DomainEvent<'DemandAccepted', { demandId: string; stationId: string; acceptedByOrgId: string; acceptedAt: string }>;

export type DemandMatched = DomainEvent<'DemandMatched', { demandId: string; providerId: string; productId?: string; matchedAt: string }>;

export type DemandResolved = DomainEvent<'DemandResolved', { demandId: string; outcome: string; satisfaction?: number; resolvedAt: string }>;

/** 差评: the rating was in the bottom two levels; someone has to follow up with the enterprise. */
export type DemandFollowUpOpened = DomainEvent<'DemandFollowUpOpened', { demandId: string; satisfaction: number; openedAt: string }>;

export type DemandClosed = DomainEvent<'DemandClosed', { demandId: string; reason: DemandCloseReason; note: string; closedAt: string }>;

/** `to` is the district whose authority receives the 诉求. */
export type DemandEscalated = DomainEvent<
  'DemandEscalated',
  { demandId: string; to: string; daysUnaccepted: number; escalateAfterDays: number; escalatedAt: string }
>;

export type DemandEvent =
  | DemandRaised
  | DemandAccepted
  | DemandMatched
  | DemandResolved
  | DemandFollowUpOpened
  | DemandClosed
  | DemandEscalated;

/** Current schema version of each event type (the envelope carries it). */
export const DEMAND_EVENT_SCHEMA_VERSIONS: Record<DemandEvent['type'], number> = {
  DemandRaised: 1,
  DemandAccepted: 1,
  DemandMatched: 1,
  DemandResolved: 1,
  DemandFollowUpOpened: 1,
  DemandClosed: 1,
  DemandEscalated: 1,
};
