import { applicationKind } from '@sme/domain/application/application.kind';
import { cityBureau, GZ, hub } from '@sme/domain/shared/testing';
import type { RevocationGround } from '@sme/domain/station/revocation-grounds';
import { designationOf, evidence, OWNER, owner } from '@sme/domain/station/station.fixtures';
import { stationKind } from '@sme/domain/station/station.kind';
import type { RecordedEvent } from '@sme/event-store';
import { stationsProjection } from './projections';
import { describeDelivery, describeNoViewWithoutStart } from './testing/delivery-cases';
import { actOn, eventLog, givenEvents } from './testing/projection-gwt';

/** The figures a proposal on 服务满意度低 cites (the handler computes them from the station's deliveries). */
const satisfactionFigures = { from: '2018-12-01', until: '2019-11-30', deliveries: 40, ratings: 31, averageRating: 2.41, poorRatings: 12, followUps: 14, followUpsClosedOnTime: 5, returnVisitRate: 0.35 };

/** A station's stream, written by its people through the station kind (access gate, then decider). */
function aStation(stationId = 'st-007', log = eventLog()) {
  const act = actOn(log, stationKind, stationKind.streamId(stationId), { stationId });
  return {
    log,
    designate: (when = '2019-09-10T10:00:00+08:00') => act('DesignateStation', designationOf(stationId), cityBureau, when),
    sign: (covenantVersion: string, when: string) => act('SignCovenant', { covenantVersion }, owner, when),
    propose: (proposalId: string, when: string) =>
      act('ProposeRevocation', { proposalId, grounds: ['LOW_SATISFACTION', 'COVENANT_SERIOUSLY_VIOLATED'], evidence, opinion: '建议撤销', satisfactionFigures }, hub, when),
    decide: (proposalId: string, approved: boolean, opinion: string, when: string) =>
      act('DecideRevocation', { proposalId, approved, opinion }, cityBureau, when),
    withdraw: (reason: string, when: string) => act('WithdrawStation', { reason }, owner, when),
  };
}

