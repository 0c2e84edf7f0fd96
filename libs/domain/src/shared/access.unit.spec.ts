import { authorize, regionMatches, rolesAllowed, type AccessPolicy } from './access';
import type { Actor, DomainCommand } from './decider';
import { anActor, domainErrorOf } from './testing';

type Doc = { status: 'NONE' } | { status: 'OPEN'; districtCode: string; cityCode: string; ownerOrgId: string };
type Command = DomainCommand<'Create', { districtCode: string }> | DomainCommand<'Review', object> | DomainCommand<'Sign', object> | DomainCommand<'Maintain', object>;

/** A small policy with each kind of grant the kinds use. */
const policy: AccessPolicy<Command, Doc> = {
  Create: [{ roles: ['STATION_OPERATOR'], region: { of: (_, data) => data.districtCode, match: 'sameCity' } }],
  Review: [{ roles: ['DISTRICT_AUTHORITY'], region: { of: (doc) => doc?.districtCode, match: 'same' } }],
  Sign: [{ roles: ['STATION_OPERATOR'], owner: (doc) => doc?.ownerOrgId }],
  // The owner itself, or the city's hub and authority for any district of the city.
  Maintain: [
    { roles: ['STATION_OPERATOR'], owner: (doc) => doc?.ownerOrgId },
    { roles: ['HUB', 'CITY_AUTHORITY'], region: { of: (doc) => doc?.districtCode, match: 'within' } },
  ],
};
const doc: Doc = { status: 'OPEN', districtCode: '440106', cityCode: '440100', ownerOrgId: '91440106MA5C000001' };
const run = (type: Command['type'], actor: Actor, state: Doc = doc, data: object = {}) => () =>
  authorize(policy, { type, data, metadata: { now: new Date('2024-01-01T00:00:00Z'), actor } } as Command, state);

describe('the access gate', () => {
  it('refuses a role no grant names, naming the roles that may', () => {
    const error = domainErrorOf(run('Review', anActor('HUB', '440100')));
    expect(error).toMatchObject({ code: 'ROLE_NOT_PERMITTED', kind: 'FORBIDDEN' });
    expect(error.messageZh).toContain('区中小企业主管部门');
    expect(error.messageEn).toContain('DISTRICT_AUTHORITY');
  });

  it('keeps a 天河区 reviewer out of 海珠区, naming both', () => {
    expect(run('Review', anActor('DISTRICT_AUTHORITY', '440106'))).not.toThrow();
    const error = domainErrorOf(run('Review', anActor('DISTRICT_AUTHORITY', '440105')));
    expect(error).toMatchObject({ code: 'REGION_NOT_PERMITTED', kind: 'FORBIDDEN' });
    expect(error.messageZh).toContain('海珠区');
    expect(error.messageZh).toContain('天河区');
  });

  it('compares organisations as one: spaces and case do not make another organisation', () => {
    expect(run('Sign', anActor('STATION_OPERATOR', '440106', 'u-1', ' 91440106ma5c000001 '))).not.toThrow();
    expect(domainErrorOf(run('Sign', anActor('STATION_OPERATOR', '440106', 'u-2', '91440106MA5C000002')))).toMatchObject({ code: 'NOT_OWNER' });
    expect(domainErrorOf(run('Sign', anActor('STATION_OPERATOR', '440106', 'u-3', '')))).toMatchObject({ code: 'NOT_OWNER' });
  });

  it('reads a create command’s region from its data while the record does not exist', () => {
    const none: Doc = { status: 'NONE' };
    expect(run('Create', anActor('STATION_OPERATOR', '440100'), none, { districtCode: '440106' })).not.toThrow();
    expect(domainErrorOf(run('Create', anActor('STATION_OPERATOR', '440300'), none, { districtCode: '440106' }))).toMatchObject({ code: 'REGION_NOT_PERMITTED' });
  });

  it('leaves a missing record’s checks to the decider (its 404), but not the role', () => {
    const none: Doc = { status: 'NONE' };
    expect(run('Review', anActor('DISTRICT_AUTHORITY', '440105'), none)).not.toThrow();
    expect(domainErrorOf(run('Review', anActor('HUB', '440100'), none)).code).toBe('ROLE_NOT_PERMITTED');
  });

  it('allows a caller any one grant allows, and otherwise refuses with the first matching grant’s reason', () => {
    expect(run('Maintain', anActor('STATION_OPERATOR', '440106', 'u-1', '91440106MA5C000001'))).not.toThrow();
    expect(run('Maintain', anActor('HUB', '440100'))).not.toThrow();
    expect(domainErrorOf(run('Maintain', anActor('HUB', '440300'))).code).toBe('REGION_NOT_PERMITTED');
    expect(domainErrorOf(run('Maintain', anActor('STATION_OPERATOR', '440106', 'u-2', 'other'))).code).toBe('NOT_OWNER');
    expect(rolesAllowed(policy, 'Maintain')).toEqual(['STATION_OPERATOR', 'HUB', 'CITY_AUTHORITY']);
  });

  it('matches regions as declared: same, within, sameCity, overlaps', () => {
    expect([regionMatches('same', '440106', '440106'), regionMatches('same', '440100', '440106')]).toEqual([true, false]);
    expect([regionMatches('within', '440100', '440106'), regionMatches('within', '440000', '440106'), regionMatches('within', '440106', '440100')]).toEqual([true, true, false]);
    expect([regionMatches('sameCity', '440106', '440105'), regionMatches('sameCity', '440106', '440305')]).toEqual([true, false]);
    expect([regionMatches('overlaps', '440106', '440000'), regionMatches('overlaps', '440000', '440106'), regionMatches('overlaps', '440106', '440300')]).toEqual([true, true, false]);
  });
});
