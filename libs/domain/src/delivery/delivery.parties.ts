import { grant, roleNotPermitted, type Grant } from '../shared/access';
import type { ServedEnterprise, ServingKind, ServingOrganisation, Steward } from './delivery.terms';

/** The role that serves as each kind of organisation. */
export const SERVING_ROLE = { PROVIDER: 'PROVIDER', STATION: 'STATION_OPERATOR', HUB: 'HUB', CENTRE: 'CENTRE_OPERATOR' } as const satisfies Record<ServingKind, string>;

/** The roles any serving organisation acts as. */
export const SERVING_ROLES = Object.values(SERVING_ROLE);

/** What a record about a service names: who serves, who is served, who oversees. */
export interface ServiceParties {
  server: ServingOrganisation;
  enterprise: ServedEnterprise;
  steward: Steward;
}

/**
 * The three parties of a service as grants, for any record that names them (a delivery, its
 * follow-ups): the serving organisation itself, in the role it serves as; the enterprise served; the
 * steward, in its role and city (ADMIN, the province centre's steward, anywhere).
 */
export function serviceParties<R extends ServiceParties>(): { theServer: Grant<R, unknown>; theEnterprise: Grant<R, unknown>; theSteward: Grant<R, unknown> } {
  return {
    theServer: grant<R, unknown>({
      roles: SERVING_ROLES,
      owner: (r) => r?.server.orgId,
      also: (actor, r) => {
        if (r !== undefined && SERVING_ROLE[r.server.kind] !== actor.role) throw roleNotPermitted(actor, [SERVING_ROLE[r.server.kind]]);
      },
    }),
    theEnterprise: grant<R, unknown>({ roles: ['ENTERPRISE'], owner: (r) => r?.enterprise.uscc }),
    theSteward: grant<R, unknown>({
      roles: ['HUB', 'CITY_AUTHORITY', 'ADMIN'],
      region: { of: (r) => (r?.steward.role === 'ADMIN' ? undefined : r?.steward.regionCode), match: 'within' },
      also: (actor, r) => {
        if (r !== undefined && r.steward.role !== actor.role) throw roleNotPermitted(actor, [r.steward.role]);
      },
    }),
  };
}
