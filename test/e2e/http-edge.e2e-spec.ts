import { randomUUID } from 'node:crypto';
import type { Actor } from '@sme/domain';
import { providerUser } from './support/library-bodies';
import { useSpecApp } from './support/spec-app';
import { actors } from './support/station-lifecycle';

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
});
