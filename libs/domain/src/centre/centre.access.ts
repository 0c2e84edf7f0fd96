import { grant, roleLabelZh, type AccessPolicy } from '../shared/access';
import type { Actor } from '../shared/decider';
import { forbidden } from '../shared/domain-error';
import type { CentreCommand, RecordCentre } from './centre.commands';
import type { CentreState, ExistingCentre } from './centre.state';
import { centreLevels, type CentreLevel } from './centre.terms';

type Scope = { level?: unknown; regionCode?: unknown };

/**
 * The levels a local authority records and oversees, inside its region: a city authority its city's
 * centre and those of its counties (or towns); a district authority its county's. No provincial
 * authority role exists: the province centre is the platform's ADMIN's, as provincial policies are.
 */
const MANAGED_LEVELS = {
  CITY_AUTHORITY: ['CITY', 'COUNTY', 'TOWN'],
  DISTRICT_AUTHORITY: ['COUNTY'],
} as const satisfies Record<string, readonly CentreLevel[]>;

const levelNotPermitted = (actor: Actor, level: CentreLevel, levels: readonly CentreLevel[]) =>
  forbidden(
    'CENTRE_LEVEL_NOT_PERMITTED',
    `${roleLabelZh(actor.role)}不能登记或管理${centreLevels.labels[level].zh}（可管理：${levels.map((l) => centreLevels.labels[l].zh).join('、')}）`,
    `${actor.role} may not record or manage a ${centreLevels.labels[level].en} (only ${levels.join(', ')})`,
  );

/** The level is judged before the region; a level that is none is the decider's to refuse. */
function authorityOver<Data>(role: keyof typeof MANAGED_LEVELS, scopeOf: (centre: ExistingCentre | undefined, data: Data) => Scope | undefined) {
  const levels: readonly CentreLevel[] = MANAGED_LEVELS[role];
  const managed = (scope: Scope | undefined): scope is Scope & { level: CentreLevel } => centreLevels.is(scope?.level) && levels.includes(scope.level);
  return grant<ExistingCentre, Data>({
    roles: [role],
    region: {
      of: (centre, data) => {
        const scope = scopeOf(centre, data);
        return managed(scope) && typeof scope.regionCode === 'string' ? scope.regionCode.trim() : undefined;
      },
      match: 'within',
    },
    also: (actor, centre, data) => {
      const scope = scopeOf(centre, data);
      if (centreLevels.is(scope?.level) && !levels.includes(scope.level)) throw levelNotPermitted(actor, scope.level, levels);
    },
  });
}

const given = (_: ExistingCentre | undefined, data: RecordCentre['data']): Scope | undefined => (data.facts ?? undefined) as Scope | undefined;
const recorded = (centre: ExistingCentre | undefined): Scope | undefined => centre?.facts;

const admin = grant<ExistingCentre, unknown>({ roles: ['ADMIN'] });
const managers = [authorityOver('CITY_AUTHORITY', recorded), authorityOver('DISTRICT_AUTHORITY', recorded), admin];
/** The centre's own staff: the operating entity the record names. */
const itsStaff = grant<ExistingCentre, unknown>({ roles: ['CENTRE_OPERATOR'], owner: (centre) => centre?.facts.orgId });

/** Who may do what to a centre (粤经信服务〔2016〕334号 三（一）: 当地政府或中小企业行政主管部门成立、认定或指定). */
export const centreAccess: AccessPolicy<CentreCommand, CentreState> = {
  RecordCentre: [authorityOver('CITY_AUTHORITY', given), authorityOver('DISTRICT_AUTHORITY', given), admin],
  UpdateCentreFacts: [...managers, itsStaff],
  LinkCentreProviders: [...managers, itsStaff],
  UnlinkCentreProvider: [...managers, itsStaff],
  CloseCentre: managers,
};
