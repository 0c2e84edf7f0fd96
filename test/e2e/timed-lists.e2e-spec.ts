import { INestApplication } from '@nestjs/common';
import { loadDemoData } from '../../apps/api/src/demo/demo-loader';
import { DEMO_CALL } from '../../apps/api/src/demo/demo-data';
import { ReadSide } from '../../apps/api/src/read-side/read-side.service';
import { actors, client } from './support/station-lifecycle';
import { startTestApp, type TestApp } from './support/test-app';

type Parameter = { name: string; in: string };
type Page = { items: { id?: string; _id?: string }[]; total?: number };

/** What the lists that need one are asked. */
const QUERIES: Record<string, string> = {};

/**
 * Every list takes `asOf` and `knownAt`: replayed from the events, a list as the ledger knew it now is
 * the live list, and as it knew it before anything was recorded it is empty. Reading the past is an
 * AUDITOR's (the station registry and the provider pool are public as they stood on a day).
 */
describe('Every list as it stood, as the ledger knew it (the demo data)', () => {
  let t: TestApp;
  let lists: string[];
  let before: string;
  beforeAll(async () => {
    t = await startTestApp();
    before = new Date(Date.now() - 1000).toISOString();
    await loadDemoData(t.app as INestApplication);
    const doc = (await t.http.get('/docs-json').expect(200)).body as { paths: Record<string, { get?: { parameters?: Parameter[] } }> };
    lists = Object.entries(doc.paths)
      .filter(([template, item]) => !template.includes('{') && (item.get?.parameters ?? []).some((p) => p.in === 'query' && p.name === 'knownAt'))
      .map(([template]) => template);
  }, 120_000);
  afterAll(() => t.close());

  const idsOf = (page: Page) => page.items.map((item) => item.id ?? item._id ?? JSON.stringify(item)).sort();
  const at = (template: string, query: string) => `${template}?${[QUERIES[template], query].filter(Boolean).join('&')}`;

  it('offers the time slice on every list', () => {
    expect(lists.length).toBeGreaterThanOrEqual(20);
    expect(lists).toEqual(expect.arrayContaining(['/stations', '/providers', '/deliveries', '/enterprises', '/policies', '/voucher-programmes', '/evaluations', '/annual-reports']));
  });

  it('answers, as known now, exactly the live list; as known before anything, an empty one', async () => {
    const c = client(t);
    const compared: string[] = [];
    const differing: unknown[] = [];
    for (const template of lists) {
      const live = await c.get(actors.auditor, at(template, 'limit=200'));
      if (live.status !== 200) continue;
      const now = new Date().toISOString();
      const known = await c.get(actors.auditor, at(template, `limit=200&knownAt=${encodeURIComponent(now)}`));
      const empty = await c.get(actors.auditor, at(template, `limit=200&knownAt=${encodeURIComponent(before)}`));
      if (known.status !== 200 || empty.status !== 200) {
        differing.push({ template, known: known.status, empty: empty.status, body: known.body });
        continue;
      }
      if (JSON.stringify(idsOf(known.body)) !== JSON.stringify(idsOf(live.body))) differing.push({ template, live: idsOf(live.body), known: idsOf(known.body) });
      if ((empty.body as Page).items.length !== 0) differing.push({ template, before: idsOf(empty.body) });
      if ((live.body as Page).items.length > 0) compared.push(template);
    }
    expect(differing).toEqual([]);
    // The demo holds every kind: most lists had something to compare.
    expect(compared.length).toBeGreaterThanOrEqual(15);
  }, 120_000);

  it('refuses others a record time on every list, and a business time but on the public registries', async () => {
    const c = client(t);
    const refused: string[] = [];
    for (const template of lists) {
      const res = await c.get(actors.city, at(template, `knownAt=${encodeURIComponent(before)}`));
      if (res.status === 403 && res.body.code === 'AS_OF_AUDITOR_ONLY') refused.push(template);
      else if (res.status !== 403) throw new Error(`${template} answered ${res.status} to a city authority's knownAt`);
    }
    expect(refused.length).toBeGreaterThanOrEqual(15);
    const asOf = 'asOf=2026-03-31';
    expect((await c.get(actors.city, `/stations?${asOf}`)).status).toBe(200);
    expect((await t.http.get(`/public/stations?${asOf}`)).status).toBe(200);
    expect((await t.http.get(`/public/stations?knownAt=2026-03-31`)).body.code).toBe('AS_OF_AUDITOR_ONLY');
    expect((await c.get(actors.city, `/deliveries?${asOf}`)).body.code).toBe('AS_OF_AUDITOR_ONLY');
    expect((await t.http.get(`/policies?${asOf}`)).body.code).toBe('AS_OF_AUDITOR_ONLY');
  });

  it('gives a call with its figures as it stood, as the ledger knew it, to an auditor', async () => {
    const c = client(t);
    const path = `/calls/${DEMO_CALL.callId}`;
    const live = (await c.get(actors.auditor, path)).body;
    const known = await c.get(actors.auditor, `${path}?knownAt=${encodeURIComponent(new Date().toISOString())}`);
    expect(known.body).toEqual(live);
    expect((await c.get(actors.auditor, `${path}?knownAt=${encodeURIComponent(before)}`)).body.code).toBe('CALL_NOT_FOUND');
    // Before the list was published (2019-09-10), no application was designated yet.
    const then = (await c.get(actors.auditor, `${path}?asOf=2019-09-01`)).body;
    expect(then.applicationsByStage.DESIGNATED).toBeUndefined();
    expect(live.applicationsByStage.DESIGNATED).toBeGreaterThan(0);
    expect((await c.get(actors.city, `${path}?asOf=2019-09-01`)).body.code).toBe('AS_OF_AUDITOR_ONLY');
  });

  it('answers from the index of dated record states, which the lease holder extends to the log’s head first', async () => {
    const readSide = t.app.get(ReadSide);
    const read = jest.spyOn(readSide.recordTimes, 'documentsAsOf');
    try {
      const res = await client(t).get(actors.auditor, '/stations?asOf=2019-12-31');
      expect(res.status).toBe(200);
      expect(read.mock.calls.map(([projection]) => projection.name)).toEqual(['stations']);
      expect(await readSide.recordTimes.checkpoint()).toBe(Number(await t.head()));
    } finally {
      read.mockRestore();
    }
  });

  it('takes a date or a time with its offset, and names the field otherwise', async () => {
    const c = client(t);
    expect((await c.get(actors.auditor, '/deliveries?asOf=2026-06-30&knownAt=2026-12-31T23:59:59%2B08:00')).status).toBe(200);
    for (const bad of ['2026-02-30', '2026-06-30T12:00:00', 'yesterday', '9999-01-01']) {
      const res = await c.get(actors.auditor, `/deliveries?knownAt=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('knownAt');
    }
  });
});
