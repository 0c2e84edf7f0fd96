import type { RecordLabel } from '../shared/record-kind';
import { createdOnce, decideByType } from '../shared/decide-by-type';
import { assertNever, type Decider } from '../shared/decider';
import { requireDistinctCodes } from '../shared/code-lists';
import { conflict, invalid, notFound } from '../shared/domain-error';
import type { SatisfactionFigures } from '../feedback/satisfaction-figures';
import { checkEvidence } from '../shared/evidence';
import { requirePlaqueNumber } from '../shared/plaque-number';
import { requireCityCode, requireStationDistrict } from '../shared/region-code';
import { requireUscc } from '../shared/uscc';
import { requireBoolean, requireOpinion, requireText } from '../shared/validation';
import { revocationGrounds, type RevocationGround } from './revocation-grounds';
import type {
  DecideRevocation,
  DesignateStation,
  ProposeRevocation,
  RevocationEvidence,
  SignCovenant,
  StationCommand,
  WithdrawStation,
} from './station.commands';
import type { StationEvent, StationEvents } from './station.events';

export type CovenantSignature = { covenantVersion: string; signedAt: string };

export type RevocationDecision = { approved: boolean; opinion: string; decidedAt: string };

/** A proposal to revoke, kept with its outcome for the record's history. */
export type RevocationProposal = {
  proposalId: string;
  grounds: RevocationGround[];
  evidence: RevocationEvidence[];
  opinion: string;
  proposedAt: string;
  outcome: 'OPEN' | 'APPROVED' | 'REJECTED';
  decision?: RevocationDecision;
};

export type StationRecord = StationEvents['StationDesignated']['data'] & {
  /** 服务公约 signatures, oldest first. */
  covenants: CovenantSignature[];
  /** Every revocation proposal, oldest first; at most one is OPEN. */
  revocationProposals: RevocationProposal[];
};

export type StationState =
  | { status: 'NONE' }
  | ({ status: 'ACTIVE' } & StationRecord)
  | ({ status: 'REVOKED'; revokedAt: string; revokedByProposalId: string } & StationRecord)
  | ({ status: 'WITHDRAWN'; withdrawnAt: string; withdrawalReason: string } & StationRecord);

export type StationStatus = StationState['status'];
export type ExistingStation = Exclude<StationState, { status: 'NONE' }>;

/** The proposal awaiting the city's decision, if any. */
export const openRevocationProposal = (station: StationRecord): RevocationProposal | undefined =>
  station.revocationProposals.find((p) => p.outcome === 'OPEN');

export const hasSignedCovenant = (station: StationRecord): boolean => station.covenants.length > 0;

const initialState = (): StationState => ({ status: 'NONE' });

function closeProposal(station: StationRecord, proposalId: string, approved: boolean, opinion: string, decidedAt: string): RevocationProposal[] {
  return station.revocationProposals.map((p) =>
    p.proposalId === proposalId ? { ...p, outcome: approved ? 'APPROVED' : 'REJECTED', decision: { approved, opinion, decidedAt } } : p,
  );
}

function evolve(state: StationState, event: StationEvent): StationState {
  switch (event.type) {
    case 'StationDesignated':
      return { status: 'ACTIVE', ...event.data, covenants: [], revocationProposals: [] };
    case 'CovenantSigned': {
      if (state.status === 'NONE') return state;
      const { covenantVersion, signedAt } = event.data;
      return { ...state, covenants: [...state.covenants, { covenantVersion, signedAt }] };
    }
    case 'RevocationProposed': {
      if (state.status !== 'ACTIVE') return state;
      const { proposalId, grounds, evidence, opinion, proposedAt } = event.data;
      return { ...state, revocationProposals: [...state.revocationProposals, { proposalId, grounds, evidence, opinion, proposedAt, outcome: 'OPEN' }] };
    }
    case 'StationRevoked': {
      if (state.status !== 'ACTIVE') return state;
      const { proposalId, opinion, revokedAt } = event.data;
      return {
        ...state,
        status: 'REVOKED',
        revokedAt,
        revokedByProposalId: proposalId,
        revocationProposals: closeProposal(state, proposalId, true, opinion, revokedAt),
      };
    }
    case 'RevocationProposalRejected': {
      if (state.status !== 'ACTIVE') return state;
      const { proposalId, opinion, rejectedAt } = event.data;
      return { ...state, revocationProposals: closeProposal(state, proposalId, false, opinion, rejectedAt) };
    }
    case 'StationWithdrawn':
      return state.status === 'ACTIVE'
        ? { ...state, status: 'WITHDRAWN', withdrawnAt: event.data.withdrawnAt, withdrawalReason: event.data.reason }
        : state;
    default:
      return assertNever(event);
  }
}

