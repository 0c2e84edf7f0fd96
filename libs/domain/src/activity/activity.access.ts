import { grant, notOwner, roleNotPermitted, type AccessPolicy, type Grant } from '../shared/access';
import type { Actor, Role } from '../shared/decider';
import { sameOrganisation } from '../shared/organisation';
import type { ActivityCommand } from './activity.commands';
import type { ActivityState, ExistingActivity } from './activity.state';
import type { OrganiserKind } from './activity.terms';

/**
 * The role that organises as each kind of organisation. A recognised centre has none yet: the centre
 * record is wired in when it exists (the request handler refuses CENTRE before this gate).
 */
export const ORGANISER_ROLE: { readonly [K in OrganiserKind]: Role | undefined } = { STATION: 'STATION_OPERATOR', HUB: 'HUB', PROVIDER: 'PROVIDER', CENTRE: undefined };
const ORGANISING_ROLES: readonly Role[] = ['STATION_OPERATOR', 'HUB', 'PROVIDER'];

const asItsKind = (actor: Actor, kind: OrganiserKind) => {
  const role = ORGANISER_ROLE[kind];
  if (role !== actor.role) throw roleNotPermitted(actor, role === undefined ? [] : [role]);
};

type PlanData = Extract<ActivityCommand, { type: 'PlanActivity' }>['data'];

/** An organiser plans its own activity, as the kind of organisation it is. */
const plansAsItself: Grant<ExistingActivity, PlanData> = {
  roles: ORGANISING_ROLES,
  owner: (_, data) => data.organiser.orgId,
  also: (actor, _, data) => asItsKind(actor, data.organiser.kind),
};

const theOrganiser = grant<ExistingActivity, unknown>({
  roles: ORGANISING_ROLES,
  owner: (a) => a?.organiser.orgId,
  also: (actor, a) => {
    if (a !== undefined) asItsKind(actor, a.organiser.kind);
  },
});

/** 主管: the hub for a station's activities, the city authority for the hub's and a provider's. */
const theSteward = grant<ExistingActivity, unknown>({
  roles: ['HUB', 'CITY_AUTHORITY'],
  region: { of: (a) => a?.steward.regionCode, match: 'within' },
  also: (actor, a) => {
    if (a !== undefined && a.steward.role !== actor.role) throw roleNotPermitted(actor, [a.steward.role]);
  },
});

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
