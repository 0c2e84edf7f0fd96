import { anActor, cityBureau, commandsOn, commandWith, given, hub, type CommandData } from '../shared/testing';
import type { StationCommand } from './station.commands';
import { hasSignedCovenant, openRevocationProposal, stationDecider } from './station.decider';
import { designationOf, evidence, owner, OWNER } from './station.fixtures';
import { stationKind } from './station.kind';
import type { StationEvent } from './station.events';

const STATION_ID = 'station-007';
const otherOperator = anActor('STATION_OPERATOR', '440106', 'op-user-2', '914401056187432107');
const NOW = '2019-09-01T10:00:00+08:00';
const NOW_ISO = new Date(NOW).toISOString();

const designation = designationOf(STATION_ID);

const cmd = commandsOn<StationCommand>()({ stationId: STATION_ID }, owner, NOW);
const designate = commandWith('DesignateStation', designation, cityBureau, NOW);
/** What the handler computes from the station's deliveries for a proposal on 服务满意度低. */
const figures = { from: '2018-09-02', until: '2019-09-01', deliveries: 40, ratings: 31, averageRating: 2.41, poorRatings: 12, followUps: 14, followUpsClosedOnTime: 5, returnVisitRate: 0.35 };
const propose = (data: Partial<CommandData<StationCommand, 'ProposeRevocation', 'stationId'>> = {}, actor = hub) =>
  cmd('ProposeRevocation', { proposalId: 'rp-1', grounds: ['LOW_SATISFACTION'], evidence, opinion: '建议撤销', satisfactionFigures: figures, ...data }, actor);
const decideRevocation = (approved: boolean, proposalId = 'rp-1', actor = cityBureau, opinion = '经审定') =>
  cmd('DecideRevocation', { proposalId, approved, opinion }, actor);

const designated: StationEvent = { type: 'StationDesignated', data: { ...designation, designatedAt: '2019-08-01T02:00:00.000Z' } };
const signed: StationEvent = { type: 'CovenantSigned', data: { stationId: STATION_ID, covenantVersion: '穗2019版', signedAt: '2019-08-02T02:00:00.000Z' } };
const proposed: StationEvent = {
  type: 'RevocationProposed',
  data: { stationId: STATION_ID, proposalId: 'rp-1', grounds: ['LOW_SATISFACTION'], evidence, opinion: '建议撤销', proposedAt: '2019-12-01T02:00:00.000Z' },
};
const proposalRejected: StationEvent = {
  type: 'RevocationProposalRejected',
  data: { stationId: STATION_ID, proposalId: 'rp-1', opinion: '整改期内', rejectedAt: '2019-12-10T02:00:00.000Z' },
};
const revoked: StationEvent = {
  type: 'StationRevoked',
  data: { stationId: STATION_ID, proposalId: 'rp-1', grounds: ['LOW_SATISFACTION'], opinion: '撤销', revokedAt: '2019-12-10T02:00:00.000Z' },
};
const withdrawn: StationEvent = { type: 'StationWithdrawn', data: { stationId: STATION_ID, reason: '场地到期', withdrawnAt: '2019-12-10T02:00:00.000Z' } };

