/**
 * A registry of SME service stations (中小企业服务站) rebuilt from the ledger's `stations.v1` topic alone.
 *
 * Written against the published message format (docs/asyncapi.yaml), not against the ledger's code:
 * the CloudEvents headers (`ce_id`, `ce_type`, `ce_subject`, `ce_streamrevision`, `ce_time`,
 * `ce_actorid`) and the JSON value of each event type. Pure: no Kafka here, so it can be tested and
 * reused with any client.
 */

export type StationStatus = 'ACTIVE' | 'REVOKED' | 'WITHDRAWN';
export type RevocationGround =
  | 'FALSIFIED_APPLICATION'
  | 'COVENANT_SERIOUSLY_VIOLATED'
  | 'NOT_SUPPORTING_AUTHORITIES'
  | 'LOW_SATISFACTION'
  | 'ILLEGAL_CONDUCT';

export interface Revocation {
  proposalId: string;
  grounds: RevocationGround[];
  evidence: { description: string; fileName?: string; sha256?: string }[];
  opinion: string;
  proposedAt: string;
  /** Who proposed it: the `ce_actorid` of the RevocationProposed message. */
  proposedBy: string;
  /** On the ground LOW_SATISFACTION: the station's service figures the proposal cites (see SatisfactionFigures in asyncapi.yaml). */
  satisfactionFigures: Record<string, unknown> | null;
  outcome: 'OPEN' | 'APPROVED' | 'REJECTED';
  decidedAt: string | null;
  decisionOpinion: string | null;
}

/** A station as its designation announced it, and what has happened to it since. */
export interface StationEntry extends Omit<Designated, 'stationId'> {
  id: string;
  status: StationStatus;
  covenants: { covenantVersion: string; signedAt: string }[];
  revocations: Revocation[];
  withdrawal: { reason: string; withdrawnAt: string } | null;
  /** When the station was revoked or withdrawn. */
  endedAt: string | null;
  /** `ce_streamrevision` of the last event applied (0 = the designation). */
  revision: number;
  /** `ce_time` (business time) of the last event applied. */
  updatedAt: string;
}

/** What the registry needs of a Kafka record: headers as strings, the value as text. */
export interface StationMessage {
  headers: Record<string, string | undefined>;
  value: string | null;
}

/**
 * What happened to a message:
 * - `applied`: it changed the registry;
 * - `duplicate`: its `ce_id` was seen before (delivery is at least once);
 * - `stale`: a different id, but the station already has this revision (never expected; counted apart);
 * - `ignored`: a `ce_type` this registry does not know (e.g. a newer schema version), or no such station yet.
 */
export type Outcome = 'applied' | 'duplicate' | 'stale' | 'ignored';

/** The CloudEvents types this registry understands (schema version 1). */
export const STATION_TYPES = {
  designated: 'cn.sme-ledger.station.designated.v1',
  covenantSigned: 'cn.sme-ledger.station.covenant-signed.v1',
  revocationProposed: 'cn.sme-ledger.station.revocation-proposed.v1',
  revoked: 'cn.sme-ledger.station.revoked.v1',
  revocationRejected: 'cn.sme-ledger.station.revocation-proposal-rejected.v1',
  withdrawn: 'cn.sme-ledger.station.withdrawn.v1',
} as const;

/* The JSON values of the six event types (see docs/asyncapi.yaml, components.schemas). */
interface Designated {
  stationId: string;
  applicationId: string;
  callId: string;
  /** 授牌编号, e.g. 440100-2019-001. */
  plaqueNumber: string;
  name: string;
  districtCode: string;
  cityCode: string;
  address: string;
  operator: { name: string; uscc: string };
  ownerOrgId: string;
  designatedAt: string;
}
interface CovenantSigned { stationId: string; covenantVersion: string; signedAt: string }
interface RevocationProposed {
  stationId: string;
  proposalId: string;
  grounds: RevocationGround[];
  evidence: Revocation['evidence'];
  opinion: string;
  proposedAt: string;
  satisfactionFigures?: Record<string, unknown>;
}
interface Revoked { stationId: string; proposalId: string; grounds: RevocationGround[]; opinion: string; revokedAt: string }
interface ProposalRejected { stationId: string; proposalId: string; opinion: string; rejectedAt: string }
interface Withdrawn { stationId: string; reason: string; withdrawnAt: string }

export interface RegistryCounts {
  applied: number;
  duplicate: number;
  stale: number;
  ignored: number;
}

export class StationRegistry {
  private readonly stations = new Map<string, StationEntry>();
  /** Every `ce_id` applied or skipped so far. One UUID per station event: small for a registry. */
  private readonly seen = new Set<string>();
  readonly counts: RegistryCounts = { applied: 0, duplicate: 0, stale: 0, ignored: 0 };
  /** `ce_type`s met but not understood, with how often. */
  readonly unknownTypes = new Map<string, number>();

