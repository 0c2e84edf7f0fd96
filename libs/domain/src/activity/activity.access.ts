import { grant, notOwner, type AccessPolicy, type Grant } from '../shared/access';
import { servingOrganisationGrant, stewardGrant } from '../delivery/delivery.parties';
import { sameOrganisation } from '../shared/organisation';
import type { ActivityCommand } from './activity.commands';
import type { ActivityState, ExistingActivity } from './activity.state';

/** An organiser plans its own activity, as the kind of organisation it is. */
const plansAsItself = servingOrganisationGrant<ExistingActivity, PlanData>((_, data) => data.organiser);

/** The organiser itself; a station, the hub, a provider of the 库 or a recognised centre, each in its own role. */
const theOrganiser = servingOrganisationGrant<ExistingActivity>((a) => a?.organiser);

/** 主管: the hub for a station's activities, the city authority for the hub's, a provider's and a local centre's, ADMIN for the province centre's. */
const theSteward = stewardGrant<ExistingActivity>((a) => a?.steward);

type PlanData = Extract<ActivityCommand, { type: 'PlanActivity' }>['data'];
type RegisterData = Extract<ActivityCommand, { type: 'RegisterForActivity' }>['data'];
const theEnterpriseItself: Grant<ExistingActivity, RegisterData> = { roles: ['ENTERPRISE'], owner: (_, data) => data.enterprise?.uscc };

/** An enterprise present at the activity (no one else rates it). */
const anEnterprisePresent = grant<ExistingActivity, unknown>({
  roles: ['ENTERPRISE'],
  also: (actor, a) => {
    if (a !== undefined && !(a.held?.enterprisesPresent ?? []).some((e) => sameOrganisation(actor.orgId, e.uscc))) throw notOwner();
  },
});

/** Who may do what to an activity (服务公约 一.4, 服务跟踪 and 意见反馈). */
export const activityAccess: AccessPolicy<ActivityCommand, ActivityState> = {
  PlanActivity: [plansAsItself],
  PostponeActivity: [theOrganiser],
  CancelActivity: [theOrganiser, theSteward],
  RegisterForActivity: [theEnterpriseItself, theOrganiser],
  HoldActivity: [theOrganiser],
  RateActivity: [anEnterprisePresent],
  AmendActivityRating: [anEnterprisePresent],
};
