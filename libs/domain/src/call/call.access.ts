import { grant, type AccessPolicy } from '../shared/access';
import type { CallCommand } from './call.commands';
import type { CallState, ExistingCall } from './call.decider';

/** The city authority (市中小企业主管部门) of the call's city. */
const theCityAuthority = grant<ExistingCall, unknown>({ roles: ['CITY_AUTHORITY'], region: { of: (call) => call?.cityCode, match: 'same' } });

/** Who may do what to a call (穗工信函〔2019〕1100号: the city bureau runs its own city's call). */
export const callAccess: AccessPolicy<CallCommand, CallState> = {
  OpenCall: [{ roles: ['CITY_AUTHORITY'], region: { of: (_, data) => data.cityCode, match: 'same' } }],
  CloseCall: [theCityAuthority],
  PublishList: [theCityAuthority],
};