describe('Station (服务站)', () => {
  describe('DesignateStation (授牌)', () => {
    it('designates an active station with no covenant signed yet', () => {
      given(stationKind, [])
        .when(designate())
        .then([{ type: 'StationDesignated', data: { ...designation, designatedAt: NOW_ISO } }])
        .andState((state) => {
          expect(state).toMatchObject({ status: 'ACTIVE', plaqueNumber: '440100-2019-007', covenants: [], revocationProposals: [] });
          expect(state.status === 'ACTIVE' && hasSignedCovenant(state)).toBe(false);
        });
    });

    it('designates once', () => {
      given(stationKind, [designated]).when(designate()).thenThrows('STATION_ALREADY_EXISTS', { kind: 'CONFLICT' });
    });

    it('is for the city authority of the city', () => {
      given(stationKind, []).when(designate({}, hub)).thenThrows('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
      given(stationKind, []).when(designate({}, anActor('CITY_AUTHORITY', '440300'))).thenThrows('REGION_NOT_PERMITTED');
    });

    it('checks codes and numbers', () => {
      given(stationKind, []).when(designate({ cityCode: '440000' }, anActor('CITY_AUTHORITY', '440000'))).thenThrows('CITY_CODE_INVALID', { field: 'cityCode' });
      given(stationKind, []).when(designate({ districtCode: '440305' })).thenThrows('STATION_OUTSIDE_CITY', { field: 'districtCode' });
      given(stationKind, []).when(designate({ plaqueNumber: '440300-2019-007' })).thenThrows('PLAQUE_NUMBER_INVALID', { field: 'plaqueNumber' });
      given(stationKind, [])
        .when(designate({ operator: { name: '某公司', uscc: '91440106MA59C3PL25' } }))
        .thenThrows('USCC_INVALID', { field: 'operator.uscc' });
    });

    it.each(['stationId', 'applicationId', 'callId', 'name', 'address', 'ownerOrgId'] as const)('needs %s', (field) => {
      given(stationKind, []).when(designate({ [field]: ' ' })).thenThrows('FIELD_REQUIRED', { field });
    });

    it('needs the operator’s name', () => {
      given(stationKind, []).when(designate({ operator: { name: '', uscc: OWNER } })).thenThrows('FIELD_REQUIRED', { field: 'operator.name' });
    });
  });

  describe('SignCovenant (服务公约)', () => {
    it('records the owner’s signature', () => {
      given(stationKind, [designated])
        .when(cmd('SignCovenant', { covenantVersion: '穗2019版' }))
        .then([{ type: 'CovenantSigned', data: { stationId: STATION_ID, covenantVersion: '穗2019版', signedAt: NOW_ISO } }])
        .andState((state) => {
          expect(state.status === 'ACTIVE' && state.covenants).toEqual([{ covenantVersion: '穗2019版', signedAt: NOW_ISO }]);
          expect(state.status === 'ACTIVE' && hasSignedCovenant(state)).toBe(true);
        });
    });

    it('signs a new version, but the same version only once', () => {
      given(stationKind, [designated, signed]).when(cmd('SignCovenant', { covenantVersion: '穗2021版' })).thenEmits(['CovenantSigned']);
      given(stationKind, [designated, signed])
        .when(cmd('SignCovenant', { covenantVersion: '穗2019版' }))
        .thenThrows('COVENANT_ALREADY_SIGNED', { kind: 'CONFLICT', field: 'covenantVersion' });
    });

    it('is for the owning operator only', () => {
      given(stationKind, [designated]).when(cmd('SignCovenant', { covenantVersion: '穗2019版' }, otherOperator)).thenThrows('NOT_OWNER');
      given(stationKind, [designated]).when(cmd('SignCovenant', { covenantVersion: '穗2019版' }, hub)).thenThrows('ROLE_NOT_PERMITTED');
    });

    it('needs a version', () => {
      given(stationKind, [designated]).when(cmd('SignCovenant', { covenantVersion: '' })).thenThrows('FIELD_REQUIRED', { field: 'covenantVersion' });
    });
  });

  describe('ProposeRevocation (服务总站提出意见)', () => {
    it('cites the station’s satisfaction figures on the ground 服务满意度低, and only then', () => {
      given(stationKind, [designated, signed]).when(propose({ satisfactionFigures: undefined })).thenThrows('SATISFACTION_FIGURES_REQUIRED', { kind: 'VALIDATION', field: 'satisfactionFigures' });
      const [event] = stationKind.decider.decide(propose({ grounds: ['ILLEGAL_CONDUCT'] }), given(stationKind, [designated, signed]).state);
      expect(event.data).not.toHaveProperty('satisfactionFigures');
    });

    it('records the hub’s proposal with its grounds and evidence', () => {
      given(stationKind, [designated, signed])
        .when(propose({ grounds: ['LOW_SATISFACTION', 'COVENANT_SERIOUSLY_VIOLATED'] }))
        .then([
          {
            type: 'RevocationProposed',
            data: {
              stationId: STATION_ID,
              proposalId: 'rp-1',
              grounds: ['LOW_SATISFACTION', 'COVENANT_SERIOUSLY_VIOLATED'],
              evidence,
              opinion: '建议撤销',
              satisfactionFigures: figures,
              proposedAt: NOW_ISO,
            },
          },
        ])
        .andState((state) => {
          expect(state.status).toBe('ACTIVE');
          expect(state.status === 'ACTIVE' && openRevocationProposal(state)?.proposalId).toBe('rp-1');
        });
    });

    it('keeps one proposal open at a time', () => {
      given(stationKind, [designated, proposed]).when(propose({ proposalId: 'rp-2' })).thenThrows('REVOCATION_ALREADY_PROPOSED', { kind: 'CONFLICT' });
    });

    it('may propose again after a rejected proposal, under a new id', () => {
      given(stationKind, [designated, proposed, proposalRejected]).when(propose({ proposalId: 'rp-2' })).thenEmits(['RevocationProposed']);
      given(stationKind, [designated, proposed, proposalRejected]).when(propose()).thenThrows('PROPOSAL_ID_ALREADY_USED', { field: 'proposalId' });
    });

    it('needs at least one of the five grounds, each once', () => {
      given(stationKind, [designated]).when(propose({ grounds: [] })).thenThrows('REVOCATION_GROUNDS_REQUIRED', { kind: 'VALIDATION', field: 'grounds' });
      given(stationKind, [designated]).when(propose({ grounds: ['LOW_SATISFACTION', 'LATE_REPORT' as never] })).thenThrows('FIELD_INVALID', { field: 'grounds.1' });
      given(stationKind, [designated]).when(propose({ grounds: ['ILLEGAL_CONDUCT', 'ILLEGAL_CONDUCT'] })).thenThrows('FIELD_INVALID', { field: 'grounds.1' });
    });

    it('needs evidence', () => {
      given(stationKind, [designated]).when(propose({ evidence: [] })).thenThrows('REVOCATION_EVIDENCE_REQUIRED', { field: 'evidence' });
      given(stationKind, [designated]).when(propose({ evidence: [{ description: ' ' }] })).thenThrows('FIELD_REQUIRED', { field: 'evidence.0.description' });
      given(stationKind, [designated]).when(propose({ evidence: [{ description: '投诉记录', sha256: 'xyz' }] })).thenThrows('FIELD_INVALID', { field: 'evidence.0.sha256' });
      given(stationKind, [designated]).when(propose({ evidence: [{ description: '投诉记录', fileName: ' ' }] })).thenThrows('FIELD_INVALID', { field: 'evidence.0.fileName' });
      given(stationKind, [designated]).when(propose({ evidence: [{ description: '现场检查记录' }] })).thenEmits(['RevocationProposed']);
    });

    it('needs an opinion', () => {
      given(stationKind, [designated]).when(propose({ opinion: '' })).thenThrows('FIELD_REQUIRED', { field: 'opinion' });
    });

    it('is for the hub of the station’s city', () => {
      given(stationKind, [designated]).when(propose({}, cityBureau)).thenThrows('ROLE_NOT_PERMITTED');
      given(stationKind, [designated]).when(propose({}, anActor('HUB', '440300'))).thenThrows('REGION_NOT_PERMITTED');
    });
  });

  describe('DecideRevocation (市审定)', () => {
    it('revokes the title and plaque', () => {
      given(stationKind, [designated, signed, proposed])
        .when(decideRevocation(true, 'rp-1', cityBureau, '撤销其称号和授牌'))
        .then([
          {
            type: 'StationRevoked',
            data: { stationId: STATION_ID, proposalId: 'rp-1', grounds: ['LOW_SATISFACTION'], opinion: '撤销其称号和授牌', revokedAt: NOW_ISO },
          },
        ])
        .andState((state) => {
          expect(state).toMatchObject({ status: 'REVOKED', revokedAt: NOW_ISO, revokedByProposalId: 'rp-1' });
          expect(state.status === 'REVOKED' && state.revocationProposals).toEqual([
            expect.objectContaining({ proposalId: 'rp-1', outcome: 'APPROVED', decision: { approved: true, opinion: '撤销其称号和授牌', decidedAt: NOW_ISO } }),
          ]);
          expect(state.status === 'REVOKED' && state.covenants).toHaveLength(1);
        });
    });

    it('rejects the proposal and the station stays active', () => {
      given(stationKind, [designated, proposed])
        .when(decideRevocation(false, 'rp-1', cityBureau, '整改期内'))
        .then([{ type: 'RevocationProposalRejected', data: { stationId: STATION_ID, proposalId: 'rp-1', opinion: '整改期内', rejectedAt: NOW_ISO } }])
        .andState((state) => {
          expect(state.status).toBe('ACTIVE');
          expect(state.status === 'ACTIVE' && openRevocationProposal(state)).toBeUndefined();
          expect(state.status === 'ACTIVE' && state.revocationProposals[0].outcome).toBe('REJECTED');
        });
    });

    it('needs that proposal, still open', () => {
      given(stationKind, [designated, proposed]).when(decideRevocation(true, 'rp-9')).thenThrows('REVOCATION_PROPOSAL_NOT_FOUND', { kind: 'NOT_FOUND' });
      given(stationKind, [designated]).when(decideRevocation(true)).thenThrows('REVOCATION_PROPOSAL_NOT_FOUND');
      given(stationKind, [designated, proposed, proposalRejected]).when(decideRevocation(true)).thenThrows('REVOCATION_PROPOSAL_NOT_OPEN', { kind: 'CONFLICT' });
      given(stationKind, [designated, proposed, revoked]).when(decideRevocation(false)).thenThrows('REVOCATION_PROPOSAL_NOT_OPEN');
    });

    it('is for the city authority of the city', () => {
      given(stationKind, [designated, proposed]).when(decideRevocation(true, 'rp-1', hub)).thenThrows('ROLE_NOT_PERMITTED');
      given(stationKind, [designated, proposed]).when(decideRevocation(true, 'rp-1', anActor('CITY_AUTHORITY', '440300'))).thenThrows('REGION_NOT_PERMITTED');
    });

    it('needs a yes or no and an opinion', () => {
      given(stationKind, [designated, proposed]).when(decideRevocation(true, 'rp-1', cityBureau, '')).thenThrows('FIELD_REQUIRED', { field: 'opinion' });
      given(stationKind, [designated, proposed]).when(decideRevocation('yes' as never)).thenThrows('FIELD_INVALID', { field: 'approved' });
    });
  });

  describe('WithdrawStation', () => {
    it('lets the owner withdraw', () => {
      given(stationKind, [designated, signed])
        .when(cmd('WithdrawStation', { reason: '场地到期' }))
        .then([{ type: 'StationWithdrawn', data: { stationId: STATION_ID, reason: '场地到期', withdrawnAt: NOW_ISO } }])
        .andState((state) => expect(state).toMatchObject({ status: 'WITHDRAWN', withdrawalReason: '场地到期', withdrawnAt: NOW_ISO }));
    });

    it('is for the owner only', () => {
      given(stationKind, [designated]).when(cmd('WithdrawStation', { reason: '场地到期' }, otherOperator)).thenThrows('NOT_OWNER', { kind: 'FORBIDDEN' });
    });

    it('needs a reason', () => {
      given(stationKind, [designated]).when(cmd('WithdrawStation', { reason: ' ' })).thenThrows('FIELD_REQUIRED', { field: 'reason' });
    });

    it('cannot pre-empt a pending revocation', () => {
      given(stationKind, [designated, proposed]).when(cmd('WithdrawStation', { reason: '场地到期' })).thenThrows('REVOCATION_PENDING', { kind: 'CONFLICT' });
    });
  });

  describe('a revoked or withdrawn station', () => {
    it.each([
      ['revoked', [designated, proposed, revoked]],
      ['withdrawn', [designated, withdrawn]],
    ])('accepts no operator command and no proposal once %s', (_, history) => {
      given(stationKind, history).when(cmd('SignCovenant', { covenantVersion: '穗2021版' })).thenThrows('STATION_NOT_ACTIVE', { kind: 'CONFLICT' });
      given(stationKind, history).when(cmd('WithdrawStation', { reason: '再次退出' })).thenThrows('STATION_NOT_ACTIVE');
      given(stationKind, history).when(propose({ proposalId: 'rp-2' })).thenThrows('STATION_NOT_ACTIVE');
    });
  });

  it.each<StationCommand>([
    cmd('SignCovenant', { covenantVersion: '穗2019版' }),
    propose(),
    decideRevocation(true),
    cmd('WithdrawStation', { reason: '场地到期' }),
  ])('$type on a station that does not exist is STATION_NOT_FOUND', (command) => {
    given(stationKind, []).when(command).thenThrows('STATION_NOT_FOUND', { kind: 'NOT_FOUND' });
  });
});
