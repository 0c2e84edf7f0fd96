import { requireOwner, requireRegion, requireRole, requireRoleIn } from './authorization';
import { anActor, domainErrorOf } from './testing';

describe('Authorization', () => {
  const tianheReviewer = anActor('DISTRICT_AUTHORITY', '440106');

  it('requireRole refuses another role as FORBIDDEN', () => {
    expect(() => requireRole(tianheReviewer, 'DISTRICT_AUTHORITY')).not.toThrow();
    expect(domainErrorOf(() => requireRole(tianheReviewer, 'CITY_AUTHORITY'))).toMatchObject({ code: 'ROLE_NOT_PERMITTED', kind: 'FORBIDDEN' });
  });

  it('requireRegion keeps a 天河区 reviewer out of 海珠区', () => {
    expect(() => requireRegion(tianheReviewer, '440106')).not.toThrow();
    const error = domainErrorOf(() => requireRegion(tianheReviewer, '440105'));
    expect(error).toMatchObject({ code: 'REGION_NOT_PERMITTED', kind: 'FORBIDDEN' });
    expect(error.messageZh).toContain('海珠区');
    expect(error.messageZh).toContain('天河区');
  });

  it('requireOwner compares organisations', () => {
    const operator = anActor('STATION_OPERATOR', '440106', 'u-1', 'org-1');
    expect(() => requireOwner(operator, 'org-1')).not.toThrow();
    expect(domainErrorOf(() => requireOwner(operator, 'org-2'))).toMatchObject({ code: 'NOT_OWNER', kind: 'FORBIDDEN' });
  });

  it('requireRoleIn checks the role, then the region', () => {
    expect(() => requireRoleIn(tianheReviewer, 'DISTRICT_AUTHORITY', '440106')).not.toThrow();
    expect(domainErrorOf(() => requireRoleIn(tianheReviewer, 'HUB', '440105')).code).toBe('ROLE_NOT_PERMITTED');
    expect(domainErrorOf(() => requireRoleIn(tianheReviewer, 'DISTRICT_AUTHORITY', '440105')).code).toBe('REGION_NOT_PERMITTED');
  });
});
