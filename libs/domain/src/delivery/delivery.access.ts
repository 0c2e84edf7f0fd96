import { roleNotPermitted, type AccessPolicy, type Grant } from '../shared/access';
import { SERVING_ROLE, SERVING_ROLES, serviceParties } from './delivery.parties';
import type { DeliveryCommand } from './delivery.commands';
import type { DeliveryState, ExistingDelivery } from './delivery.state';

const { theServer, theEnterprise, theSteward } = serviceParties<ExistingDelivery>();

type RegisterData = Extract<DeliveryCommand, { type: 'RegisterDelivery' }>['data'];

/** A serving organisation registers its own delivery, as the kind of organisation it is. */
const registersAsItself: Grant<ExistingDelivery, RegisterData> = {
  roles: SERVING_ROLES,
  owner: (_, data) => data.server.orgId,
  also: (actor, _, data) => {
    if (SERVING_ROLE[data.server.kind] !== actor.role) throw roleNotPermitted(actor, [SERVING_ROLE[data.server.kind]]);
  },
};

/** Who may do what to a delivery (服务项目跟踪管理制度, 客户回访制度, 满意度评价制度, 归档制度). */
export const deliveryAccess: AccessPolicy<DeliveryCommand, DeliveryState> = {
  RegisterDelivery: [registersAsItself],
  StartDelivery: [theServer],
  NoteDeliveryProgress: [theServer],
  DeliverService: [theServer],
  ConfirmDelivery: [theEnterprise],
  // Sent by the ledger's sweep as the steward.
  ConfirmDeliveryAutomatically: [theSteward],
  DisputeDelivery: [theEnterprise],
  CancelDelivery: [theServer, theSteward],
  RateDelivery: [theEnterprise],
  AmendDeliveryRating: [theEnterprise],
  LodgeComplaint: [theEnterprise],
  RecordReturnVisit: [theSteward],
  ArchiveDelivery: [theSteward],
  CorrectDelivery: [theSteward],
};
