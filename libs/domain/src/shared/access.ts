import type { Actor, DomainCommand, Role } from './decider';
import { forbidden } from './domain-error';
import { sameOrganisation } from './organisation';
import { inSameCity, isWithinRegion, regionNameZh } from './region-code';

/**
 * How an actor's region must relate to the record's:
 * - `same`: the very region (the city authority of the call's city, the district of the station);
 * - `within`: the record's region lies inside the actor's (a city role acts on its districts, a
 *   province role on its cities);
 * - `sameCity`: the two lie in one prefecture-level city (a city's hub acts for all its districts,
 *   and a district actor in the city of a city-level record);
 * - `overlaps`: either lies within the other (a district pushes a provincial policy to its own
 *   enterprises, a city a policy of one of its districts).
 */
export type RegionMatch = 'same' | 'within' | 'sameCity' | 'overlaps';

/**
 * One way of being allowed to run a command. The record is the folded state, or undefined while the
 * record does not exist yet (a create command reads the region or owner from its data).
 * A check whose value is undefined is left to the decider (a missing record is its 404).
 */
export interface Grant<Record, Data> {
  roles: readonly Role[];
  region?: { of: (record: Record | undefined, data: Data) => string | undefined; match: RegionMatch };
  /** The organisation the record belongs to: the actor's orgId must name the same organisation. */
  owner?: (record: Record | undefined, data: Data) => string | undefined;
  /** A rule of this grant that neither region nor ownership expresses (e.g. which policy levels a role manages). */
  also?: (actor: Actor, record: Record | undefined, data: Data) => void;
}

/** The state a decider folds to before its record exists carries `status: 'NONE'`. */
export type Existing<State> = Exclude<State, { status: 'NONE' }>;

/** Per command type, the grants that allow it (any one suffices). */
export type AccessPolicy<Command extends { type: string; data: object }, State> = {
  readonly [Type in Command['type']]: readonly Grant<Existing<State>, Extract<Command, { type: Type }>['data']>[];
};

/** The same grant for several commands, without repeating it. */
export const grant = <Record, Data = never>(g: Grant<Record, Data>): Grant<Record, Data> => g;

const ROLE_LABELS: { readonly [R in Role]: string } = {
  CITY_AUTHORITY: '市中小企业主管部门',
  DISTRICT_AUTHORITY: '区中小企业主管部门',
  HUB: '服务总站',
  STATION_OPERATOR: '服务站运营主体',
  CENTRE_OPERATOR: '服务中心运营机构',
  EXPERT: '评审专家',
  PROVIDER: '服务机构',
  ENTERPRISE: '企业',
  AUDITOR: '审计人员',
  SUPERVISOR: '监督人员',
  EVALUATOR: '评价人员',
  ADMIN: '管理员',
};

export const roleLabelZh = (role: Role): string => ROLE_LABELS[role] ?? role;

export const roleNotPermitted = (actor: Actor, roles: readonly Role[]) =>
  forbidden(
    'ROLE_NOT_PERMITTED',
    `仅${roles.map(roleLabelZh).join('、')}可执行此操作（当前角色：${roleLabelZh(actor.role)}）`,
    `Only ${roles.join(' or ')} may do this (actor's role: ${actor.role})`,
  );

export const regionNotPermitted = (actor: Actor, regionCode: string) =>
  forbidden(
    'REGION_NOT_PERMITTED',
    `此记录属于${regionNameZh(regionCode)}，不在您的管辖范围（${regionNameZh(actor.regionCode)}）内`,
    `This record belongs to region ${regionCode}, outside the actor's region ${actor.regionCode}`,
  );

export const notOwner = () =>
  forbidden('NOT_OWNER', '仅该记录所属的组织可执行此操作', "Only the record's own organisation may do this");

/** Whether an actor of region `actorRegion` may act on a record of region `recordRegion`. */
export function regionMatches(match: RegionMatch, actorRegion: string, recordRegion: string): boolean {
  switch (match) {
    case 'same':
      return actorRegion === recordRegion;
    case 'within':
      return isWithinRegion(recordRegion, actorRegion);
    case 'sameCity':
      return inSameCity(actorRegion, recordRegion);
    case 'overlaps':
      return isWithinRegion(recordRegion, actorRegion) || isWithinRegion(actorRegion, recordRegion);
  }
}

/** Throws the grant's refusal, or returns when the grant allows the actor. */
function check<R, D>(g: Grant<R, D>, actor: Actor, record: R | undefined, data: D): void {
  if (g.region) {
    const region = g.region.of(record, data);
    if (region !== undefined && !regionMatches(g.region.match, actor.regionCode, region)) throw regionNotPermitted(actor, region);
  }
  if (g.owner) {
    const owner = g.owner(record, data);
    if (owner !== undefined && !sameOrganisation(actor.orgId, owner)) throw notOwner();
  }
  g.also?.(actor, record, data);
}

/** The roles any grant of a command names: what a route may let through before loading anything. */
export function rolesAllowed<C extends { type: string; data: object }, S>(policy: AccessPolicy<C, S>, type: C['type']): Role[] {
  const grants = policy[type as keyof AccessPolicy<C, S>] as readonly Grant<unknown, unknown>[];
  return [...new Set(grants.flatMap((g) => g.roles))];
}

/**
 * The access gate: refuses (403) an actor no grant of the command allows. It runs on the folded
 * record before any revision, business-time or data check, so a refused caller learns nothing.
 */
export function authorize<C extends DomainCommand, S>(policy: AccessPolicy<C, S>, command: C, state: S): void {
  const actor = command.metadata.actor;
  const grants = (policy[command.type as keyof AccessPolicy<C, S>] ?? []) as readonly Grant<unknown, unknown>[];
  const record = (state as { status?: unknown }).status === 'NONE' ? undefined : state;
  const candidates = grants.filter((g) => g.roles.includes(actor.role));
  if (candidates.length === 0) throw roleNotPermitted(actor, [...new Set(grants.flatMap((g) => g.roles))]);
  let refusal: unknown;
  for (const g of candidates) {
    try {
      check(g, actor, record, command.data);
      return;
    } catch (error) {
      refusal ??= error;
    }
  }
  throw refusal;
}
