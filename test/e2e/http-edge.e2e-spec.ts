import { randomUUID } from 'node:crypto';
import type { Actor } from '@sme/domain';
import { providerUser } from './support/library-bodies';
import { useSpecApp } from './support/spec-app';
import { actors, callBody } from './support/station-lifecycle';

/**
 * The HTTP edge refuses what it cannot take with a 4xx and the one error body, never a 5xx: bodies too
 * large or too deep (on every path, before routing and authentication), bodies that are not JSON, and
 * nothing is written.
 */
describe('the HTTP edge: no 5xx from bad input', () => {
  const { app, c, refused } = useSpecApp();
  const raw = async (path: string, body: string, token = true) => {
    const request = app().http.post(path).set('Content-Type', 'application/json');
    if (token) request.set('Authorization', `Bearer ${await app().token(actors.city)}`);
    return request.send(body);
  };
  const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

  it('413 for a body over the limit, on a route, an unknown path and without a token', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(200_000) });
    for (const [path, token] of [['/calls', true], ['/no-such-route', true], ['/auth/dev-token', false]] as const) {
      const body = await refused(() => raw(path, big, token), 413, 'PAYLOAD_TOO_LARGE');
      expect(body.message.en).toContain('102400 bytes');
    }
  });

  it('400 for a body nested thousands of levels, before any validation; a few levels are fine', async () => {
    for (const path of ['/calls', '/auth/dev-token', '/no-such-route']) await refused(() => raw(path, nested(5_000), path !== '/auth/dev-token'), 400, 'BODY_TOO_DEEP');
    await refused(() => raw('/calls', `[${'['.repeat(40)}${']'.repeat(40)}]`), 400, 'BODY_TOO_DEEP');
    // Brackets inside strings are text, not nesting.
    const body = await refused(() => raw('/calls', JSON.stringify({ title: '['.repeat(100), unknownField: 1 })), 400, 'VALIDATION_FAILED');
    expect(body.errors.map((e: { field: string }) => e.field)).toContain('unknownField');
  });

  it('400 for a body that is not JSON', async () => {
    await refused(() => raw('/calls', '{"title": '), 400, 'BODY_NOT_JSON');
  });

  it('400 naming a required nested object left out, never a 500', async () => {
    const cases: [Actor, string, object, string][] = [
      [actors.tianhe, '/enterprises', { uscc: '91440106MA59C3PL24', name: '企业', industryCode: 'SOFTWARE_IT', regionCode: '440106', foundedOn: '2015-04-20' }, 'figures'],
      [actors.hub, '/experts', { expertId: 'edge-expert', name: '专家', fields: ['FINANCE'] }, 'organisation'],
      [providerUser(1), `/products/${randomUUID()}/revisions`, {}, 'changes'],
      [actors.city, `/providers/${randomUUID()}/evaluations`, { period: '2024', opinion: '合格' }, 'scores'],
    ];
    for (const [actor, path, body, field] of cases) {
      const answer = await refused(() => c.post(actor, path, body), 400, 'VALIDATION_FAILED');
      expect(answer.errors).toContainEqual(expect.objectContaining({ field, rule: 'isDefined' }));
    }
  });

  it('says a field left out is required, naming it in Chinese and by its path, once', async () => {
    const answer = await refused(() => c.post(actors.city, `/providers/${randomUUID()}/evaluations`, { period: '2024', scores: { capability: 80, management: 80, quality: 80, satisfaction: 80 } }), 400, 'VALIDATION_FAILED');
    expect(answer.errors).toEqual([{ field: 'opinion', rule: 'isDefined', message: { zh: '意见（opinion）为必填项', en: 'opinion is required' } }]);
    const tooLong = await refused(() => c.post(actors.city, `/providers/${randomUUID()}/evaluations`, { period: '2024', scores: { capability: 80, management: 80, quality: 80, satisfaction: 80 }, opinion: 'x'.repeat(2001) }), 400, 'VALIDATION_FAILED');
    expect(tooLong.errors[0].message.zh).toBe('意见（opinion）长度不得超过 2000');
  });

  it('400 for query values read strictly: a crafted cursor, a revision out of range, a number not in decimals, a date not on the calendar', async () => {
    const get = (path: string) => c.get(actors.auditor, path);
    for (const values of [[{ $ne: null }], [{ $gt: '' }, 'x'], ['2026-01-01', { $where: 'sleep(1)' }, 'x']]) {
      await refused(() => get(`/calls?cursor=${Buffer.from(JSON.stringify(values)).toString('base64url')}`), 400, 'CURSOR_INVALID');
    }
    await refused(() => get('/streams/call-x/events?fromRevision=99999999999999999999999'), 400, 'VALIDATION_FAILED');
    for (const limit of ['0x10', '1e1', '16abc', ' 16']) await refused(() => get(`/calls?limit=${encodeURIComponent(limit)}`), 400, 'VALIDATION_FAILED');
    expect((await get('/calls?limit=16')).status).toBe(200);
    for (const day of ['2019-02-30', '2019-13-01', '0001-01-01', '9999-12-31']) {
      const body = await refused(() => get(`/enterprises?tagValidOn=${day}`), 400, 'VALIDATION_FAILED');
      expect(body.errors[0]).toMatchObject({ field: 'tagValidOn', rule: 'isBusinessDate' });
    }
  });

  it('400 for a date or an amount no record can have, and for an If-Match whose quotes do not pair', async () => {
    const enterprise = { uscc: '91440106MA59C3PL24', name: '企业', industryCode: 'SOFTWARE_IT', regionCode: '440106', foundedOn: '2015-04-20' };
    const figures = { year: 2023, employees: 45, revenue: 1800, assets: 2600 };
    await refused(() => c.post(actors.tianhe, '/enterprises', { ...enterprise, figures: { ...figures, revenue: 1e308 } }), 400, 'VALIDATION_FAILED');
    await refused(() => c.post(actors.tianhe, '/enterprises', { ...enterprise, foundedOn: '0001-01-01', figures }), 400, 'VALIDATION_FAILED');
    const tag = { tag: 'SPECIALISED', issuedBy: '广东省工业和信息化厅', validFrom: '2023-01-01', validUntil: '9999-12-31' };
    await refused(() => c.post(actors.tianhe, `/enterprises/${randomUUID()}/tags`, tag), 400, 'VALIDATION_FAILED');
    // A monitoring period in a year no record can have (found by generated requests: it once reached the figures as 0000-01-01).
    for (const period of ['0000', '2150-Q1']) {
      const scores = { capability: 80, management: 80, quality: 80, satisfaction: 80 };
      await refused(() => c.post(actors.city, `/providers/${randomUUID()}/evaluations`, { period, scores, opinion: '合格' }), 400, 'VALIDATION_FAILED');
    }
    for (const ifMatch of ['"1', '1"', 'W/"1', '"1"2"']) {
      await refused(() => c.post(actors.city, `/calls/${randomUUID()}/close`, {}, { 'If-Match': ifMatch }), 400, 'IF_MATCH_INVALID');
    }
  });

  it('a 201 names what it created in Location: the record, or the sub-record it answers with', async () => {
    const created = await c.post(actors.city, '/calls', callBody);
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/calls/${created.body.id}`);
    expect((await c.get(actors.city, created.headers.location)).status).toBe(200);
  });
});
