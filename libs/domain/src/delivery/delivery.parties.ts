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

type Of<R, D, T> = (record: R | undefined, data: D) => T | undefined;

/** The serving organisation (a delivery's server, an activity's organiser) itself, in the role it serves as. */
export function servingOrganisationGrant<R, D = unknown>(of: Of<R, D, Pick<ServingOrganisation, 'kind' | 'orgId'>>): Grant<R, D> {
  return {
    roles: SERVING_ROLES,
    owner: (r, data) => of(r, data)?.orgId,
    also: (actor, r, data) => {
      const organisation = of(r, data);
      if (organisation !== undefined && SERVING_ROLE[organisation.kind] !== actor.role) throw roleNotPermitted(actor, [SERVING_ROLE[organisation.kind]]);
    },
  };
}

/** The steward, in its role and city (ADMIN, the province centre's steward, anywhere). */
export function stewardGrant<R, D = unknown>(of: Of<R, D, Steward>): Grant<R, D> {
  return {
    roles: ['HUB', 'CITY_AUTHORITY', 'ADMIN'],
    region: { of: (r, data) => { const steward = of(r, data); return steward?.role === 'ADMIN' ? undefined : steward?.regionCode; }, match: 'within' },
    also: (actor, r, data) => {
      const steward = of(r, data);
      if (steward !== undefined && steward.role !== actor.role) throw roleNotPermitted(actor, [steward.role]);
    },
  };
}

/**
 * The three parties of a service as grants, for any record that names them (a delivery, its
 * follow-ups): the serving organisation itself, in the role it serves as; the enterprise served; the
 * steward, in its role and city.
 */
export function serviceParties<R extends ServiceParties>(): { theServer: Grant<R, unknown>; theEnterprise: Grant<R, unknown>; theSteward: Grant<R, unknown> } {
  return {
    theServer: servingOrganisationGrant<R>((r) => r?.server),
    theEnterprise: grant<R, unknown>({ roles: ['ENTERPRISE'], owner: (r) => r?.enterprise.uscc }),
    theSteward: stewardGrant<R>((r) => r?.steward),
  };
}
