import { centreBody, centreUscc } from '../support/centre-bodies';
import { actors } from '../support/station-lifecycle';
import type { Fixtures } from './fixtures';

/**
 * 服务中心: the city authority records and closes Guangzhou's city centre; the centre's own staff change
 * its facts and link and unlink providers.
 */
export const centreFixtures: Fixtures = {
  'centre.RecordCentre': async () => ({ path: '/centres', body: centreBody(centreUscc(702)), actor: actors.city }),
  'centre.UpdateCentreFacts': async (w) => {
    const centre = await w.centre();
    return { path: `/centres/${centre.id}/facts`, body: { changes: { head: '王主任' } }, actor: centre.staff };
  },
  'centre.LinkCentreProviders': async (w) => {
    const [centre, provider] = [await w.centre(), await w.provider()];
    return { path: `/centres/${centre.id}/providers`, body: { providerIds: [provider.id] }, actor: centre.staff };
  },
  'centre.UnlinkCentreProvider': async (w) => {
    const [centre, provider] = [await w.centre(), await w.provider()];
    return { path: `/centres/${centre.id}/providers/unlinking`, body: { providerId: provider.id, reason: '合作到期' }, actor: centre.staff };
  },
  'centre.CloseCentre': async (w) => ({ path: `/centres/${(await w.centre()).id}/closure`, body: { reason: '机构改革' }, actor: actors.city }),
};
