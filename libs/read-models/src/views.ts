import type { ApplicationStage } from '@sme/domain';
import type { ApplicationForm, Material } from '@sme/domain/application/application.form';
import type { PanelExpert } from '@sme/domain/application/application.commands';
import type { PublishedListEntry } from '@sme/domain/call/call.events';
import type { RevocationEvidence } from '@sme/domain/station/station.commands';
import type { RevocationGround } from '@sme/domain/station/revocation-grounds';
import type { SatisfactionFigures } from '@sme/domain/feedback/satisfaction-figures';

/**
 * Where a view stands in the log. Views are stored as they are: `_id` is the record id and
 * `_position` the global position of the last event applied, which makes a redelivered event a no-op.
 */
export interface ViewVersion {
  _id: string;
  _position: number;
  /** Revision of the record's stream after the last event applied. */
  revision: number;
  /** Business time of the last event applied. */
  updatedAt: string;
}

export interface CallView extends ViewVersion {
  id: string;
  title: string;
  documentNumber: string;
  cityCode: string;
  registrationCutoff: string;
  districtDeadline: string;
  cityDeadline: string;
  targetStationCount: number;
  status: 'OPEN' | 'CLOSED' | 'PUBLISHED';
  openedAt: string;
  closedAt: string | null;
  publishedAt: string | null;
  list: PublishedListEntry[];
}

export interface StageChange {
  stage: ApplicationStage;
  at: string;
  by: string;
}

export interface PanelMember extends PanelExpert {
  score: number | null;
  opinion: string | null;
  scoredAt: string | null;
}

export interface ApplicationView extends ViewVersion {
  id: string;
  callId: string;
  cityCode: string;
  districtCode: string;
  ownerOrgId: string;
  operatorName: string;
  stationName: string;
  stage: ApplicationStage;
  form: Omit<ApplicationForm, 'materials'>;
  materials: Material[];
  draftedAt: string;
  submittedAt: string | null;
  districtReview: { passed: boolean; opinion: string; reviewedAt: string; reviewerId: string } | null;
  panel: PanelMember[];
  averageScore: number | null;
  recommendation: { recommended: boolean; opinion: string; issuedAt: string; averageScore: number } | null;
  decision: { approved: boolean; opinion: string; decidedAt: string } | null;
  station: { stationId: string; plaqueNumber: string; designatedAt: string } | null;
  history: StageChange[];
}

export interface RevocationRecord {
  proposalId: string;
  grounds: RevocationGround[];
  evidence: RevocationEvidence[];
  opinion: string;
  proposedAt: string;
  proposedBy: string;
  /** On the ground 服务满意度低: the station's delivery figures the proposal cites. */
  satisfactionFigures: SatisfactionFigures | null;
  outcome: 'OPEN' | 'APPROVED' | 'REJECTED';
  decidedAt: string | null;
  decisionOpinion: string | null;
}

export interface StationView extends ViewVersion {
  id: string;
  applicationId: string;
  callId: string;
  plaqueNumber: string;
  name: string;
  districtCode: string;
  cityCode: string;
  address: string;
  operator: { name: string; uscc: string };
  ownerOrgId: string;
  status: 'ACTIVE' | 'REVOKED' | 'WITHDRAWN';
  designatedAt: string;
  covenants: { covenantVersion: string; signedAt: string }[];
  revocations: RevocationRecord[];
  withdrawal: { reason: string; withdrawnAt: string } | null;
  endedAt: string | null;
}
