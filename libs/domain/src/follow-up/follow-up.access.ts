import type { AccessPolicy } from '../shared/access';
import { serviceParties, stewardGrant } from '../delivery/delivery.parties';
import type { FollowUpCommand } from './follow-up.commands';
import type { ExistingFollowUp, FollowUpState } from './follow-up.decider';

const { theServer, theEnterprise, theSteward } = serviceParties<ExistingFollowUp>();

/** The steward follows up; the serving organisation records its rectification; the enterprise says when it is settled. */
export const followUpAccess: AccessPolicy<FollowUpCommand, FollowUpState> = {
  // Opened by the ledger's reaction, acting as the steward named in the data.
  OpenFollowUp: [stewardGrant((_, data) => data.steward)],
  OpenFollowUpOnActivity: [stewardGrant((_, data) => data.steward)],
  RecordFollowUpContact: [theSteward],
  RecordRectificationPlan: [theSteward, theServer],
  RecordRectification: [theSteward, theServer],
  ConfirmFollowUpSettled: [theEnterprise],
  CloseFollowUp: [theSteward],
  // Sent by the ledger's sweep as the steward.
  EscalateFollowUp: [theSteward],
};
