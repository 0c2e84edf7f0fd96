import { EVENT_STORE, type EventStore } from '@sme/event-store';
import { DOCUMENT_STORE, Projector, applicationsProjection, callsProjection, stationsProjection, type DocumentStore } from '@sme/read-models';
import { actors, callBody, client } from './support/station-lifecycle';
import { expectRefused, okBody } from './support/refusals';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Read-your-writes by position: a read waits for the projection it reads — and only that one — to
 * apply the position it must see (X-Min-Position, or this instance's last write), bounded by
 * READ_WAIT_MS, then 503 with Retry-After.
 */
describe('read-your-writes by log position', () => {
  describe('with the projector in this process', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: { READ_WAIT_MS: '300' } });
    });
    afterAll(() => t.close());

    it('a list read right after a write shows it', async () => {
      const c = client(t);
      const written = okBody(await c.post(actors.city, '/calls', callBody));
      const listed = await t.http
        .get('/calls')
        .set('Authorization', `Bearer ${await t.token(actors.hub)}`)
        .set('X-Min-Position', written.position);
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((call: { id: string }) => call.id)).toContain(written.id);
    });

    it('refuses a malformed X-Min-Position with 400 naming the header', async () => {
      const res = await t.http.get('/calls').set('Authorization', `Bearer ${await t.token(actors.city)}`).set('X-Min-Position', 'latest');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('MIN_POSITION_INVALID');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'X-Min-Position' })]);
    });

    it('answers 503 with Retry-After when the projection does not reach the position in time', async () => {
      const ahead = (BigInt(await t.head()) + 1000n).toString();
      const started = Date.now();
      const res = await t.http.get('/calls').set('Authorization', `Bearer ${await t.token(actors.city)}`).set('X-Min-Position', ahead);
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('READ_MODEL_BEHIND');
      expect(res.headers['retry-after']).toBe('1');
      expect(Date.now() - started).toBeLessThan(3000);
    });
  });

  describe('with an external projector', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: { READ_WAIT_MS: '300', PROJECTOR: 'external' } });
    });
    afterAll(() => t.close());

    it('waits only for the projection it reads', async () => {
      const c = client(t);
      const events = t.app.get<EventStore>(EVENT_STORE);
      const docs = t.app.get<DocumentStore>(DOCUMENT_STORE);
      // The three projections exist; only those the calls list reads are kept current.
      await new Projector(events, docs, [callsProjection, applicationsProjection, stationsProjection]).prepare();
      const written = okBody(await c.post(actors.city, '/calls', callBody));
      await new Projector(events, docs, [callsProjection, applicationsProjection]).catchUp();

      const calls = await c.get(actors.city, '/calls');
      expect(calls.status).toBe(200);
      expect(calls.body.items.map((call: { id: string }) => call.id)).toEqual([written.id]);
      // The stations projection has not applied this instance's last write.
      await expectRefused(t, () => c.get(actors.city, '/stations'), 503, 'READ_MODEL_BEHIND');
    });
  });
});
