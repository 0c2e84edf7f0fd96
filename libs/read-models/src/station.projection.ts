import type { StationEvent } from '@sme/domain/station/station.events';
import { assertNever } from '@sme/domain/shared/decider';
import { projectionStep } from './view-version';
import type { RevocationRecord, StationView } from './views';

function closeProposal(
  records: RevocationRecord[],
  proposalId: string,
  outcome: RevocationRecord['outcome'],
  decidedAt: string,
  decisionOpinion: string,
): RevocationRecord[] {
  return records.map((r) => (r.proposalId === proposalId ? { ...r, outcome, decidedAt, decisionOpinion } : r));
}

/** Pure: the station's view after one more of its events. */
export const projectStation = projectionStep<StationView, StationEvent>((view, event, version, recorded) => {
  switch (event.type) {
    case 'StationDesignated': {
      const { stationId, ...rest } = event.data;
      return {
        _id: stationId,
        id: stationId,
        ...rest,
        status: 'ACTIVE',
        covenants: [],
        revocations: [],
        withdrawal: null,
        endedAt: null,
        ...version,
      };
    }
    case 'CovenantSigned':
      return (
        view && {
          ...view,
          covenants: [...view.covenants, { covenantVersion: event.data.covenantVersion, signedAt: event.data.signedAt }],
          ...version,
        }
      );
    case 'RevocationProposed': {
      if (!view) return view;
      const { proposalId, grounds, evidence, opinion, proposedAt, satisfactionFigures } = event.data;
      const record: RevocationRecord = {
        proposalId,
        grounds,
        evidence,
        opinion,
        proposedAt,
        proposedBy: recorded.metadata.actor.id,
        satisfactionFigures: satisfactionFigures ?? null,
        outcome: 'OPEN',
        decidedAt: null,
        decisionOpinion: null,
      };
      return { ...view, revocations: [...view.revocations, record], ...version };
    }
    case 'StationRevoked':
      return (
        view && {
          ...view,
          status: 'REVOKED',
          endedAt: event.data.revokedAt,
          revocations: closeProposal(view.revocations, event.data.proposalId, 'APPROVED', event.data.revokedAt, event.data.opinion),
          ...version,
        }
      );
    case 'RevocationProposalRejected':
      return (
        view && {
          ...view,
          revocations: closeProposal(
            view.revocations,
            event.data.proposalId,
            'REJECTED',
            event.data.rejectedAt,
            event.data.opinion,
          ),
          ...version,
        }
      );
    case 'StationWithdrawn':
      return (
        view && {
          ...view,
          status: 'WITHDRAWN',
          endedAt: event.data.withdrawnAt,
          withdrawal: { reason: event.data.reason, withdrawnAt: event.data.withdrawnAt },
          ...version,
        }
      );
    default:
      return assertNever(event);
  }
});
