import { ReadSide } from '../../apps/api/src/read-side/read-side.service';
import { actors, callBody, client, openCall } from './support/station-lifecycle';
import { startTestApp } from './support/test-app';

describe('Platform: OpenAPI, dev tokens, persistence', () => {
  it('serves OpenAPI generated from the DTOs at /docs-json and the UI at /docs', async () => {
    const t = await startTestApp();
    try {
      const doc = (await t.http.get('/docs-json').expect(200)).body;
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/calls', '/applications', '/applications/{id}/district-review', '/stations/{id}/revocation-decision', '/audit/verify']),
      );
      expect(doc.components.schemas.OpenCallDto.properties).toHaveProperty('documentNumber');
      // Every operation documents its refusals with the one error body; every command its result.
      for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, any> }>>)) {
        for (const [method, operation] of Object.entries(operations)) {
          for (const status of ['400', '401', '403', '404', '409', '413', '422', '429', '503']) {
            expect({ path, method, status, ref: operation.responses[status]?.content?.['application/json']?.schema?.$ref }).toEqual({ path, method, status, ref: '#/components/schemas/ErrorBody' });
          }
        }
      }
      expect(doc.paths['/calls'].post.responses['201'].content['application/json'].schema.$ref).toBe('#/components/schemas/CommandResultDto');
      // The limits, formats and patterns the server enforces are in the request schemas.
      const schemas = doc.components.schemas;
      expect(schemas.RevocationDecisionDto.properties.proposalId).toMatchObject({ format: 'uuid' });
      expect(schemas.OpenCallDto.properties.title).toMatchObject({ maxLength: expect.any(Number) });
      expect(schemas.ApplyForEntryDto.properties.name).toMatchObject({ minLength: 1, maxLength: 200 });
      expect(schemas.PlaceVoucherOrderDto.properties.priceFen).toMatchObject({ type: 'integer', minimum: 1 });
      expect(doc.paths['/stations/{id}/revocation-decision'].post.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/CommandResultDto');
      // Every read documents its answer, derived from its method's return type.
      for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, any> }>>)) {
        if (operations.get === undefined) continue;
        const content = operations.get.responses['200']?.content ?? {};
        expect({ path, documented: Object.keys(content).length > 0 }).toEqual({ path, documented: true });
      }
      const station = doc.paths['/stations/{id}'].get.responses['200'].content['application/json'].schema;
      expect(station).toMatchObject({ type: 'object', additionalProperties: false, required: expect.arrayContaining(['id', 'plaqueNumber', 'position']) });
      expect(station.properties.endedAt).toMatchObject({ type: 'string', nullable: true });
      expect(station.properties).not.toHaveProperty('_id');
      const table = doc.paths['/voucher-programmes/{id}/dashboard/table'].get.responses['200'].content;
      expect(Object.keys(table)).toEqual(['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
      expect((await t.http.get('/docs')).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('keeps its data across a restart (embedded store under DATA_DIR)', async () => {
    const first = await startTestApp();
    const callId = await openCall(first);
    await first.close({ keepData: true });
    const second = await startTestApp({ dataDir: first.dataDir });
    try {
      const res = await client(second).get(actors.city, `/calls/${callId}`);
      expect(res.status).toBe(200);
      expect(res.body.documentNumber).toBe('穗工信函〔2019〕1100号');
    } finally {
      await second.close();
    }
  });

  it('after a restart with its read side behind, serves at once and lists everything written before', async () => {
    // Written while no projector ran here (PROJECTOR=external and none started): the read side is behind on restart.
    const first = await startTestApp({ env: { PROJECTOR: 'external' } });
    const calls: string[] = [];
    for (let n = 0; n < 30; n += 1) calls.push((await client(first).post(actors.city, '/calls', { ...callBody, title: `第${n + 1}批服务站征集` })).body.id);
    await first.close({ keepData: true });
    const started = Date.now();
    const second = await startTestApp({ dataDir: first.dataDir });
    try {
      expect((await second.http.get('/health/live')).status).toBe(200);
      expect(Date.now() - started).toBeLessThan(5_000);
      // A list read waits for its projection to reach the log as it stood at start: never an older list.
      const listed = await client(second).get(actors.city, '/calls?limit=100');
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((c: { id: string }) => c.id).sort()).toEqual([...calls].sort());
      await second.app.get(ReadSide).caughtUp();
      expect((await second.http.get('/health/ready')).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('lists the 11 districts of Guangzhou with their authorities (附件4)', async () => {
    const t = await startTestApp();
    try {
      const res = await t.http.get('/regions/440100/districts').expect(200);
      expect(res.body.total).toBe(11);
      expect(res.body.items).toContainEqual(expect.objectContaining({ code: '440106', nameZh: '天河区', authority: '天河区商务金融局' }));
      expect(res.body.items.every((d: { authority: string | null }) => d.authority)).toBe(true);
      expect((await t.http.get('/regions/110100/districts')).status).toBe(404);
    } finally {
      await t.close();
    }
  });

  it('turns dev tokens off in production', async () => {
    const t = await startTestApp({ env: { NODE_ENV: 'production', JWT_SECRET: 'a-real-secret-for-this-test-only' } });
    try {
      const res = await t.http.post('/auth/dev-token').send({ sub: 'x', role: 'ADMIN', orgId: 'x', regionCode: '440100' });
      expect(res.status).toBe(404);
    } finally {
      await t.close();
    }
  });
});
