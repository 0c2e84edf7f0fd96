import { grant, type AccessPolicy } from '../shared/access';
import type { StationCommand } from './station.commands';
import type { ExistingStation, StationState } from './station.decider';

/** The station's own operator organisation (服务站运营主体). */
const theOperator = grant<ExistingStation, unknown>({ roles: ['STATION_OPERATOR'], owner: (station) => station?.ownerOrgId });
const ofTheCity = (role: 'HUB' | 'CITY_AUTHORITY') =>
  grant<ExistingStation, unknown>({ roles: [role], region: { of: (station) => station?.cityCode, match: 'same' } });

/** Who may do what to a station (穗工信函〔2019〕1100号: 授牌, 服务公约, 退出机制). */
export const stationAccess: AccessPolicy<StationCommand, StationState> = {
  // Written when the city's published list names the station (授牌).
  DesignateStation: [{ roles: ['CITY_AUTHORITY'], region: { of: (_, data) => data.cityCode, match: 'same' } }],
  SignCovenant: [theOperator],
  // 退出机制: the hub proposes, the city bureau decides.
  ProposeRevocation: [ofTheCity('HUB')],
  DecideRevocation: [ofTheCity('CITY_AUTHORITY')],
  WithdrawStation: [theOperator],
};
