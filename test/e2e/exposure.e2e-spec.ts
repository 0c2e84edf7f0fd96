import type { Actor } from '@sme/domain';
import { startTestApp, type TestApp } from './support/test-app';
import { actors, callBody } from './support/station-lifecycle';

const admin: Actor = { id: 'platform-operator', role: 'ADMIN', orgId: 'PLATFORM', regionCode: '440000' };

/** What the API shows of itself: security headers, CORS for the origins listed, health without internals, and docs and metrics as configured. */
describe('exposure: headers, CORS, health, docs and metrics', () => {
  describe('as configured by default outside production', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startTestApp()));
    afterAll(() => t.close());

    it('sends the security headers and no X-Powered-By; no CORS headers without CORS_ORIGINS', async () => {
      const answer = await t.http.get('/health').set('Origin', 'https://evil.example');
      expect(answer.headers['x-powered-by']).toBeUndefined();
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(answer.headers['strict-transport-security']).toBeUndefined();
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('answers liveness and readiness to anyone, the internals to an ADMIN only', async () => {
      expect((await t.http.get('/health')).body).toEqual({ status: 'ok' });
      expect((await t.http.get('/health/live')).body).toEqual({ status: 'ok' });
      const token = await t.token(actors.city);
      expect((await t.http.get('/health').set('Authorization', `Bearer ${token}`)).body).toEqual({ status: 'ok' });
      const internals = (await t.http.get('/health').set('Authorization', `Bearer ${await t.token(admin)}`)).body;
      expect(internals).toMatchObject({ status: 'ok', mode: 'embedded', eventStore: { headPosition: expect.any(String) }, projections: expect.any(Array) });
      let ready = await t.http.get('/health/ready');
      for (let waited = 0; ready.status !== 200 && waited < 30_000; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        ready = await t.http.get('/health/ready');
      }
      expect({ status: ready.status, body: ready.body }).toEqual({ status: 200, body: { status: 'ready' } });
      // An ADMIN sees each check as terminus gathered it.
      const checks = (await t.operatorGet('/health/ready')).body.checks;
      expect(checks).toMatchObject({ eventStore: { status: 'up' }, projections: { status: 'up' }, relay: { status: 'up', mode: 'off' } });
    });

    it('serves the API docs and public metrics: HTTP and append latency, projection lag, the process', async () => {
      expect((await t.http.get('/docs-json')).status).toBe(200);
      const city = await t.token(actors.city);
      expect((await t.http.get('/calls').set('Authorization', `Bearer ${city}`)).status).toBe(200);
      expect((await t.http.post('/calls').set('Authorization', `Bearer ${city}`).send(callBody)).status).toBe(201);
      const metrics = await t.http.get('/metrics');
      expect(metrics.status).toBe(200);
      expect(metrics.text).toMatch(/sme_http_request_duration_seconds_count\{method="GET",route="\/calls",status="200"\} [1-9]/);
      expect(metrics.text).toMatch(/sme_event_append_duration_seconds_count [1-9]/);
      expect(metrics.text).toMatch(/sme_projection_events_behind\{projection="calls"\} \d+/);
      expect(metrics.text).toContain('sme_api_process_resident_memory_bytes');
    });
  });

  describe('as production would configure it', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startTestApp({ env: { DOCS: 'off', METRICS: 'admin', CORS_ORIGINS: 'https://portal.example.cn', HSTS: 'on' } })));
    afterAll(() => t.close());

    it('closes the docs and keeps metrics for an ADMIN token', async () => {
      expect((await t.http.get('/docs-json')).status).toBe(404);
      expect((await t.http.get('/docs')).status).toBe(404);
      expect((await t.http.get('/metrics')).status).toBe(401);
      expect((await t.http.get('/metrics').set('Authorization', `Bearer ${await t.token(actors.city)}`)).status).toBe(403);
      expect((await t.operatorGet('/metrics')).status).toBe(200);
    });

    it('answers CORS for the origins listed only, and sends HSTS', async () => {
      const allowed = await t.http.options('/calls').set('Origin', 'https://portal.example.cn').set('Access-Control-Request-Method', 'POST');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://portal.example.cn');
      expect(allowed.headers['access-control-allow-headers']).toContain('Idempotency-Key');
      const other = await t.http.options('/calls').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      expect((await t.http.get('/health')).headers['strict-transport-security']).toContain('max-age=31536000');
    });
  });

  describe('rate limits', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '5', DEV_TOKEN_RATE_PER_MINUTE: '3' } })));
    afterAll(() => t.close());

    it('answers 429 with Retry-After past the limit: per principal once the token is known, per IP before', async () => {
      const city = await t.token(actors.city);
      const hub = await t.token(actors.hub);
      // Three dev tokens a minute from one IP; the fourth is refused.
      const issue = () => t.http.post('/auth/dev-token').send({ sub: 'x', role: 'ADMIN', orgId: 'P', regionCode: '440000' });
      expect((await issue()).status).toBe(201);
      const fourth = await issue();
      expect({ status: fourth.status, code: fourth.body.code }).toEqual({ status: 429, code: 'TOO_MANY_REQUESTS' });
      expect(fourth.body.message.zh).toContain('请求过于频繁');
      const read = (token: string) => t.http.get('/calls').set('Authorization', `Bearer ${token}`);
      for (let n = 0; n < 5; n += 1) expect((await read(city)).status).toBe(200);
      const over = await read(city);
      expect(over.status).toBe(429);
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
      // Another caller from the same IP has its own count.
      expect((await read(hub)).status).toBe(200);
    });
  });
});
