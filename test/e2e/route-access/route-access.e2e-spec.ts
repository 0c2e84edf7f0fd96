import { kindNamed, rolesAllowed, ROLES, type Actor, type Grant, type Role } from '@sme/domain';
import { uscc } from '../support/station-lifecycle';
import { expectRefused } from '../support/refusals';
import { startTestApp, type TestApp } from '../support/test-app';
import { commandRoutes, type CommandRoute } from './command-routes';
import { FIXTURES } from './fixtures';
import { World } from './world';

/** A revision no record has yet, and a business time before every record's first event. */
const STALE = { 'If-Match': '"999"' };
const BACK_DATED = '2000-01-01T00:00:00+08:00';

/** The same level of region in another city (Shenzhen for Guangzhou), or another province. */
function elsewhere(regionCode: string): string {
  if (regionCode.endsWith('0000')) return regionCode === '450000' ? '440000' : '450000';
  return regionCode.startsWith('4403') ? `4401${regionCode.slice(4)}` : `4403${regionCode.slice(4)}`;
}

const grantsOf = (route: CommandRoute): readonly Grant<unknown, unknown>[] => {
  const kind = kindNamed(route.kind);
  if (!kind) throw new Error(`${route.method} ${route.path} names kind ${route.kind}, which is not in RECORD_KINDS`);
  return (kind.access as Record<string, readonly Grant<unknown, unknown>[]>)[route.command];
};

/** A role the policy allows where every grant of that role checks `what`, so changing only `what` must refuse. */
function roleCheckedBy(route: CommandRoute, what: 'region' | 'owner', allowed: Actor): Role | undefined {
  const grants = grantsOf(route);
  const checks = (role: Role) => grants.filter((g) => g.roles.includes(role)).every((g) => g[what] !== undefined);
  return checks(allowed.role) ? allowed.role : undefined;
}

/**
 * Generated from the routes and the kinds' access policies: for every command route, a caller
 * without the right — wrong role, wrong region, not the owning organisation — gets 403 and nothing is
 * written, even with a stale If-Match and a back-dated occurredAt, which the allowed caller gets a 409
 * for. So the access gate answers before any revision or business-time check.
 */
describe('every command route: 403 for the wrong role, region or organisation, before any 409', () => {
  let t: TestApp;
  let world: World;
  let routes: CommandRoute[];

  beforeAll(async () => {
    t = await startTestApp();
    world = new World(t);
    routes = commandRoutes(t.app);
  }, 60_000);
  afterAll(() => t.close());

  it('finds the command routes, each with a fixture', () => {
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((r) => !FIXTURES[`${r.kind}.${r.command}`]).map((r) => `${r.method} ${r.path} (${r.kind}.${r.command})`)).toEqual([]);
  });

  const send = async (route: CommandRoute, actor: Actor, path: string, body: Record<string, unknown>) =>
    t.http[route.method.toLowerCase() as 'post']('' + path)
      .set('Authorization', `Bearer ${await t.token(actor)}`)
      .set(STALE)
      .send({ ...body, occurredAt: BACK_DATED });

  it('refuses each wrong caller with 403 before the 409 the allowed caller gets', async () => {
    const checked: string[] = [];
    for (const route of routes) {
      const fixture = FIXTURES[`${route.kind}.${route.command}`];
      if (!fixture) continue;
      const name = `${route.method} ${route.path} (${route.kind}.${route.command})`;
      const { path, body, actor } = await fixture(world).catch((error: Error) => {
        throw new Error(`${name}: its fixture could not build the records it acts on: ${error.message}`);
      });
      const roles = rolesAllowed(kindNamed(route.kind)!.access, route.command as never);
      expect({ name, allowedRoleOfFixture: roles.includes(actor.role) }).toEqual({ name, allowedRoleOfFixture: true });

      const wrongRole = ROLES.find((r) => !roles.includes(r))!;
      const forbidden = async (caller: Actor, what: string) => {
        const refused = await expectRefused(t, async () => {
          const res = await send(route, caller, path, body);
          if (res.status !== 403) throw new Error(`${name}, ${what}: ${res.status} ${JSON.stringify(res.body)}`);
          return res;
        }, 403);
        checked.push(`${name}: ${what} → ${refused.code}`);
      };
      await forbidden({ ...actor, role: wrongRole }, `role ${wrongRole}`);

      if (roleCheckedBy(route, 'region', actor)) {
        const outside = { ...actor, id: `${actor.id}-elsewhere`, regionCode: elsewhere(actor.regionCode) };
        await forbidden(outside, `region ${outside.regionCode}`);
      }
      if (roleCheckedBy(route, 'owner', actor)) {
        const stranger = { ...actor, id: `${actor.id}-stranger`, orgId: uscc(990_001, actor.regionCode.endsWith('00') ? '440106' : actor.regionCode) };
        await forbidden(stranger, `organisation ${stranger.orgId}`);
      }

      // The allowed caller with the same stale If-Match and back-dated time is refused later, with a 409.
      const allowed = await send(route, actor, path, body);
      expect({ name, status: allowed.status, code: allowed.body.code }).toEqual({ name, status: 409, code: allowed.body.code });
    }
    expect(checked.length).toBeGreaterThanOrEqual(routes.length);
  }, 300_000);
});
