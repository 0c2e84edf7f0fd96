import type { ApplicationView } from '../views';
import { supervisorDashboard } from './supervisor-dashboard';

/** An application of 天河区 at `stage`, with the hub's recommendation and the city's decision as given. */
const application = (id: string, stage: ApplicationView['stage'], recommended: boolean | null, approved: boolean | null): ApplicationView =>
  ({
    id,
    stationName: `服务站${id}`,
    districtCode: '440106',
    stage,
    history: [],
    districtReview: null,
    recommendation: recommended === null ? null : { recommended, opinion: recommended ? '推荐' : '不推荐', issuedAt: '2019-07-20T02:00:00.000Z', averageScore: 70 },
    decision: approved === null ? null : { approved, opinion: approved ? '同意' : '不同意', decidedAt: '2019-08-01T02:00:00.000Z' },
  }) as unknown as ApplicationView;

describe('supervisor dashboard', () => {
  it('counts a not-recommended application as refused only while the city has not approved it', () => {
    const figures = supervisorDashboard('440100', [], [
      application('a', 'NOT_RECOMMENDED', false, null),
      application('b', 'APPROVED', false, true),
      application('c', 'REJECTED', false, false),
      application('d', 'APPROVED', true, true),
    ], []).city;
    expect(figures.approved).toBe(2);
    expect(figures.refused).toEqual({ byDistrict: 0, notRecommended: 1, byCity: 1 });
    expect(figures.refusalReasons.map((r) => [r.applicationId, r.stage])).toEqual([
      ['a', 'NOT_RECOMMENDED'],
      ['c', 'REJECTED'],
    ]);
  });
});
