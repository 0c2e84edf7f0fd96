import { enterpriseKind } from '@sme/domain';
import { projectEnterprise } from './enterprise.projection';
import { foldView } from './fold-view';
import { enterpriseFilter, regionCondition } from './queries/enterprise-list';
import { handMadeEvents } from './testing/hand-made-events';

const recorded = handMadeEvents({ id: 'a', role: 'HUB', orgId: 'o', regionCode: '440100' });
const event = (type: string, data: Record<string, unknown>, occurredAt: string) => recorded(enterpriseKind.streamId('ent-1'), type, data, occurredAt);

const history = [
  event('EnterpriseRegistered', { enterpriseId: 'ent-1', uscc: 'U', name: '甲', industryCode: 'SOFTWARE_IT', regionCode: '440106', foundedOn: '2015-04-20', registeredAt: 'r' }, '2024-03-01T02:00:00.000Z'),
  event('EnterpriseFiguresReported', { enterpriseId: 'ent-1', figures: { year: 2023, employees: 45, revenue: 1800, assets: 1 }, reportedAt: 'r' }, '2024-03-01T02:00:00.000Z'),
  event('EnterpriseSizeClassChanged', { enterpriseId: 'ent-1', from: null, to: 'SMALL', standardId: 'S', industryCode: 'SOFTWARE_IT', figuresYear: 2023, basis: 'b1', changedAt: 't1' }, '2024-03-01T02:00:00.000Z'),
  event('EnterpriseFiguresReported', { enterpriseId: 'ent-1', figures: { year: 2022, employees: 30, revenue: 900, assets: 1 }, reportedAt: 'r' }, '2024-04-01T02:00:00.000Z'),
  event('EnterpriseSizeClassChanged', { enterpriseId: 'ent-1', from: 'SMALL', to: 'MEDIUM', standardId: 'S', industryCode: 'SOFTWARE_IT', figuresYear: 2024, basis: 'b2', changedAt: 't2' }, '2024-05-01T02:00:00.000Z'),
  event('EnterpriseProfileUpdated', { enterpriseId: 'ent-1', changes: { regionCode: '440305' }, updatedAt: 'u' }, '2024-05-02T02:00:00.000Z'),
  event('EnterpriseTagGranted', { enterpriseId: 'ent-1', tag: 'SPECIALISED', issuedBy: 'X', validFrom: '2023-01-01', validUntil: '2025-12-31', grantedAt: 'g' }, '2024-05-03T02:00:00.000Z'),
  event('EnterpriseTagGranted', { enterpriseId: 'ent-1', tag: 'HIGH_TECH', issuedBy: 'Y', validFrom: '2024-06-01', validUntil: '2026-12-31', grantedAt: 'g' }, '2024-05-03T02:00:00.000Z'),
  event('EnterpriseTagRevoked', { enterpriseId: 'ent-1', tag: 'SPECIALISED', reason: '弄虚作假', revokedOn: '2024-05-10', revokedAt: 'v' }, '2024-05-10T02:00:00.000Z'),
  event('EnterpriseTagRevoked', { enterpriseId: 'ent-1', tag: 'HIGH_TECH', reason: '撤销', revokedOn: '2024-05-10', revokedAt: 'v' }, '2024-05-10T02:00:00.000Z'),
];

describe('enterprises projection', () => {
  const view = foldView(projectEnterprise, history)!;

  it('keeps one figure per year, oldest first, and the latest year', () => {
    expect(view.figures.map((f) => f.year)).toEqual([2022, 2023]);
    expect(view.latestFigures?.year).toBe(2023);
  });

  it('records each size class change with its basis, in order', () => {
    expect(view.sizeClass).toBe('MEDIUM');
    expect(view.sizeClassBasis).toEqual({ at: 't2', standardId: 'S', industryCode: 'SOFTWARE_IT', figuresYear: 2024, basis: 'b2' });
    expect(view.sizeClassHistory.map((h) => [h.from, h.to, h.at, h.basis])).toEqual([
      [null, 'SMALL', 't1', 'b1'],
      ['SMALL', 'MEDIUM', 't2', 'b2'],
    ]);
  });

  it('moves the region, with its city and province', () => {
    expect(view).toMatchObject({ regionCode: '440305', cityCode: '440300', provinceCode: '440000' });
  });

  it('keeps every grant, with the days it counts after a revocation (none for one revoked before it began)', () => {
    expect(view.tags.map((t) => [t.tag, t.effective, t.revocation?.revokedOn])).toEqual([
      ['SPECIALISED', { validFrom: '2023-01-01', validUntil: '2024-05-09' }, '2024-05-10'],
      ['HIGH_TECH', null, '2024-05-10'],
    ]);
    expect(view.tagPeriods).toEqual([{ tag: 'SPECIALISED', validFrom: '2023-01-01', validUntil: '2024-05-09' }]);
    expect(view.tagPeriodCount).toBe(1);
    expect(view).toMatchObject({ revision: history.length - 1, updatedAt: '2024-05-10T02:00:00.000Z' });
  });

  it('ignores events before the registration', () => {
    expect(foldView(projectEnterprise, history.slice(1))).toBeUndefined();
  });
});

describe('enterprise list filter', () => {
  it('reads a region code at its level', () => {
    expect(regionCondition('440000')).toEqual({ provinceCode: '440000' });
    expect(regionCondition('440100')).toEqual({ cityCode: '440100' });
    expect(regionCondition('440106')).toEqual({ regionCode: '440106' });
  });

  it('matches a tag period entry by entry, and nothing when no document has one', () => {
    expect(enterpriseFilter({ tag: 'SPECIALISED', tagValidOn: '2024-01-01' }, 2)).toEqual({
      $or: [0, 1].map((i) => ({
        [`tagPeriods.${i}.tag`]: 'SPECIALISED',
        [`tagPeriods.${i}.validFrom`]: { $lte: '2024-01-01' },
        [`tagPeriods.${i}.validUntil`]: { $gte: '2024-01-01' },
      })),
    });
    expect(enterpriseFilter({ tagValidOn: '2024-01-01' }, 0)).toEqual({ tagPeriodCount: { $lt: 0 } });
  });

  it('joins conditions with $and and searches names and USCCs', () => {
    expect(enterpriseFilter({})).toEqual({});
    expect(enterpriseFilter({ industryCode: 'RETAIL', sizeClass: 'MICRO', q: 'ma5' })).toEqual({
      $and: [
        { industryCode: 'RETAIL' },
        { sizeClass: 'MICRO' },
        { $or: [{ name: { $regex: 'ma5', $options: 'i' } }, { uscc: { $regex: 'MA5', $options: 'i' } }] },
      ],
    });
  });
});
