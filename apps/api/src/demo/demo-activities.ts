import { INestApplication, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { addCalendarDays, themePlanKind, type Actor } from '@sme/domain';
import { activityCommands, themePlanCommands, themePlanIdFor } from '../activities/activity.commands';
import type { ActivityCommandBody } from '../activities/activity.messages';
import { derivedId } from '../records/derived-id';
import { HUB } from './demo-data';
import { DEMO_ACTIVITIES, DEMO_THEME_MONTHS, DEMO_THEME_REVISION, type DemoActivity } from './demo-activities-data';
import { demoLoaded, demoRunner, demoStations, demoTime as at } from './demo-runner';
import { DEMO_ENTERPRISES, DEMO_PROVIDERS, demoDigest, enterpriseActor } from './demo-services-data';

type Step = { at: string; run: () => Promise<unknown> };

/**
 * Loads 2026's theme months and activities through the command bus, every step at its business time,
 * after the demo services (the enterprises and providers they need). Runs once: Guangzhou's 2026 plan
 * marks it loaded.
 */
export async function loadDemoActivities(app: INestApplication): Promise<void> {
  const planId = themePlanIdFor('440100', 2026);
  if (await demoLoaded(app, themePlanKind.streamId(planId), 'activities')) return;
  const logger = new Logger('Demo');
  const began = Date.now();
  const { runs } = demoRunner(app.get(CommandBus));
  const plan = runs(themePlanCommands);
  const activity = runs(activityCommands);
  await plan({ type: 'AdoptThemePlan', data: { themePlanId: planId, cityCode: '440100', year: 2026, months: DEMO_THEME_MONTHS } }, HUB, at('2025-12-15'));
  await plan({ type: 'ReviseThemePlan', data: { themePlanId: planId, ...DEMO_THEME_REVISION } }, HUB, at(DEMO_THEME_REVISION.on));

  // The active demo stations as the station registry holds them.
  const stationOf = await demoStations(app);

  const steps = DEMO_ACTIVITIES.flatMap((a) => stepsOf(a));
  function stepsOf(a: DemoActivity): Step[] {
    const activityId = derivedId('demo-activity', a.n);
    let organiser: { kind: 'STATION' | 'HUB' | 'PROVIDER'; id?: string };
    let actor: Actor;
    let regionCode: string;
    if ('station' in a.organiser) {
      const { station, operator } = stationOf(a.organiser.station);
      [organiser, actor, regionCode] = [{ kind: 'STATION', id: station.id }, operator, station.districtCode];
    } else if ('hub' in a.organiser) {
      [organiser, actor, regionCode] = [{ kind: 'HUB' }, HUB, a.organiser.hub];
    } else {
      const key = a.organiser.provider;
      const p = DEMO_PROVIDERS.find((x) => x.key === key)!;
      [organiser, actor, regionCode] = [{ kind: 'PROVIDER', id: p.id }, p.user, a.organiser.regionCode];
    }
    const step = (on: string, body: ActivityCommandBody, by: Actor): Step => ({ at: on, run: () => activity(body, by, on) });
    const dayHeld = a.postponedTo ?? a.day;
    const list: Step[] = [];
    const data = {
      activityId,
      organiser,
      coOrganisers: a.n % 2 === 0 ? [{ name: '广州示例商业银行（示例）' }] : [],
      title: a.title,
      kind: a.kind,
      theme: a.title.split('主题')[0],
      themeMonth: { themePlanId: planId, month: a.month },
      time: { date: a.day, startTime: '14:30', endTime: '17:00' },
      mode: a.n % 5 === 3 ? ('ONLINE' as const) : ('OFFLINE' as const),
      venue: a.n % 5 === 3 ? '广州中小企业服务网直播间（示例）' : `${regionCode}示例会议中心`,
      capacity: 40,
      fee: a.fee,
      regionCode,
    };
    list.push(step(at(addCalendarDays(a.day, -14)), { type: 'PlanActivity', data } as ActivityCommandBody, actor));
    a.enterprises.forEach((i, k) => {
      const e = DEMO_ENTERPRISES[i];
      const by = k % 2 === 0 ? enterpriseActor(e) : actor;
      list.push(step(at(addCalendarDays(a.day, -7 + k), `1${k}:00`), { type: 'RegisterForActivity', data: { activityId, enterpriseId: e.id } }, by));
    });
    if (a.postponedTo) {
      const time = { date: a.postponedTo, startTime: '14:30', endTime: '17:00' };
      list.push(step(at(addCalendarDays(a.day, -2)), { type: 'PostponeActivity', data: { activityId, time, reason: '主讲嘉宾行程调整（示例）' } }, actor));
    }
    if (a.cancelled) {
      list.push(step(at(addCalendarDays(a.day, -1)), { type: 'CancelActivity', data: { activityId, reason: a.cancelled } }, actor));
      return list;
    }
    const present = a.allCame ? a.enterprises : a.enterprises.slice(0, -1);
    const materials = [
      { title: '活动议程', fileName: `议程-${a.n + 1}.pdf`, sha256: demoDigest(`agenda-${a.n}`) },
      { title: '签到表', fileName: `签到表-${a.n + 1}.pdf`, sha256: demoDigest(`sign-in-${a.n}`) },
    ];
    const holding = { activityId, enterpriseIdsPresent: present.map((i) => DEMO_ENTERPRISES[i].id), personsPresent: present.length * 2 + 1, materials };
    list.push(step(at(dayHeld, '18:00'), { type: 'HoldActivity', data: holding }, actor));
    a.ratings.forEach((rating, k) => {
      const e = DEMO_ENTERPRISES[present[k]];
      const feedback = { rating, comment: rating <= 2 ? '内容与企业需求不符（示例）' : '内容实用，对接到位（示例）' };
      list.push(step(at(addCalendarDays(dayHeld, 1), `1${k}:00`), { type: 'RateActivity', data: { activityId, feedback } }, enterpriseActor(e)));
    });
    if (a.amendedTo !== undefined) {
      const feedback = { rating: a.amendedTo, comment: '会后主办方补充对接，满意（示例）' };
      list.push(step(at(addCalendarDays(dayHeld, 5)), { type: 'AmendActivityRating', data: { activityId, feedback } }, enterpriseActor(DEMO_ENTERPRISES[present[0]])));
    }
    return list;
  }

  const ordered = steps.map((s, order) => ({ ...s, order, ms: Date.parse(s.at) })).sort((x, y) => x.ms - y.ms || x.order - y.order);
  for (const s of ordered) await s.run();
  logger.log(
    `Demo activities loaded: Guangzhou's 2026 theme months and ${DEMO_ACTIVITIES.length} activities (${ordered.length} steps) in ${Date.now() - began} ms. ` +
      'Try GET /activities/figures?from=2026-01-01&until=2026-11-30&by=district as a CITY_AUTHORITY of 440100.',
  );
}
