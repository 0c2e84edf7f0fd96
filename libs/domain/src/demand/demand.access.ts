import { grant, type AccessPolicy } from '../shared/access';
import type { Role } from '../shared/decider';
import { forbidden } from '../shared/domain-error';
import type { DemandCommand } from './demand.commands';
import type { DemandState, ExistingDemand } from './demand.decider';

const districtOf = (demand: ExistingDemand | undefined) => demand?.enterpriseRegionCode;

/** Roles acting inside the region of the enterprise's district (a city role on all its districts). */
const ofTheDistrict = (...roles: Role[]) => grant<ExistingDemand, unknown>({ roles, region: { of: districtOf, match: 'within' } });

/** A station of the district; once a station operator accepted the demand, only its organisation handles it. */
const theHandlingStation = grant<ExistingDemand, unknown>({
  roles: ['STATION_OPERATOR'],
  region: { of: districtOf, match: 'within' },
  owner: (demand) => demand?.acceptance?.acceptedByOrgId,
});

/** The station side: the handling station, or the hub of the city. */
const stationSide = [theHandlingStation, ofTheDistrict('HUB')];

const closeReasonNotPermitted = () =>
  forbidden('CLOSE_REASON_NOT_PERMITTED', '企业只能撤回自己的服务需求', 'An enterprise can only withdraw its own demand');

/** Who may do what to a demand of the 服务需求库 (README: Rules and choices). */
export const demandAccess: AccessPolicy<DemandCommand, DemandState> = {
  // The enterprise itself (its USCC from its record), or a station of its district on its behalf.
  RaiseDemand: [
    { roles: ['ENTERPRISE'], owner: (_, data) => data.enterpriseUscc },
    { roles: ['STATION_OPERATOR'], region: { of: (_, data) => data.enterpriseRegionCode, match: 'within' } },
  ],
  AcceptDemand: [ofTheDistrict('STATION_OPERATOR', 'HUB')],
  MatchDemand: stationSide,
  ResolveDemand: stationSide,
  CloseDemand: [
    {
      roles: ['ENTERPRISE'],
      owner: (demand) => demand?.enterpriseUscc,
      // Whether a demand can be met is the network's judgement, not the enterprise's: it can only
      // withdraw. A reason that is none of the known ones is the decider's to refuse.
      also: (_actor, _demand, data) => {
        if (data.reason === 'UNRESOLVABLE') throw closeReasonNotPermitted();
      },
    },
    ...stationSide,
  ],
  // Sent by the API's scheduler as the city's hub; the district's authority may too.
  EscalateDemand: [ofTheDistrict('HUB', 'DISTRICT_AUTHORITY')],
};
