import { actors } from '../support/station-lifecycle';
import type { Fixtures } from './fixtures';
import { entryApplication, providerUser } from '../support/library-bodies';

/** 优质服务机构库: the provider applies, withdraws, settles and leaves; the city's hub and authority decide, evaluate and remove. */
export const providerFixtures: Fixtures = {
  // A first round for an organisation not yet in the 库: the record id follows from the USCC.
  'provider.ApplyForEntry': async () => ({ path: '/providers/entry-applications', body: entryApplication(802), actor: providerUser(802) }),
  'provider.DecideEntry': async (w) => ({ path: `/providers/${(await w.provider()).id}/entry-decision`, body: { admitted: true, opinion: '同意入库' }, actor: actors.hub }),
  'provider.RecordMonitoringEvaluation': async (w) => ({
    path: `/providers/${(await w.provider()).id}/evaluations`,
    body: { period: '2024', scores: { capability: 80, management: 80, quality: 80, satisfaction: 80 }, opinion: '合格', satisfactionOverrideReason: '按走访结果评分' },
    actor: actors.city,
  }),
  'provider.LiftWarning': async (w) => ({ path: `/providers/${(await w.provider()).id}/warning-lift`, body: { basis: 'RECTIFIED', opinion: '整改到位' }, actor: actors.city }),
  'provider.RemoveFromPool': async (w) => ({
    path: `/providers/${(await w.provider()).id}/removal`,
    body: { grounds: ['CEASED_OPERATION'], evidence: [{ description: '已停止经营' }], opinion: '予以出库' },
    actor: actors.city,
  }),
  'provider.WithdrawFromPool': async (w) => {
    const provider = await w.provider();
    return { path: `/providers/${provider.id}/withdrawal`, body: { reason: '业务收缩' }, actor: provider.user };
  },
  // The station is ACTIVE and in the provider's city: the handler checks both before the executor.
  'provider.SettleAtStation': async (w) => {
    const [provider, station] = [await w.provider(), await w.station()];
    return { path: `/providers/${provider.id}/stations`, body: { stationId: station.id, since: '2024-03-01' }, actor: provider.user };
  },
  'provider.LeaveStation': async (w) => {
    const [provider, station] = [await w.provider(), await w.station()];
    return { path: `/providers/${provider.id}/stations/${station.id}/departure`, body: { reason: '业务调整' }, actor: provider.user };
  },
};
