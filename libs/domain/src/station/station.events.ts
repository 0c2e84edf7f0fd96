import {
  arrayOf,
  at,
  cityCode,
  closed,
  evidence,
  districtCode,
  oneOf,
  optional,
  withDescription,
  opinion,
  plaqueNumber,
  recordId,
  text,
  uscc,
  type Static,
} from '../shared/schema/builders';
import { SatisfactionFiguresSchema } from '../feedback/satisfaction-figures';
import { recordEvents, type EventOf, type EventsByType } from '../shared/schema/event-spec';
import { revocationGrounds } from './revocation-grounds';

const RevocationGroundSchema = {
  ...oneOf(
    revocationGrounds.codes,
    '退出机制: FALSIFIED_APPLICATION 申请资料弄虚作假, COVENANT_SERIOUSLY_VIOLATED 严重违反服务公约, ' +
      'NOT_SUPPORTING_AUTHORITIES 不支持市区两级中小企业主管部门的相关工作, LOW_SATISFACTION 服务满意度低, ILLEGAL_CONDUCT 有违法违规行为',
  ),
  $id: 'RevocationGround',
};

export const RevocationEvidenceSchema = evidence({ $id: 'RevocationEvidence', description: 'Evidence for a revocation proposal' });
export type RevocationEvidence = Static<typeof RevocationEvidenceSchema>;

const grounds = (description: string) => arrayOf(RevocationGroundSchema, { minItems: 1, uniqueItems: true, description });

/** 服务站: every event of a station's record. */
export const STATION_EVENTS = recordEvents({ stationId: recordId('The station') }, {
  StationDesignated: {
    action: 'designated',
    title: 'Station designated (授牌)',
    summary: 'A station record begins: the city designated it from the published list; status ACTIVE.',
    payload: {
      applicationId: recordId('The application it came from'),
      callId: recordId('The call'),
      plaqueNumber: plaqueNumber(),
      name: text('服务站名称'),
      districtCode: districtCode(),
      cityCode: cityCode(),
      address: text('服务站地址'),
      operator: closed({ name: text('运营主体名称'), uscc: uscc() }, { description: 'The operator organisation' }),
      ownerOrgId: text('The operator organisation that owns the station (the application’s owner)'),
      designatedAt: at('When the station was designated'),
    },
  },
  CovenantSigned: {
    action: 'covenant-signed',
    title: 'Covenant signed (签署服务公约)',
    summary: 'The operator signed a version of the service covenant.',
    payload: {
      covenantVersion: text('The covenant version, e.g. 穗2019版; each version is signed once'),
      signedAt: at('When it was signed'),
    },
  },
  RevocationProposed: {
    action: 'revocation-proposed',
    title: 'Revocation proposed (服务总站提出撤销意见)',
    summary: 'The hub proposed revoking the station on one or more of the five grounds; it awaits the city’s decision.',
    payload: {
      proposalId: recordId('The proposal'),
      grounds: grounds('The grounds, each at most once'),
      evidence: arrayOf(RevocationEvidenceSchema, { minItems: 1, description: 'The evidence' }),
      opinion: opinion(),
      satisfactionFigures: optional(
        withDescription(SatisfactionFiguresSchema, 'With the ground LOW_SATISFACTION: the station’s delivery figures of the twelve months to the proposal, as the ledger computed them'),
      ),
      proposedAt: at('When it was proposed'),
    },
  },
  StationRevoked: {
    action: 'revoked',
    title: 'Station revoked (撤销称号和授牌)',
    summary: 'The city approved the open proposal; the station is REVOKED for good.',
    payload: {
      proposalId: recordId('The approved proposal'),
      grounds: grounds('The proposal’s grounds'),
      opinion: opinion(),
      revokedAt: at('When it was revoked'),
    },
  },
  RevocationProposalRejected: {
    action: 'revocation-proposal-rejected',
    title: 'Revocation proposal rejected (撤销意见未获审定)',
    summary: 'The city rejected the open proposal; the station stays ACTIVE.',
    payload: {
      proposalId: recordId('The rejected proposal'),
      opinion: opinion(),
      rejectedAt: at('When it was rejected'),
    },
  },
  StationWithdrawn: {
    action: 'withdrawn',
    title: 'Station withdrawn (服务站退出)',
    summary: 'The operator gave the station up; it is WITHDRAWN for good.',
    payload: { reason: text('The reason given'), withdrawnAt: at('When it withdrew') },
  },
});

export type StationEvent = EventOf<typeof STATION_EVENTS>;
export type StationEvents = EventsByType<typeof STATION_EVENTS>;
