import { activityKind } from '@sme/domain/activity/activity.kind';
import { themePlanKind } from '@sme/domain/themeplan/themeplan.kind';
import { gzHub } from '@sme/domain/shared/testing';
import { themePlansProjection } from './projections';
import { describeDelivery, describeNoViewWithoutStart } from './testing/delivery-cases';
import { actOn, eventLog, givenEvents } from './testing/projection-gwt';

const PLAN_ID = '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7081';

function aPlan(themePlanId = PLAN_ID, log = eventLog()) {
  const act = actOn(log, themePlanKind, themePlanKind.streamId(themePlanId), { themePlanId });
  return {
    log,
    adopt: () => act('AdoptThemePlan', { cityCode: '440100', year: 2026, months: [{ month: 3, theme: 'FINANCING', title: '融资服务月' }] }, gzHub, '2025-12-20T10:00:00+08:00'),
    revise: () => act('ReviseThemePlan', { months: [{ month: 3, theme: 'FINANCING' }, { month: 4, theme: 'IP' }], reason: '增加知识产权月' }, gzHub, '2026-02-01T10:00:00+08:00'),
  };
}

describe('themeplans projection', () => {
  it('ThemePlanAdopted: the city’s year and months', () => {
    givenEvents(themePlansProjection, [])
      .when(aPlan().adopt())
      .then({ _id: PLAN_ID, id: PLAN_ID, cityCode: '440100', year: 2026, months: [{ month: 3, theme: 'FINANCING', title: '融资服务月' }], adoptedAt: '2025-12-20T02:00:00.000Z', revisions: [] });
  });

  it('ThemePlanRevised: the new months, the revision kept', () => {
    const p = aPlan();
    const months = [{ month: 3, theme: 'FINANCING' as const }, { month: 4, theme: 'IP' as const }];
    givenEvents(themePlansProjection, [p.adopt()])
      .when(p.revise())
      .then((before) => ({ ...before, months, revisions: [{ months, reason: '增加知识产权月', revisedAt: '2026-02-01T02:00:00.000Z' }] }));
  });

  describeNoViewWithoutStart(themePlansProjection, 'a revision of a plan the view never saw adopted makes no view', () => {
    const p = aPlan();
    p.adopt();
    return { ThemePlanRevised: p.revise() };
  });

  describeDelivery(themePlansProjection, {
    of: aPlan,
    firstTwo: (p) => [p.adopt(), p.revise()],
    olderBecause: 'an adoption replayed does not undo the revision',
    anotherKind: activityKind,
  });
});
