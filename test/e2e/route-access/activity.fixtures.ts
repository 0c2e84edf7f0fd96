import { actors } from '../support/station-lifecycle';
import { activityBody } from '../support/activity-bodies';
import type { Fixtures } from './fixtures';

/**
 * 服务活动 and 主题月: the station plans, postpones, cancels and holds its activity and registers for an
 * enterprise; the enterprise registers itself and, once present, rates; the city's hub sets the plan.
 */
export const activityFixtures: Fixtures = {
  'activity.PlanActivity': async (w) => {
    const station = await w.station();
    return { path: '/activities', body: activityBody(station.id, w.today()), actor: station.operator };
  },
  'activity.PostponeActivity': async (w) => {
    const { id, station } = await w.activity();
    return { path: `/activities/${id}/postponement`, body: { time: { date: w.today(), startTime: '18:00', endTime: '19:00' }, reason: '嘉宾行程调整' }, actor: station.operator };
  },
  'activity.CancelActivity': async (w) => {
    const { id, station } = await w.activity();
    return { path: `/activities/${id}/cancellation`, body: { reason: '场地临时停用' }, actor: station.operator };
  },
  'activity.RegisterForActivity': async (w) => {
    const [{ id }, enterprise] = [await w.activity(), await w.enterprise()];
    return { path: `/activities/${id}/registrations`, body: { enterpriseId: enterprise.id }, actor: enterprise.self };
  },
  'activity.HoldActivity': async (w) => {
    const [{ id, station }, enterprise] = [await w.activity(), await w.enterprise()];
    return { path: `/activities/${id}/holding`, body: { enterpriseIdsPresent: [enterprise.id], personsPresent: 2 }, actor: station.operator };
  },
  'activity.RateActivity': async (w) => {
    const [{ id }, enterprise] = [await w.activity(true), await w.enterprise()];
    return { path: `/activities/${id}/feedback`, body: { rating: 4, comment: '内容实用' }, actor: enterprise.self };
  },
  'activity.AmendActivityRating': async (w) => {
    const [{ id }, enterprise] = [await w.activity(true), await w.enterprise()];
    return { path: `/activities/${id}/feedback/amendment`, body: { rating: 5, comment: '很实用' }, actor: enterprise.self };
  },
  'themeplan.AdoptThemePlan': async () => ({ path: '/themeplans', body: { cityCode: '440100', year: 2027, months: [{ month: 1, theme: 'POLICY' }] }, actor: actors.hub }),
  'themeplan.ReviseThemePlan': async (w) => ({ path: `/themeplans/${await w.themePlan()}/revision`, body: { months: [{ month: 4, theme: 'IP' }], reason: '调整' }, actor: actors.hub }),
};