describe('stations projection', () => {
  /** An act on a station designated and bound by the 2019 covenant. */
  const onASignedStation = (act: (station: ReturnType<typeof aStation>) => RecordedEvent) => {
    const station = aStation();
    return givenEvents(stationsProjection, [station.designate(), station.sign('穗2019版', '2019-09-20T10:00:00+08:00')]).when(act(station));
  };

  it('StationDesignated: an active station with no covenant, no revocation, no withdrawal', () => {
    const station = aStation();
    givenEvents(stationsProjection, [])
      .when(station.designate('2019-09-10T10:00:00+08:00'))
      .then({
        _id: 'st-007',
        id: 'st-007',
        applicationId: 'app-tianhe-001',
        callId: 'call-gz-2019',
        plaqueNumber: '440100-2019-007',
        name: '广州市中小企业服务站（天河软件园站）',
        districtCode: '440106',
        cityCode: GZ,
        address: '广州市天河区建中路5号一楼',
        operator: { name: '广州天河软件园发展有限公司', uscc: OWNER },
        ownerOrgId: OWNER,
        designatedAt: '2019-09-10T02:00:00.000Z',
        status: 'ACTIVE',
        covenants: [],
        revocations: [],
        withdrawal: null,
        endedAt: null,
      });
  });

  it('CovenantSigned: the first signature', () => {
    const station = aStation();
    givenEvents(stationsProjection, [station.designate()])
      .when(station.sign('穗2019版', '2019-09-20T10:00:00+08:00'))
      .then((before) => ({ ...before, covenants: [{ covenantVersion: '穗2019版', signedAt: '2019-09-20T02:00:00.000Z' }] }));
  });

  it('CovenantSigned: a later version goes after those signed', () => {
    onASignedStation((station) => station.sign('穗2020版', '2020-09-20T10:00:00+08:00')).then((before) => ({
      ...before,
      covenants: [
        { covenantVersion: '穗2019版', signedAt: '2019-09-20T02:00:00.000Z' },
        { covenantVersion: '穗2020版', signedAt: '2020-09-20T02:00:00.000Z' },
      ],
    }));
  });

  const proposal = (proposalId: string, proposedAt: string) => ({
    proposalId,
    grounds: ['LOW_SATISFACTION', 'COVENANT_SERIOUSLY_VIOLATED'] as RevocationGround[],
    evidence,
    opinion: '建议撤销',
    proposedAt,
    proposedBy: 'hub-staff-1',
    satisfactionFigures,
  });
  const open = (proposalId: string, proposedAt: string) => ({ ...proposal(proposalId, proposedAt), outcome: 'OPEN' as const, decidedAt: null, decisionOpinion: null });
  const closed = (proposalId: string, proposedAt: string, outcome: 'APPROVED' | 'REJECTED', decidedAt: string, decisionOpinion: string) => ({
    ...proposal(proposalId, proposedAt),
    outcome,
    decidedAt,
    decisionOpinion,
  });

  /** Designated; proposal rp-1 made and rejected. */
  const rejectedProposal = (station: ReturnType<typeof aStation>) => [
    station.designate(),
    station.propose('rp-1', '2020-03-01T10:00:00+08:00'),
    station.decide('rp-1', false, '整改期内', '2020-03-20T10:00:00+08:00'),
  ];
  const firstRejected = closed('rp-1', '2020-03-01T02:00:00.000Z', 'REJECTED', '2020-03-20T02:00:00.000Z', '整改期内');

  /** The city decides rp-1, the station's only proposal. */
  const decidingTheOnlyProposal = (approved: boolean, opinion: string) => {
    const station = aStation();
    return givenEvents(stationsProjection, [station.designate(), station.propose('rp-1', '2020-03-01T10:00:00+08:00')]).when(
      station.decide('rp-1', approved, opinion, '2020-03-20T10:00:00+08:00'),
    );
  };
  /** The city decides rp-2, proposed after rp-1 was rejected. */
  const decidingTheSecondProposal = (approved: boolean, opinion: string) => {
    const station = aStation();
    return givenEvents(stationsProjection, [...rejectedProposal(station), station.propose('rp-2', '2020-06-01T10:00:00+08:00')]).when(
      station.decide('rp-2', approved, opinion, '2020-06-20T10:00:00+08:00'),
    );
  };

  it('RevocationProposed: an open proposal, by the hub’s officer', () => {
    onASignedStation((station) => station.propose('rp-1', '2020-03-01T10:00:00+08:00')).then((before) => ({ ...before, revocations: [open('rp-1', '2020-03-01T02:00:00.000Z')] }));
  });

  it('RevocationProposed: a new proposal goes after the decided ones', () => {
    const station = aStation();
    givenEvents(stationsProjection, rejectedProposal(station))
      .when(station.propose('rp-2', '2020-06-01T10:00:00+08:00'))
      .then((before) => ({ ...before, revocations: [firstRejected, open('rp-2', '2020-06-01T02:00:00.000Z')] }));
  });

  it('StationRevoked: revoked and ended; the proposal is closed as APPROVED with the city’s opinion', () => {
    decidingTheOnlyProposal(true, '同意撤销称号和授牌').then((before) => ({
      ...before,
      status: 'REVOKED',
      endedAt: '2020-03-20T02:00:00.000Z',
      revocations: [closed('rp-1', '2020-03-01T02:00:00.000Z', 'APPROVED', '2020-03-20T02:00:00.000Z', '同意撤销称号和授牌')],
    }));
  });

  it('StationRevoked: an earlier, rejected proposal keeps its outcome', () => {
    decidingTheSecondProposal(true, '同意撤销称号和授牌').then((before) => ({
      ...before,
      status: 'REVOKED',
      endedAt: '2020-06-20T02:00:00.000Z',
      revocations: [firstRejected, closed('rp-2', '2020-06-01T02:00:00.000Z', 'APPROVED', '2020-06-20T02:00:00.000Z', '同意撤销称号和授牌')],
    }));
  });

  it('RevocationProposalRejected: the station stays active; the proposal is closed as REJECTED', () => {
    decidingTheOnlyProposal(false, '证据不足').then((before) => ({
      ...before,
      revocations: [closed('rp-1', '2020-03-01T02:00:00.000Z', 'REJECTED', '2020-03-20T02:00:00.000Z', '证据不足')],
    }));
  });

  it('RevocationProposalRejected: only the proposal decided is closed', () => {
    decidingTheSecondProposal(false, '证据不足').then((before) => ({
      ...before,
      revocations: [firstRejected, closed('rp-2', '2020-06-01T02:00:00.000Z', 'REJECTED', '2020-06-20T02:00:00.000Z', '证据不足')],
    }));
  });

  it('StationWithdrawn: withdrawn and ended, with the reason and the day', () => {
    onASignedStation((station) => station.withdraw('场地到期', '2020-05-01T10:00:00+08:00')).then((before) => ({
      ...before,
      status: 'WITHDRAWN',
      endedAt: '2020-05-01T02:00:00.000Z',
      withdrawal: { reason: '场地到期', withdrawnAt: '2020-05-01T02:00:00.000Z' },
    }));
  });

  describeNoViewWithoutStart(stationsProjection, 'an event for a station the view never saw designated makes no view', () => {
    const station = aStation();
    station.designate();
    const later = {
      CovenantSigned: station.sign('穗2019版', '2019-09-20T10:00:00+08:00'),
      RevocationProposed: station.propose('rp-1', '2020-03-01T10:00:00+08:00'),
      RevocationProposalRejected: station.decide('rp-1', false, '整改期内', '2020-03-20T10:00:00+08:00'),
      StationWithdrawn: station.withdraw('场地到期', '2020-05-01T10:00:00+08:00'),
    };
    const revokedStation = aStation('st-008');
    revokedStation.designate();
    revokedStation.propose('rp-1', '2020-03-01T10:00:00+08:00');
    const revoked = revokedStation.decide('rp-1', true, '同意撤销', '2020-03-20T10:00:00+08:00');

    return { ...later, StationRevoked: revoked };
  });

  describeDelivery(stationsProjection, {
    of: aStation,
    firstTwo: (station) => [station.designate(), station.sign('穗2019版', '2019-09-20T10:00:00+08:00')],
    olderBecause: 'a designation replayed does not wipe the covenants',
    anotherKind: applicationKind,
  });
});
