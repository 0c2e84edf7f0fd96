import { INestApplication } from '@nestjs/common';
import { loadDemoData } from '../../apps/api/src/demo/demo-loader';
import { DEMO_CALL } from '../../apps/api/src/demo/demo-data';
import { actors, client } from './support/station-lifecycle';
import { startTestApp } from './support/test-app';

describe('Demo data (npm run demo)', () => {
  it('loads the 2019 Guangzhou call with applications at every stage, once', async () => {
    const t = await startTestApp();
    try {
      await loadDemoData(t.app as INestApplication);
      const head = await t.head();
      await loadDemoData(t.app as INestApplication);
      expect(await t.head()).toBe(head);

      const c = client(t);
      const call = (await c.get(actors.city, `/calls/${DEMO_CALL.callId}`)).body;
      expect(call).toMatchObject({ documentNumber: '穗工信函〔2019〕1100号', status: 'PUBLISHED', targetStationCount: 100 });
      expect(Object.keys(call.applicationsByStage).sort()).toEqual(
        ['DESIGNATED', 'DISTRICT_PASSED', 'DISTRICT_REJECTED', 'DRAFT', 'NOT_RECOMMENDED', 'PANEL_FORMED', 'RECOMMENDED', 'REJECTED', 'SCORED', 'SUBMITTED'].sort(),
      );
      const stations = (await c.get(actors.city, '/stations')).body;
      expect(stations.items.map((s: { status: string }) => s.status).sort()).toEqual(
        expect.arrayContaining(['ACTIVE', 'REVOKED', 'WITHDRAWN']),
      );
      const districts = new Set(stations.items.map((s: { districtCode: string }) => s.districtCode));
      expect(districts.size).toBe(11);
      expect((await c.get(actors.auditor, '/audit/verify')).body.ok).toBe(true);
    } finally {
      await t.close();
    }
  });
});
