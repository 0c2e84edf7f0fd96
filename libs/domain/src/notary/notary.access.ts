import type { AccessPolicy } from '../shared/access';
import type { NotaryState, SignCheckpoint } from './notary';

/** A checkpoint is signed on the ledger's schedule (as ADMIN) or when an auditor or ADMIN asks for one. */
export const notaryAccess: AccessPolicy<SignCheckpoint, NotaryState> = {
  SignCheckpoint: [{ roles: ['ADMIN', 'AUDITOR'] }],
};
