import { grant, roleNotPermitted, type AccessPolicy, type Grant } from '../shared/access';
import type { Actor } from '../shared/decider';
import type { DeliveryCommand } from './delivery.commands';
import type { DeliveryState, ExistingDelivery } from './delivery.state';
import type { ServingKind } from './delivery.terms';

/** The role that serves as each kind of organisation. */
const SERVING_ROLE = { PROVIDER: 'PROVIDER', STATION: 'STATION_OPERATOR', HUB: 'HUB' } as const satisfies Record<ServingKind, string>;

/** The serving organisation itself. */
const theServer = grant<ExistingDelivery, unknown>({
  roles: ['PROVIDER', 'STATION_OPERATOR', 'HUB'],
  owner: (d) => d?.server.orgId,
  also: (actor, d) => {
    if (d !== undefined && SERVING_ROLE[d.server.kind] !== actor.role) throw roleNotPermitted(actor, [SERVING_ROLE[d.server.kind]]);
  },
});

/** The enterprise served (its token's orgId is its USCC). */
const theEnterprise = grant<ExistingDelivery, unknown>({ roles: ['ENTERPRISE'], owner: (d) => d?.enterprise.uscc });

/** The steward: the station's hub, or the city authority of a provider or of the hub, in the delivery's city. */
const theSteward = grant<ExistingDelivery, unknown>({
  roles: ['HUB', 'CITY_AUTHORITY'],
  region: { of: (d) => d?.steward.regionCode, match: 'within' },
  also: (actor: Actor, d) => {
    if (d !== undefined && d.steward.role !== actor.role) throw roleNotPermitted(actor, [d.steward.role]);
  },
});

type RegisterData = Extract<DeliveryCommand, { type: 'RegisterDelivery' }>['data'];

/** A serving organisation registers its own delivery, as the kind of organisation it is. */
const registersAsItself: Grant<ExistingDelivery, RegisterData> = {
  roles: ['PROVIDER', 'STATION_OPERATOR', 'HUB'],
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
