import type { AccessPolicy } from '../shared/access';
import { forbidden } from '../shared/domain-error';
import type { ErasureCommand, ErasureState } from './erasure';

/** Four eyes (双人复核): the administrator who asked may not decide. */
const notTheRequester = {
  roles: ['ADMIN'] as const,
  also: (actor: { id: string }, erasure: { requestedBy: string } | undefined) => {
    if (erasure && erasure.requestedBy === actor.id) {
      throw forbidden('ERASURE_SELF_DECISION', '删除申请须由另一名管理员决定', 'Another administrator must decide the erasure: not the one who asked');
    }
  },
};

/** Personal data is erased on an administrator's request and a second administrator's decision; the ledger records the keys' deletion. */
export const erasureAccess: AccessPolicy<ErasureCommand, ErasureState> = {
  RequestErasure: [{ roles: ['ADMIN'] }],
  ApproveErasure: [notTheRequester],
  RefuseErasure: [notTheRequester],
  RecordErasure: [{ roles: ['ADMIN'] }],
};
