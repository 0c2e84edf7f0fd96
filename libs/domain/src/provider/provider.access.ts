import { grant, notOwner, type AccessPolicy } from '../shared/access';
import { sameOrganisation } from '../shared/organisation';
import { parseUscc } from '../shared/uscc';
import type { ApplyForEntry, ProviderCommand } from './provider.commands';
import type { ExistingProvider, ProviderState } from './provider.state';

/** The provider itself: a PROVIDER whose organisation is the record's USCC. */
const theProvider = grant<ExistingProvider, unknown>({ roles: ['PROVIDER'], owner: (provider) => provider?.uscc });

/** The hub or the SME authority of the provider's city: the 库 is run city by city. */
const theCity = grant<ExistingProvider, unknown>({
  roles: ['HUB', 'CITY_AUTHORITY'],
  region: { of: (provider) => provider?.regionCode, match: 'sameCity' },
});

/**
 * 申请入库 is for one's own organisation: the USCC applied under must be the actor's, and a later round
 * is on the actor's own record. A malformed USCC names no organisation; the decider refuses it (USCC_INVALID).
 */
const applicantsOwn = grant<ExistingProvider, ApplyForEntry['data']>({
  roles: ['PROVIDER'],
  owner: (provider) => provider?.uscc,
  also: (actor, _, data) => {
    const uscc = parseUscc(data.uscc);
    if (uscc.ok && !sameOrganisation(actor.orgId, uscc.value)) throw notOwner();
  },
});

/** Who may do what to a provider of the 优质服务机构库 (工信部企业〔2023〕213号: 入库, 监测评价, 出库). */
export const providerAccess: AccessPolicy<ProviderCommand, ProviderState> = {
  ApplyForEntry: [applicantsOwn],
  DecideEntry: [theCity],
  RecordMonitoringEvaluation: [theCity],
  LiftWarning: [theCity],
  RemoveFromPool: [theCity],
  // 自愿退出 is the provider's own step; the authority removes with RemoveFromPool instead.
  WithdrawFromPool: [theProvider],
  // 入驻: the provider itself, or the city's hub or authority placing it.
  SettleAtStation: [theProvider, theCity],
  LeaveStation: [theProvider, theCity],
};
