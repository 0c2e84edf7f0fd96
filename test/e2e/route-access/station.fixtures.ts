import { actors } from '../support/station-lifecycle';
import type { Fixtures } from './fixtures';

/** 服务站: the operator's covenant and withdrawal, the hub's proposal, the city's decision. */
export const stationFixtures: Fixtures = {
  'station.SignCovenant': async (w) => {
    const station = await w.station();
    return { path: `/stations/${station.id}/covenant`, body: { covenantVersion: '穗2019版' }, actor: station.operator };
  },
  'station.ProposeRevocation': async (w) => ({
    path: `/stations/${(await w.station()).id}/revocation-proposals`,
    body: { grounds: ['LOW_SATISFACTION'], evidence: [{ description: '满意度回访记录' }], opinion: '建议撤销' },
    actor: actors.hub,
  }),
  'station.DecideRevocation': async (w) => ({
    path: `/stations/${(await w.station()).id}/revocation-decision`,
    body: { proposalId: '3f1c2a9e-5b7d-4c1e-9a2b-6d8e0f4a1b2c', approved: true, opinion: '同意撤销' },
    actor: actors.city,
  }),
  'station.WithdrawStation': async (w) => {
    const station = await w.station();
    return { path: `/stations/${station.id}/withdrawal`, body: { reason: '经营调整' }, actor: station.operator };
  },
};
