import { createHash, randomUUID } from 'node:crypto';
import { activityKind, themePlanKind, type Actor } from '@sme/domain';
import type { EventStore } from '@sme/event-store';
import { commandRunner } from '@sme/event-store/testing/command-runner';
import { HUB, uscc } from '@sme/event-store/testing/history-actors';

/**
 * 服务活动, written through the deciders: a city's theme-month plan (adopted and revised) and
 * activities planned, postponed, cancelled, registered for, held and rated. Every event type of the two
 * kinds occurs, and so do the optional fields (a theme month, a co-organiser's id, a material's file
 * name, a month's title, rating aspects).
 */
export async function writeActivityHistory(store: EventStore, options: { year?: number } = {}): Promise<{ activityIds: string[]; themePlanId: string }> {
  const year = options.year ?? 2026;
  const { run } = commandRunner(store);
  const at = (monthDay: string, hhmm = '10:00') => `${year}-${monthDay}T${hhmm}:00+08:00`;
  const day = (monthDay: string) => `${year}-${monthDay}`;
  const stationOrgId = uscc('91440106MA5ACT001');
  const station: Actor = { id: 'station-act', role: 'STATION_OPERATOR', orgId: stationOrgId, regionCode: '440106' };
  const enterprises = [1, 2].map((n) => {
    const code = uscc(`91440106MA5ATT00${n}`);
    return {
      actor: { id: `enterprise-act-${n}`, role: 'ENTERPRISE', orgId: code, regionCode: '440106' } as Actor,
      record: { enterpriseId: randomUUID(), uscc: code, name: `广州某科技有限公司${n}`, regionCode: '440106' },
    };
  });

  const themePlanId = randomUUID();
  await run(themePlanKind, themePlanId, HUB, at('01-05'), 'AdoptThemePlan', {
    themePlanId,
    cityCode: '440100',
    year,
    months: [{ month: 3, theme: 'FINANCING', title: '融资服务月' }, { month: 4, theme: 'IP' }],
  });
  await run(themePlanKind, themePlanId, HUB, at('02-01'), 'ReviseThemePlan', {
    themePlanId,
    months: [{ month: 3, theme: 'FINANCING', title: '融资服务月' }, { month: 5, theme: 'IP' }],
    reason: '配合知识产权宣传周',
  });

  const plan = (activityId: string, date: string, extra: object = {}) =>
    run(activityKind, activityId, station, at('03-01'), 'PlanActivity', {
      activityId,
      organiser: { kind: 'STATION', id: randomUUID(), orgId: stationOrgId, name: '天河区某中小企业服务站', regionCode: '440106' },
      steward: { role: 'HUB', regionCode: '440100' },
      coOrganisers: [{ name: '某银行广州分行', orgId: uscc('91440101MA5BNK001') }],
      title: '科技型中小企业融资沙龙',
      kind: 'SALON',
      theme: '知识产权质押融资',
      time: { date: day(date), startTime: '14:30', endTime: '17:00' },
      mode: 'OFFLINE',
      venue: '天河区某大厦3楼会议室',
      capacity: 30,
      fee: { kind: 'FREE', amountFen: 0 },
      regionCode: '440106',
      facts: { organiserMayOrganise: true },
      ...extra,
    });

  // Held after a postponement, rated and amended.
  const held = randomUUID();
  await plan(held, '03-18', { themeMonth: { themePlanId, year, month: 3, theme: 'FINANCING' } });
  for (const [i, e] of enterprises.entries()) {
    await run(activityKind, held, i === 0 ? e.actor : station, at('03-05'), 'RegisterForActivity', { activityId: held, enterprise: e.record });
  }
  await run(activityKind, held, station, at('03-10'), 'PostponeActivity', { activityId: held, time: { date: day('03-25'), startTime: '14:30', endTime: '17:00' }, reason: '嘉宾行程调整' });
  await run(activityKind, held, station, at('03-25', '18:00'), 'HoldActivity', {
    activityId: held,
    enterpriseIdsPresent: enterprises.map((e) => e.record.enterpriseId),
    personsPresent: 5,
    materials: [
      { title: '议程', fileName: '议程.pdf', sha256: createHash('sha256').update(`${held}-agenda`).digest('hex') },
      { title: '签到表', sha256: createHash('sha256').update(`${held}-sign-in`).digest('hex') },
    ],
    feedbackWindowDays: 30,
  });
  await run(activityKind, held, enterprises[0].actor, at('03-26'), 'RateActivity', { activityId: held, feedback: { rating: 2, comment: '内容偏泛', aspects: { professionalism: 2 } } });
  await run(activityKind, held, enterprises[0].actor, at('03-27'), 'AmendActivityRating', { activityId: held, feedback: { rating: 4, comment: '会后对接有成效' } });

  // Cancelled before it was held.
  const cancelled = randomUUID();
  await plan(cancelled, '04-08');
  await run(activityKind, cancelled, station, at('04-01'), 'CancelActivity', { activityId: cancelled, reason: '场地临时停用' });
  return { activityIds: [held, cancelled], themePlanId };
}