  /** Folds one message into the registry. */
  apply(message: StationMessage): Outcome {
    const outcome = this.fold(message);
    this.counts[outcome] += 1;
    return outcome;
  }

  get(stationId: string): StationEntry | undefined {
    return this.stations.get(stationId);
  }

  /** All stations, by plaque number. */
  list(): StationEntry[] {
    return [...this.stations.values()].sort((a, b) => (a.plaqueNumber < b.plaqueNumber ? -1 : a.plaqueNumber > b.plaqueNumber ? 1 : 0));
  }

  get size(): number {
    return this.stations.size;
  }

  private fold(message: StationMessage): Outcome {
    const id = required(message.headers, 'ce_id');
    if (this.seen.has(id)) return 'duplicate';
    const type = required(message.headers, 'ce_type');
    if (!Object.values<string>(STATION_TYPES).includes(type)) {
      this.unknownTypes.set(type, (this.unknownTypes.get(type) ?? 0) + 1);
      this.seen.add(id);
      return 'ignored';
    }
    const stationId = required(message.headers, 'ce_subject');
    const revision = Number(required(message.headers, 'ce_streamrevision'));
    const time = required(message.headers, 'ce_time');
    if (message.value === null) throw new Error(`Message ${id} has no value`);
    const data: unknown = JSON.parse(message.value);
    const current = this.stations.get(stationId);
    if (current && revision <= current.revision) {
      this.seen.add(id);
      return 'stale';
    }
    const next = evolve(current, type, data, { stationId, revision, time, actorId: message.headers.ce_actorid ?? '' });
    this.seen.add(id);
    if (!next) return 'ignored';
    this.stations.set(stationId, next);
    return 'applied';
  }
}

function required(headers: StationMessage['headers'], name: string): string {
  const value = headers[name];
  if (value === undefined || value === '') throw new Error(`Message without the ${name} header`);
  return value;
}

interface Envelope {
  stationId: string;
  revision: number;
  time: string;
  actorId: string;
}

function decide(revocations: Revocation[], proposalId: string, outcome: 'APPROVED' | 'REJECTED', decidedAt: string, opinion: string): Revocation[] {
  return revocations.map((r) => (r.proposalId === proposalId ? { ...r, outcome, decidedAt, decisionOpinion: opinion } : r));
}

/** The station after one more of its events; undefined when the event cannot apply (no designation seen). */
function evolve(station: StationEntry | undefined, type: string, data: unknown, envelope: Envelope): StationEntry | undefined {
  const version = { revision: envelope.revision, updatedAt: envelope.time };
  switch (type) {
    case STATION_TYPES.designated: {
      const d = data as Designated;
      return {
        id: envelope.stationId,
        applicationId: d.applicationId,
        callId: d.callId,
        plaqueNumber: d.plaqueNumber,
        name: d.name,
        districtCode: d.districtCode,
        cityCode: d.cityCode,
        address: d.address,
        operator: { name: d.operator.name, uscc: d.operator.uscc },
        ownerOrgId: d.ownerOrgId,
        status: 'ACTIVE',
        designatedAt: d.designatedAt,
        covenants: [],
        revocations: [],
        withdrawal: null,
        endedAt: null,
        ...version,
      };
    }
    case STATION_TYPES.covenantSigned: {
      if (!station) return undefined;
      const d = data as CovenantSigned;
      return { ...station, covenants: [...station.covenants, { covenantVersion: d.covenantVersion, signedAt: d.signedAt }], ...version };
    }
    case STATION_TYPES.revocationProposed: {
      if (!station) return undefined;
      const d = data as RevocationProposed;
      const revocation: Revocation = {
        proposalId: d.proposalId,
        grounds: d.grounds,
        evidence: d.evidence,
        opinion: d.opinion,
        proposedAt: d.proposedAt,
        proposedBy: envelope.actorId,
        satisfactionFigures: d.satisfactionFigures ?? null,
        outcome: 'OPEN',
        decidedAt: null,
        decisionOpinion: null,
      };
      return { ...station, revocations: [...station.revocations, revocation], ...version };
    }
    case STATION_TYPES.revoked: {
      if (!station) return undefined;
      const d = data as Revoked;
      return {
        ...station,
        status: 'REVOKED',
        endedAt: d.revokedAt,
        revocations: decide(station.revocations, d.proposalId, 'APPROVED', d.revokedAt, d.opinion),
        ...version,
      };
    }
    case STATION_TYPES.revocationRejected: {
      if (!station) return undefined;
      const d = data as ProposalRejected;
      return { ...station, revocations: decide(station.revocations, d.proposalId, 'REJECTED', d.rejectedAt, d.opinion), ...version };
    }
    case STATION_TYPES.withdrawn: {
      if (!station) return undefined;
      const d = data as Withdrawn;
      return { ...station, status: 'WITHDRAWN', endedAt: d.withdrawnAt, withdrawal: { reason: d.reason, withdrawnAt: d.withdrawnAt }, ...version };
    }
    default:
      return undefined;
  }
}
