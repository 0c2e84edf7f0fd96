import type { Fixtures } from './fixtures';
import { demandBody } from '../support/library-bodies';

/**
 * 服务需求库: the enterprise raises and withdraws its demand; a station of its district accepts it, and
 * the station that accepted it matches and resolves it.
 */
export const demandFixtures: Fixtures = {
  'demand.RaiseDemand': async (w) => {
    const enterprise = await w.enterprise();
    return { path: '/demands', body: { ...demandBody, enterpriseId: enterprise.id }, actor: enterprise.self };
  },
  'demand.AcceptDemand': async (w) => {
    const station = await w.station();
    return { path: `/demands/${await w.raisedDemand()}/acceptance`, body: { stationId: station.id }, actor: station.operator };
  },
  'demand.MatchDemand': async (w) => {
    const [demand, provider] = [await w.acceptedDemand(), await w.provider()];
    return { path: `/demands/${demand.id}/match`, body: { providerId: provider.id }, actor: demand.station.operator };
  },
  'demand.ResolveDemand': async (w) => {
    const demand = await w.acceptedDemand();
    return { path: `/demands/${demand.id}/resolution`, body: { outcome: '已对接银行' }, actor: demand.station.operator };
  },
  'demand.CloseDemand': async (w) => ({
    path: `/demands/${await w.raisedDemand()}/closure`,
    body: { closeReason: 'WITHDRAWN', note: '已自行解决' },
    actor: (await w.enterprise()).self,
  }),
};
