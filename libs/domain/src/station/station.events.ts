import type { DomainEvent } from '../shared/decider';
import type { RevocationEvidence } from './station.commands';
import type { RevocationGround } from './revocation-grounds';

export type StationDesignated = DomainEvent<
  'StationDesignated',
  {
    stationId: string;
    applicationId: string;
    callId: string;
    plaqueNumber: string;
    name: string;
    districtCode: string;
    cityCode: string;
    address: string;
    operator: { name: string; uscc: string };
    ownerOrgId: string;
    designatedAt: string;
  }
>;

export type CovenantSigned = DomainEvent<
  'CovenantSigned',
  { stationId: string; covenantVersion: string; signedAt: string }
>;

export type RevocationProposed = DomainEvent<
  'RevocationProposed',
  {
    stationId: string;
    proposalId: string;
    grounds: RevocationGround[];
    evidence: RevocationEvidence[];
    opinion: string;
    proposedAt: string;
  }
>;

export type StationRevoked = DomainEvent<
  'StationRevoked',
  { stationId: string; proposalId: string; grounds: RevocationGround[]; opinion: string; revokedAt: string }
>;

export type RevocationProposalRejected = DomainEvent<
  'RevocationProposalRejected',
  { stationId: string; proposalId: string; opinion: string; rejectedAt: string }
>;

export type StationWithdrawn = DomainEvent<'StationWithdrawn', { stationId: string; reason: string; withdrawnAt: string }>;

export type StationEvent =
  | StationDesignated
  | CovenantSigned
  | RevocationProposed
  | StationRevoked
  | RevocationProposalRejected
  | StationWithdrawn;

/** Current schema version of each event type (the envelope carries it). */
export const STATION_EVENT_SCHEMA_VERSIONS: Record<StationEvent['type'], number> = {
  StationDesignated: 1,
  CovenantSigned: 1,
  RevocationProposed: 1,
  StationRevoked: 1,
  RevocationProposalRejected: 1,
  StationWithdrawn: 1,
};
