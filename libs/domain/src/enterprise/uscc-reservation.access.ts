import type { AccessPolicy } from '../shared/access';
import { ENTERPRISE_REGISTRAR_ROLES, enterpriseRegisteringItself } from './enterprise.access';
import type { ReserveUscc, UsccReservationState } from './uscc-reservation';

/**
 * Who may reserve a USCC: whoever may register the enterprise that holds it. A reservation is written
 * only by a registration, after the registration has passed its own gate; it names no region, so the
 * registrar's region is the registration's to check.
 */
export const usccReservationAccess: AccessPolicy<ReserveUscc, UsccReservationState> = {
  ReserveUscc: [enterpriseRegisteringItself, { roles: ENTERPRISE_REGISTRAR_ROLES }],
};
