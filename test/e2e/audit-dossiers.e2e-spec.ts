import { INestApplication } from '@nestjs/common';
import type { Actor } from '@sme/domain';
import { loadDemoData } from '../../apps/api/src/demo/demo-loader';
import { DEMO_ENTERPRISES } from '../../apps/api/src/demo/demo-services-data';
import { actors, client } from './support/station-lifecycle';
import { startTestApp, type TestApp } from './support/test-app';

type Envelope = { streamId: string; type: string; occurredAt: string; metadata: { correlationId: string }; data: Record<string, unknown> };
const kinds = (events: Envelope[]) => new Set(events.map((e) => e.streamId.slice(0, e.streamId.indexOf('-'))));

describe('An organisation’s whole dossier (审计档案)', () => {
  let t: TestApp;
  let stationId: string;
  beforeAll(async () => {
    t = await startTestApp();
    await loadDemoData(t.app as INestApplication);
    // A station that served: its deliveries are in the demo year.
    const deliveries = (await client(t).get(actors.auditor, '/deliveries?limit=200')).body.items as { server: { kind: string; id: string } }[];
    stationId = deliveries.find((d) => d.server.kind === 'STATION')!.server.id;
  }, 120_000);
  afterAll(() => t.close());

  it('gathers a station’s record, its application, deliveries with their follow-ups, activities and the shared events that name it', async () => {
    const dossier = (await client(t).get(actors.auditor, `/audit/dossiers/station/${stationId}`)).body as { total: number; events: Envelope[]; streams: { streamId: string }[] };
    expect(dossier.streams[0]).toMatchObject({ streamId: expect.stringMatching(/^application-|^station-/) });
    const found = kinds(dossier.events);
    for (const kind of ['station', 'application', 'delivery', 'followup', 'activity']) expect(found).toContain(kind);
    // The list that designated it (one event of the call, not the call's other applications).
    const applications = new Set(dossier.events.filter((e) => e.streamId.startsWith('application-')).map((e) => e.streamId));
    expect(applications.size).toBe(1);
    const applicationId = [...applications][0].slice('application-'.length);
    const callEvents = dossier.events.filter((e) => e.streamId.startsWith('call-'));
    expect(callEvents.map((e) => e.type)).toEqual(['CallListPublished']);
    expect(JSON.stringify(callEvents[0].data)).toContain(applicationId);
    // In log order, no event twice.
    expect(new Set(dossier.events.map((e) => JSON.stringify(e))).size).toBe(dossier.total);
  });

  it('filters by business time, event type and correlation', async () => {
    const c = client(t);
    const all = (await c.get(actors.auditor, `/audit/dossiers/station/${stationId}`)).body as { events: Envelope[] };
    const year = (await c.get(actors.auditor, `/audit/dossiers/station/${stationId}?from=2026-01-01&until=2026-12-31`)).body as { events: Envelope[] };
    expect(year.events.length).toBeGreaterThan(0);
    expect(year.events.length).toBeLessThan(all.events.length);
    expect(year.events.every((e) => e.occurredAt >= '2025-12-31T16:00:00.000Z' && e.occurredAt <= '2026-12-31T16:00:00.000Z')).toBe(true);
    const rated = (await c.get(actors.auditor, `/audit/dossiers/station/${stationId}?types=DeliveryRated,DeliveryArchived`)).body as { events: Envelope[] };
    expect(new Set(rated.events.map((e) => e.type))).toEqual(new Set(['DeliveryRated', 'DeliveryArchived']));
    const correlation = all.events[0].metadata.correlationId;
    const one = (await c.get(actors.auditor, `/audit/dossiers/station/${stationId}?correlationId=${correlation}`)).body as { events: Envelope[] };
    expect(one.events.length).toBeGreaterThan(0);
    expect(one.events.every((e) => e.metadata.correlationId === correlation)).toBe(true);
  });

  it('gives an enterprise’s: its record, the deliveries and demands for it, and the single events of shared records naming it', async () => {
    const enterprise = DEMO_ENTERPRISES[0];
    const dossier = (await client(t).get(actors.auditor, `/audit/dossiers/enterprise/${enterprise.id}`)).body as { events: Envelope[] };
    const found = kinds(dossier.events);
    for (const kind of ['enterprise', 'delivery', 'demand']) expect(found).toContain(kind);
    // An activity it attended is shared: only the events naming it come along.
    const activityEvents = dossier.events.filter((e) => e.streamId.startsWith('activity-'));
    expect(activityEvents.every((e) => JSON.stringify(e.data).includes(enterprise.id) || JSON.stringify(e.data).includes(enterprise.uscc))).toBe(true);
  });

  it('exports the audit package: the events, each stream’s chain verified, the latest checkpoint checked, the documents', async () => {
    const c = client(t);
    expect((await c.post(actors.auditor, '/audit/checkpoints', {})).status).toBe(201);
    const res = await c.get(actors.auditor, `/audit/dossiers/station/${stationId}?format=package`);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="dossier-station-${stationId}.json"`);
    const pkg = res.body as { total: number; verification: { streams: { ok: boolean }[]; checkpoint: { check: { ok: boolean } } }; documents: { sha256: string }[] };
    expect(pkg.total).toBeGreaterThan(0);
    expect(pkg.verification.streams.length).toBeGreaterThan(3);
    expect(pkg.verification.streams.every((s) => s.ok)).toBe(true);
    expect(pkg.verification.checkpoint.check.ok).toBe(true);
    expect(pkg.documents.length).toBeGreaterThan(0);
    expect(pkg.documents.every((d) => /^[0-9a-f]{64}$/.test(d.sha256))).toBe(true);
  });

  it('is the auditor’s of the subject’s region only; an unknown subject is 404, a wrong one 400', async () => {
    const c = client(t);
    const shenzhen: Actor = { id: 'auditor-sz', role: 'AUDITOR', orgId: 'SZ-AUDIT', regionCode: '440300' };
    expect((await c.get(shenzhen, `/audit/dossiers/station/${stationId}`)).status).toBe(403);
    expect((await c.get(actors.city, `/audit/dossiers/station/${stationId}`)).status).toBe(403);
    expect((await c.get(actors.auditor, '/audit/dossiers/station/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const wrong = await c.get(actors.auditor, `/audit/dossiers/call/${stationId}`);
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toMatchObject({ field: 'subject' });
    expect((await c.get(actors.auditor, `/audit/dossiers/station/${stationId}?from=2026-02-30`)).status).toBe(400);
  });
});