/** How station records are named when one is missing or is created a second time. */
export const STATION_RECORD: RecordLabel = { code: 'STATION', zh: '服务站', en: 'station' };

const decide = decideByType<StationCommand, StationState, StationEvent, 'DesignateStation'>({
  onNew: { DesignateStation: createdOnce(STATION_RECORD, designate) },
  on: { SignCovenant: signCovenant, ProposeRevocation: proposeRevocation, DecideRevocation: decideRevocation, WithdrawStation: withdraw },
  record: STATION_RECORD,
});

function requireActive(station: ExistingStation): asserts station is Extract<ExistingStation, { status: 'ACTIVE' }> {
  if (station.status !== 'ACTIVE') {
    const how = station.status === 'REVOKED' ? { zh: '已被撤销称号和授牌', en: 'revoked' } : { zh: '已退出', en: 'withdrawn' };
    throw conflict('STATION_NOT_ACTIVE', `该服务站${how.zh}，不能再办理此事项`, `The station has been ${how.en} and accepts no further steps`);
  }
}

function designate(command: DesignateStation, state: StationState): StationEvent[] {
  const { data, metadata } = command;
  requireCityCode(data.cityCode, 'cityCode');
  requireStationDistrict(data.districtCode, data.cityCode, 'districtCode');
  requirePlaqueNumber(data.plaqueNumber, data.cityCode, 'plaqueNumber');
  const uscc = requireUscc(data.operator?.uscc, 'operator.uscc');
  return [
    {
      type: 'StationDesignated',
      data: {
        stationId: requireText(data.stationId, 'stationId', { zh: '服务站编号', en: 'Station id' }),
        applicationId: requireText(data.applicationId, 'applicationId', { zh: '申请编号', en: 'Application id' }),
        callId: requireText(data.callId, 'callId', { zh: '批次编号', en: 'Call id' }),
        plaqueNumber: data.plaqueNumber,
        name: requireText(data.name, 'name', { zh: '服务站名称', en: 'Station name' }),
        districtCode: data.districtCode,
        cityCode: data.cityCode,
        address: requireText(data.address, 'address', { zh: '服务站地址', en: 'Station address' }),
        operator: { name: requireText(data.operator.name, 'operator.name', { zh: '运营主体名称', en: 'Operator name' }), uscc },
        ownerOrgId: requireText(data.ownerOrgId, 'ownerOrgId', { zh: '运营主体', en: 'Owner organisation' }),
        designatedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function signCovenant(command: SignCovenant, station: ExistingStation): StationEvent[] {
  const { data, metadata } = command;
  requireActive(station);
  const covenantVersion = requireText(data.covenantVersion, 'covenantVersion', { zh: '服务公约版本', en: 'Covenant version' });
  if (station.covenants.some((c) => c.covenantVersion === covenantVersion)) {
    throw conflict(
      'COVENANT_ALREADY_SIGNED',
      `服务公约（${covenantVersion}）已签署`,
      `The covenant version "${covenantVersion}" is already signed`,
      'covenantVersion',
    );
  }
  return [{ type: 'CovenantSigned', data: { stationId: station.stationId, covenantVersion, signedAt: metadata.now.toISOString() } }];
}

const checkGrounds = (grounds: unknown): RevocationGround[] =>
  requireDistinctCodes(grounds, 'grounds', {
    is: revocationGrounds.is,
    label: { zh: '撤销理由', en: 'Ground' },
    required: {
      code: 'REVOCATION_GROUNDS_REQUIRED',
      zh: '须至少列明一项撤销理由（退出机制所列情形）',
      en: 'At least one of the grounds for revocation must be given',
    },
    unknown: {
      zh: `须为退出机制所列情形之一：${Object.values(revocationGrounds.labels).map((l) => l.zh).join('、')}`,
      en: 'must be one of the five grounds of the exit mechanism',
    },
  });

/** An active station with no revocation proposal awaiting the city's decision; `refusal` names the one that is. */
function requireNoPendingRevocation(
  station: ExistingStation,
  refusal: (pendingProposalId: string) => Error,
): asserts station is Extract<ExistingStation, { status: 'ACTIVE' }> {
  requireActive(station);
  const pending = openRevocationProposal(station);
  if (pending !== undefined) throw refusal(pending.proposalId);
}

function proposeRevocation(command: ProposeRevocation, station: ExistingStation): StationEvent[] {
  const { data, metadata } = command;
  requireNoPendingRevocation(station, (pending) =>
    conflict('REVOCATION_ALREADY_PROPOSED', `已有待审定的撤销意见（${pending}）`, `A revocation proposal (${pending}) is already awaiting the city's decision`),
  );
  const proposalId = requireText(data.proposalId, 'proposalId', { zh: '意见编号', en: 'Proposal id' });
  if (station.revocationProposals.some((p) => p.proposalId === proposalId)) {
    throw conflict('PROPOSAL_ID_ALREADY_USED', `意见编号“${proposalId}”已使用`, `Proposal id "${proposalId}" is already used`, 'proposalId');
  }
  return [
    {
      type: 'RevocationProposed',
      data: {
        stationId: station.stationId,
        proposalId,
        grounds: checkGrounds(data.grounds),
        evidence: checkEvidence(data.evidence, 'evidence', {
          code: 'REVOCATION_EVIDENCE_REQUIRED',
          zh: '须提供撤销理由的证据',
          en: 'Evidence for the revocation is required',
        }),
        opinion: requireOpinion(data.opinion),
        ...citedFigures(data),
        proposedAt: metadata.now.toISOString(),
      },
    },
  ];
}

/** 服务满意度低 rests on the ledger's figures: the proposal cites them (the handler computes them). */
function citedFigures(data: ProposeRevocation['data']): { satisfactionFigures?: SatisfactionFigures } {
  const grounds = Array.isArray(data.grounds) ? data.grounds : [];
  if (!grounds.includes('LOW_SATISFACTION')) return {};
  if (data.satisfactionFigures === undefined) {
    throw invalid('SATISFACTION_FIGURES_REQUIRED', '以“服务满意度低”提出撤销，须附本站服务评价数据', 'A proposal on the ground LOW_SATISFACTION cites the station’s satisfaction figures', 'satisfactionFigures');
  }
  return { satisfactionFigures: data.satisfactionFigures };
}

function decideRevocation(command: DecideRevocation, station: ExistingStation): StationEvent[] {
  const { data, metadata } = command;
  const proposal = station.revocationProposals.find((p) => p.proposalId === data.proposalId);
  if (proposal === undefined) {
    throw notFound('REVOCATION_PROPOSAL_NOT_FOUND', `撤销意见“${data.proposalId}”不存在`, `Revocation proposal "${data.proposalId}" does not exist`);
  }
  if (proposal.outcome !== 'OPEN') {
    throw conflict(
      'REVOCATION_PROPOSAL_NOT_OPEN',
      `撤销意见“${proposal.proposalId}”已审定`,
      `Revocation proposal "${proposal.proposalId}" has already been decided`,
      'proposalId',
    );
  }
  const approved = requireBoolean(data.approved, 'approved', { zh: '审定结论', en: 'Decision' });
  const opinion = requireOpinion(data.opinion);
  const now = metadata.now.toISOString();
  if (approved) {
    return [
      {
        type: 'StationRevoked',
        data: { stationId: station.stationId, proposalId: proposal.proposalId, grounds: proposal.grounds, opinion, revokedAt: now },
      },
    ];
  }
  return [{ type: 'RevocationProposalRejected', data: { stationId: station.stationId, proposalId: proposal.proposalId, opinion, rejectedAt: now } }];
}

function withdraw(command: WithdrawStation, station: ExistingStation): StationEvent[] {
  const { data, metadata } = command;
  // Withdrawing must not pre-empt a pending revocation: the record has to show the city's decision.
  requireNoPendingRevocation(station, (pending) =>
    conflict('REVOCATION_PENDING', `撤销意见（${pending}）待市审定，暂不能退出`, `A revocation proposal (${pending}) awaits the city's decision; the station cannot withdraw now`),
  );
  const reason = requireText(data.reason, 'reason', { zh: '退出原因', en: 'Reason' });
  return [{ type: 'StationWithdrawn', data: { stationId: station.stationId, reason, withdrawnAt: metadata.now.toISOString() } }];
}

export const stationDecider: Decider<StationCommand, StationState, StationEvent> = { initialState, evolve, decide };
