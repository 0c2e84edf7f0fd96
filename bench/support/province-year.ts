/* Why this file is long: it writes a whole province's year through the deciders — station procedures in 19 cities, the registries, and the year's deliveries and activities as interleaved stories — and keeps the figures of how fast it went. */
import { createHash, randomUUID } from 'node:crypto';
import {
  CHINA_WORKING_CALENDAR,
  activityKind,
  addCalendarDays,
  addWorkingDays,
  applicationKind,
  callKind,
  deliveryKind,
  enterpriseKind,
  expertKind,
  followUpKind,
  providerKind,
  stationKind,
  toCallSnapshot,
  usccCheckCharacter,
  type Actor,
  type CallState,
  type DomainCommand,
  type DomainEvent,
  type ExpertState,
  type RecordKind,
} from '@sme/domain';
import { panelCandidateOf } from '@sme/domain/expert/expert.panel';
import type { EventStore, HandleCommandResult, SnapshotPolicy } from '@sme/event-store';
import { commandRunner } from '@sme/event-store/testing/command-runner';
import { sampleApplicationForm } from '@sme/read-models/testing/station-history';
import { BENCH_CITIES, apportion, placeIn, seeded, type BenchCity } from './guangdong';

/** The service year; the stations are designated the year before, the registries filled in its first days. */
export const SERVICE_YEAR = 2019;
const CALL_YEAR = SERVICE_YEAR - 1;

export interface ProvinceYearCounts {
  stations: number;
  providers: number;
  enterprises: number;
  /** 家次 from deliveries: one per delivery. */
  deliveries: number;
  /** 家次 from activities: enterprises present, about 20 an activity. */
  activityVisits: number;
}

/** The Guangdong-sized year, times `scale`. */
export function provinceCounts(scale: number): ProvinceYearCounts {
  const n = (full: number, least: number) => Math.max(least, Math.round(full * scale));
  return { stations: n(1_000, 19), providers: n(10_000, 21), enterprises: n(50_000, 200), deliveries: n(200_000, 100), activityVisits: n(100_000, 40) };
}

/** Progress of the writing, taken every `every` events: events so far, ms since the start, rss. */
export interface Checkpoint {
  events: number;
  ms: number;
  rss: number;
}

export interface Phase {
  name: string;
  events: number;
  commands: number;
  ms: number;
}

export interface ProvinceYear {
  phases: Phase[];
  /** Checkpoints of the service year only (deliveries, follow-ups, activities). */
  checkpoints: Checkpoint[];
  stationIds: string[];
  written: { deliveries: number; followUps: number; activities: number; activityVisits: number; enterprises: number; providers: number; stations: number };
}

type AnyKind = RecordKind<DomainCommand, unknown, DomainEvent>;
interface Step {
  kind: AnyKind;
  id: string;
  actor: Actor;
  at: string;
  type: string;
  data: object;
}
/** One record's story: it yields its steps one at a time and is handed each step's result. */
type Story = Generator<Step, void, HandleCommandResult<unknown>>;

const step = <C extends DomainCommand, S, E extends DomainEvent>(kind: RecordKind<C, S, E>, id: string, actor: Actor, at: string, type: string, data: object): Step => ({ kind: kind as unknown as AnyKind, id, actor, at, type, data });
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
/** A valid USCC: 91 (a company), the region's six digits, a two-letter tag of the register and a seven-digit serial. */
function uscc(regionCode: string, tag: 'MA' | 'MB' | 'MC', serial: number): string {
  const first17 = `91${regionCode}${tag}${String(serial).padStart(7, '0')}`;
  const check = usccCheckCharacter(first17);
  if (check === undefined) throw new Error(`${first17} cannot start a USCC`);
  return first17 + check;
}
const time = (day: string, hhmm = '10:00') => `${day}T${hhmm}:00+08:00`;
const wd = (day: string, n: number) => (n === 0 ? day : addWorkingDays(CHINA_WORKING_CALENDAR, day, n));
const cal = addCalendarDays;

const cityAuthority = (city: BenchCity): Actor => ({ id: `city-${city.code}`, role: 'CITY_AUTHORITY', orgId: `MIIT-${city.code}`, regionCode: city.code });
const hubOf = (city: BenchCity): Actor => ({ id: `hub-${city.code}`, role: 'HUB', orgId: `HUB-${city.code}`, regionCode: city.code });
const districtAuthority = (code: string): Actor => ({ id: `district-${code}`, role: 'DISTRICT_AUTHORITY', orgId: `D-${code}`, regionCode: code });

interface Station {
  stationId: string;
  city: BenchCity;
  districtCode: string;
  name: string;
  operator: Actor;
}
interface Provider {
  providerId: string;
  city: BenchCity;
  regionCode: string;
  name: string;
  actor: Actor;
}
interface Enterprise {
  record: { enterpriseId: string; uscc: string; name: string; regionCode: string };
  actor: Actor;
}

/**
 * Writes the year into `store` through `handleCommand` (each kind's access gate and decider, as the
 * API's handlers call them): every station through its call (application, district review, panel,
 * scores, recommendation, decision, published list, designation, covenant); the enterprises and the
 * providers (entry applied for, admitted, some settled at a station); then the service year as stories
 * — deliveries to their 归档 with ratings, 回访 and 差评 follow-ups, activities with registrations,
 * holding and ratings — `window` of them open at once and advanced in turn, so a record's events lie
 * spread through the log as they would be.
 */
export async function writeProvinceYear(
  store: EventStore,
  counts: ProvinceYearCounts,
  options: { every: number; window: number; snapshots?: SnapshotPolicy; onPhase?: (phase: Phase) => void },
): Promise<ProvinceYear> {
  const runner = commandRunner(store, { snapshots: options.snapshots });
  const random = seeded(2019);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const phases: Phase[] = [];
  let commands = 0;
  const run = async (s: Step) => {
    commands += 1;
    return runner.run(s.kind, s.id, s.actor, s.at, s.type as never, s.data);
  };
  const phase = async (name: string, body: () => Promise<void>) => {
    const [events, done, started] = [runner.events, commands, performance.now()];
    await body();
    const p = { name, events: runner.events - events, commands: commands - done, ms: performance.now() - started };
    phases.push(p);
    options.onPhase?.(p);
  };

  // Stations: 19 cities (东莞 and 中山 have no district a station could stand in).
  const withDistricts = BENCH_CITIES.filter((c) => c.districts.length > 0);
  const stationShares = apportion(counts.stations, withDistricts.map((c) => c.weight));
  const stations: Station[] = [];
  await phase('stations: calls, applications, designation', async () => {
    for (const [c, city] of withDistricts.entries()) {
      stations.push(...(await designateStations(run, city, stationShares[c], c)));
    }
  });

  const enterpriseShares = apportion(counts.enterprises, BENCH_CITIES.map((c) => c.weight));
  const enterprises = new Map<string, Enterprise[]>();
  await phase('enterprises registered by the hubs', async () => {
    for (const [c, city] of BENCH_CITIES.entries()) {
      const hub = hubOf(city);
      const list: Enterprise[] = [];
      for (let i = 0; i < enterpriseShares[c]; i += 1) {
        const regionCode = placeIn(city, i);
        const code = uscc(regionCode, 'MA', c * 100_000 + i);
        const record = { enterpriseId: randomUUID(), uscc: code, name: `${city.nameZh}示例科技有限公司${i + 1}`, regionCode };
        await run(
          step(enterpriseKind, record.enterpriseId, hub, time(`${SERVICE_YEAR}-01-0${2 + (i % 3)}`), 'RegisterEnterprise', {
            enterpriseId: record.enterpriseId,
            uscc: code,
            name: record.name,
            industryCode: i % 3 === 0 ? 'SOFTWARE_IT' : 'INDUSTRY',
            regionCode,
            foundedOn: `${2005 + (i % 12)}-04-20`,
            figures: { year: CALL_YEAR, employees: 20 + (i % 280), revenue: 800 + (i % 90) * 100, assets: 500 + (i % 40) * 100 },
            usccAlreadyRegistered: false,
          }),
        );
        list.push({ record, actor: { id: `enterprise-${code}`, role: 'ENTERPRISE', orgId: code, regionCode } });
      }
      enterprises.set(city.code, list);
    }
  });

  const providerShares = apportion(counts.providers, BENCH_CITIES.map((c) => c.weight));
  const providers = new Map<string, Provider[]>();
  await phase('providers applied, admitted, some settled', async () => {
    for (const [c, city] of BENCH_CITIES.entries()) {
      const list: Provider[] = [];
      const atStations = stations.filter((s) => s.city === city);
      for (let i = 0; i < providerShares[c]; i += 1) {
        const regionCode = placeIn(city, i + 1);
        const code = uscc(regionCode, 'MB', c * 100_000 + i);
        const provider: Provider = { providerId: randomUUID(), city, regionCode, name: `${city.nameZh}示例服务机构${i + 1}`, actor: { id: `provider-${code}`, role: 'PROVIDER', orgId: code, regionCode } };
        const day = `${SERVICE_YEAR}-01-0${2 + (i % 2)}`;
        await run(
          step(providerKind, provider.providerId, provider.actor, time(day, '09:00'), 'ApplyForEntry', {
            providerId: provider.providerId,
            uscc: code,
            name: provider.name,
            regionCode,
            serviceDomains: [(['LEGAL', 'IP', 'FINANCE', 'MANAGEMENT_CONSULTING', 'TECHNOLOGY'] as const)[i % 5], 'TRAINING'],
            materials: [{ kind: '营业执照', fileName: 'licence.pdf', sha256: sha(`${code}-licence`) }],
            contact: { name: '联系人', phone: '020-38000002', email: 'contact@provider.example.cn' },
            ties: { legalRepresentative: '林华', shareholders: [{ name: '林华' }] },
          }),
        );
        await run(step(providerKind, provider.providerId, hubOf(city), time(day, '15:00'), 'DecideEntry', { providerId: provider.providerId, admitted: true, opinion: '同意入库' }));
        if (i % 3 === 0 && atStations.length > 0) {
          await run(step(providerKind, provider.providerId, provider.actor, time(`${SERVICE_YEAR}-01-04`), 'SettleAtStation', { providerId: provider.providerId, stationId: atStations[i % atStations.length].stationId, since: `${SERVICE_YEAR}-01-04` }));
        }
        list.push(provider);
      }
      providers.set(city.code, list);
    }
  });

  // The service year: deliveries and activities interleaved, `window` stories open at once.
  const written = { deliveries: 0, followUps: 0, activities: 0, activityVisits: 0 };
  const stationsOf = new Map(BENCH_CITIES.map((city) => [city.code, stations.filter((s) => s.city === city)]));
  let sum = 0;
  const cumulative = BENCH_CITIES.map((c) => (sum += c.weight));
  const weightSum = cumulative[cumulative.length - 1];
  const cityAt = () => {
    const r = random() * weightSum;
    return BENCH_CITIES[cumulative.findIndex((c) => r < c)];
  };
  const firstDay = `${SERVICE_YEAR}-01-07`;
  const serviceDay = () => wd(firstDay, Math.floor(random() * 215));
  const serverIn = (city: BenchCity, stationShare: number): { server: object; steward: { role: 'HUB' | 'CITY_AUTHORITY'; regionCode: string }; actor: Actor; stewardActor: Actor; station: boolean } => {
    const own = stationsOf.get(city.code)!;
    if (own.length > 0 && random() < stationShare) {
      const s = pick(own);
      return { server: { kind: 'STATION', id: s.stationId, orgId: s.operator.orgId, name: s.name, regionCode: s.districtCode }, steward: { role: 'HUB', regionCode: city.code }, actor: s.operator, stewardActor: hubOf(city), station: true };
    }
    const p = pick(providers.get(city.code)!);
    return { server: { kind: 'PROVIDER', id: p.providerId, orgId: p.actor.orgId, name: p.name, regionCode: p.regionCode }, steward: { role: 'CITY_AUTHORITY', regionCode: city.code }, actor: p.actor, stewardActor: cityAuthority(city), station: false };
  };

  function* deliveryStory(): Story {
    const city = cityAt();
    const enterprise = pick(enterprises.get(city.code)!);
    const party = serverIn(city, 0.4);
    const deliveryId = randomUUID();
    const S = serviceDay();
    const D = wd(S, 3 + Math.floor(random() * 12));
    const r = random();
    const sampled = random() < 0.2;
    const act = (actor: Actor, day: string, type: string, data: object, hhmm = '10:00') => step(deliveryKind, deliveryId, actor, time(day, hhmm), type, { deliveryId, ...data });
    const domain = (['IP', 'FINANCE', 'LEGAL', 'MANAGEMENT_CONSULTING', 'TECHNOLOGY', 'MARKET_EXPANSION'] as const)[Math.floor(random() * 6)];
    written.deliveries += 1;
    yield act(party.actor, S, 'RegisterDelivery', {
      enterprise: enterprise.record,
      domain,
      title: '企业服务项目',
      description: '根据企业需求提供专业服务',
      plannedStart: S,
      plannedEnd: D,
      mode: random() < 0.3 ? 'ONLINE' : 'OFFLINE',
      regionCode: enterprise.record.regionCode,
      server: party.server,
      steward: party.steward,
      fee: party.station ? { kind: 'FREE', amountFen: 0 } : { kind: 'LOW_FEE', amountFen: 50_000 + Math.floor(random() * 20) * 10_000 },
      staffHours: 4 + Math.floor(random() * 40),
      facts: { serverMayServe: true },
    }, '09:00');
    yield act(party.actor, S, 'StartDelivery', { startedOn: S }, '09:30');
    if (r < 0.02) {
      yield act(party.actor, wd(S, 1), 'CancelDelivery', { reason: '企业经营调整，经双方协商终止本次服务' });
      return;
    }
    if (r < 0.1) yield act(party.actor, wd(S, 1), 'NoteDeliveryProgress', { note: '已完成前期调研，按计划推进' }, '15:00');
    yield act(party.actor, D, 'DeliverService', {
      deliveredOn: D,
      outcome: '完成服务并提交成果',
      deliverables: [{ title: '服务报告', fileName: '服务报告.pdf', sha256: sha(deliveryId) }],
      feedbackWindowDays: 30,
      autoConfirmDays: 7,
      returnVisitSampled: sampled,
    }, '16:00');
    if (r < 0.1) {
      yield act(enterprise.actor, cal(D, 1), 'ConfirmDelivery', {});
      return;
    }
    const visit = (day: string, satisfaction: number) =>
      act(party.stewardActor, day, 'RecordReturnVisit', { channel: pick(['PHONE', 'ONSITE', 'ONLINE', 'MEETING'] as const), visitedOn: day, visitor: '回访专员', findings: '企业反映服务及时，成果已投入使用', satisfaction }, '10:30');
    if (r < 0.18) {
      // 差评: the rating opens a follow-up, settled after rectification, then 回访 and 归档.
      yield act(enterprise.actor, cal(D, 1), 'ConfirmDelivery', {});
      const R = cal(D, 2);
      const rated = yield act(enterprise.actor, R, 'RateDelivery', { feedback: { rating: 2, comment: '方案过于笼统', aspects: { professionalism: 2, outcome: 2, attitude: 3 } } }, '11:00');
      const causeRevision = Number(rated.nextExpectedRevision);
      const followUpId = randomUUID();
      written.followUps += 1;
      const follow = (actor: Actor, day: string, type: string, data: object, hhmm = '10:00') => step(followUpKind, followUpId, actor, time(day, hhmm), type, { followUpId, ...data });
      const escalateTo = enterprise.record.regionCode === city.code ? { role: 'CITY_AUTHORITY', regionCode: city.code } : { role: 'DISTRICT_AUTHORITY', regionCode: enterprise.record.regionCode };
      yield follow(party.stewardActor, R, 'OpenFollowUp', {
        deliveryId,
        causeRevision,
        cause: 'POOR_RATING',
        detail: '方案过于笼统',
        rating: 2,
        server: party.server,
        enterprise: enterprise.record,
        steward: party.steward,
        escalateTo,
        openedOn: R,
        workingDays: 5,
        dueOn: wd(R, 5),
      }, '11:05');
      yield follow(party.stewardActor, wd(R, 1), 'RecordFollowUpContact', { channel: 'PHONE', contactedOn: wd(R, 1), note: '电话联系企业负责人，了解不满意的具体原因' });
      yield follow(party.actor, wd(R, 1), 'RecordRectificationPlan', { plan: '三个工作日内补充完善服务方案' }, '15:00');
      yield follow(party.actor, wd(R, 3), 'RecordRectification', { rectification: '已补充完善服务方案并上门讲解', rectifiedOn: wd(R, 3) }, '16:00');
      yield follow(enterprise.actor, wd(R, 4), 'ConfirmFollowUpSettled', { rating: 4, comment: '整改后问题已解决' });
      yield visit(wd(R, 5), 4);
      yield act(party.stewardActor, wd(R, 7), 'ArchiveDelivery', { followUps: [{ causeRevision, status: 'CLOSED' }] }, '14:00');
      return;
    }
    const rating = 3 + Math.floor(random() * 3);
    let rateDay: string;
    if (r < 0.28) {
      yield act(party.stewardActor, cal(D, 8), 'ConfirmDeliveryAutomatically', {}, '02:00');
      rateDay = cal(D, 10);
    } else {
      yield act(enterprise.actor, cal(D, 1), 'ConfirmDelivery', {});
      rateDay = cal(D, 2);
    }
    yield act(enterprise.actor, rateDay, 'RateDelivery', { feedback: { rating, comment: rating >= 4 ? '服务专业，成效明显' : '基本满意' } }, '11:00');
    if (sampled) yield visit(wd(rateDay, 2), Math.max(rating, 4));
    yield act(party.stewardActor, wd(rateDay, 5), 'ArchiveDelivery', { followUps: [] }, '14:00');
  }

  function* activityStory(): Story {
    const city = cityAt();
    const party = serverIn(city, 0.7);
    const activityId = randomUUID();
    const S = serviceDay();
    const organiser = { ...(party.server as object), kind: party.station ? 'STATION' : 'PROVIDER' };
    const capacity = 30;
    const registered = 20 + Math.floor(random() * 11);
    const pool = enterprises.get(city.code)!;
    const start = Math.floor(random() * pool.length);
    const who = Array.from({ length: Math.min(registered, pool.length) }, (_, k) => pool[(start + k * 7) % pool.length]).filter((e, k, all) => all.indexOf(e) === k);
    const act = (actor: Actor, at: string, type: string, data: object) => step(activityKind, activityId, actor, at, type, { activityId, ...data });
    written.activities += 1;
    yield act(party.actor, time(cal(S, -14), '09:00'), 'PlanActivity', {
      organiser,
      steward: party.steward,
      title: '中小企业政策宣贯与服务对接会',
      kind: pick(['SALON', 'TRAINING', 'POLICY_BRIEFING', 'MATCHMAKING', 'LECTURE'] as const),
      theme: '惠企政策与融资服务',
      time: { date: S, startTime: '14:30', endTime: '17:00' },
      mode: 'OFFLINE',
      venue: `${city.nameZh}某大厦会议室`,
      capacity,
      fee: { kind: 'FREE', amountFen: 0 },
      regionCode: party.station ? (party.server as { regionCode: string }).regionCode : placeIn(city, 0),
      facts: { organiserMayOrganise: true },
    });
    for (const [k, e] of who.entries()) {
      yield act(k % 2 === 0 ? e.actor : party.actor, time(cal(S, -10 + Math.floor((k * 8) / who.length)), '10:00'), 'RegisterForActivity', { enterprise: e.record });
    }
    const present = who.filter(() => random() < 0.85);
    written.activityVisits += present.length;
    yield act(party.actor, time(S, '18:00'), 'HoldActivity', {
      enterpriseIdsPresent: present.map((e) => e.record.enterpriseId),
      personsPresent: present.length + Math.floor(present.length / 2),
      materials: [{ title: '签到表', sha256: sha(`${activityId}-sign-in`) }],
      feedbackWindowDays: 30,
    });
    for (const [k, e] of present.entries()) {
      if (k % 2 === 1) continue;
      const rating = 3 + Math.floor(random() * 3);
      yield act(e.actor, time(cal(S, 1 + Math.floor((k * 5) / present.length)), '10:00'), 'RateActivity', { feedback: { rating, comment: rating >= 4 ? '内容实用' : '基本满意' } });
    }
  }

  const activities = Math.max(1, Math.round(counts.activityVisits / 21.25));
  const units = counts.deliveries + activities;
  function* stories(): Generator<Story> {
    for (let j = 0; j < units; j += 1) {
      const activity = Math.floor(((j + 1) * activities) / units) > Math.floor((j * activities) / units);
      yield activity ? activityStory() : deliveryStory();
    }
  }

  const checkpoints: Checkpoint[] = [];
  await phase('service year: deliveries, follow-ups, activities', async () => {
    const base = runner.events;
    const started = performance.now();
    let next = options.every;
    checkpoints.push({ events: 0, ms: 0, rss: process.memoryUsage.rss() });
    const source = stories();
    const open: { story: Story; step: Step }[] = [];
    const take = (): boolean => {
      for (;;) {
        const n = source.next();
        if (n.done) return false;
        const first = n.value.next();
        if (!first.done) {
          open.push({ story: n.value, step: first.value });
          return true;
        }
      }
    };
    while (open.length < options.window && take());
    let i = 0;
    while (open.length > 0) {
      if (i >= open.length) i = 0;
      const slot = open[i];
      const result = await run(slot.step);
      const n = slot.story.next(result);
      if (n.done) {
        open[i] = open[open.length - 1];
        open.pop();
        take();
      } else {
        slot.step = n.value;
        i += 1;
      }
      const events = runner.events - base;
      if (events >= next) {
        checkpoints.push({ events, ms: performance.now() - started, rss: process.memoryUsage.rss() });
        next += options.every;
      }
    }
    const events = runner.events - base;
    if (checkpoints[checkpoints.length - 1].events < events) checkpoints.push({ events, ms: performance.now() - started, rss: process.memoryUsage.rss() });
  });

  return { phases, checkpoints, stationIds: stations.map((s) => s.stationId), written: { ...written, enterprises: counts.enterprises, providers: counts.providers, stations: stations.length } };
}

/** A city's call with `count` applications, each taken to designation: the stations it designates. */
async function designateStations(run: (s: Step) => Promise<HandleCommandResult<unknown>>, city: BenchCity, count: number, c: number): Promise<Station[]> {
  if (count === 0) return [];
  const CITY = cityAuthority(city);
  const HUB = hubOf(city);
  const day = (md: string, i = 0) => `${CALL_YEAR}-${md}T10:${String(i % 60).padStart(2, '0')}:00+08:00`;

  // The city's panel experts, registered by its hub and admitted by its authority.
  const experts: Actor[] = [1, 2, 3].map((n) => ({ id: `expert-${city.code}-${n}`, role: 'EXPERT', orgId: `EXPERT-ORG-${city.code}-${n}`, regionCode: city.code }));
  const registry = new Map<string, ExpertState>();
  for (const expert of experts) {
    const data = { expertId: expert.id, name: expert.id, specialties: [{ domain: 'MANAGEMENT_CONSULTING' }], organisation: { id: expert.orgId, name: `${expert.orgId} 单位` }, regionCode: city.code, title: '高级经济师' };
    await run(step(expertKind, expert.id, HUB, day('01-02'), 'RegisterExpert', data));
    const admitted = await run(step(expertKind, expert.id, CITY, day('01-03'), 'AdmitExpert', { expertId: expert.id, opinion: '同意入库' }));
    registry.set(expert.id, admitted.state as ExpertState);
  }

  const callId = randomUUID();
  const callState = (
    await run(
      step(callKind, callId, CITY, day('05-24'), 'OpenCall', {
        callId,
        title: `${city.nameZh}中小企业服务站征集（${CALL_YEAR}年）`,
        documentNumber: `${city.abbr}工信函〔${CALL_YEAR}〕${1100 + c}号`,
        cityCode: city.code,
        registrationCutoff: `${CALL_YEAR - 1}-01-01`,
        districtDeadline: `${CALL_YEAR}-06-18T17:00:00+08:00`,
        cityDeadline: `${CALL_YEAR}-06-21T00:00:00+08:00`,
        targetStationCount: count,
      }),
    )
  ).state as CallState;
  const call = toCallSnapshot(callState as Exclude<CallState, { status: 'NONE' }>);

  const approved: Station[] = [];
  const applicationOf = new Map<string, string>();
  for (let i = 0; i < count; i += 1) {
    const districtCode = placeIn(city, i);
    const applicationId = randomUUID();
    const code = uscc(districtCode, 'MC', c * 100_000 + i);
    const operator: Actor = { id: `operator-${code}`, role: 'STATION_OPERATOR', orgId: code, regionCode: districtCode };
    const name = `${city.nameZh}中小企业服务站${i + 1}`;
    const app = (actor: Actor, at: string, type: string, data: object) => run(step(applicationKind, applicationId, actor, at, type, { applicationId, ...data }));
    await app(operator, day('06-03', i), 'CreateApplication', { call, form: sampleApplicationForm(i, CALL_YEAR, districtCode, code, { operator: `${name}运营主体`, station: name, address: '示例路1号', materialSeed: code }) });
    await app(operator, day('06-10', i), 'SubmitApplication', { call });
    await app(districtAuthority(districtCode), day('06-19', i), 'ReviewByDistrict', { call, passed: true, opinion: '同意' });
    await app(HUB, day('07-01', i), 'FormExpertPanel', { experts: experts.map((e) => panelCandidateOf(e.id, registry.get(e.id)!, day('07-01', i))) });
    for (const [k, expert] of experts.entries()) await app(expert, day(`07-0${2 + k}`, i), 'ScoreApplication', { score: 80 + ((i + k) % 15), opinion: '评审意见' });
    await app(HUB, day('07-20', i), 'IssueRecommendation', { recommended: true, opinion: '推荐' });
    await app(CITY, day('08-15', i), 'DecideApplication', { approved: true, opinion: '审定通过' });
    const stationId = randomUUID();
    applicationOf.set(stationId, applicationId);
    approved.push({ stationId, city, districtCode, name, operator });
  }
  await run(step(callKind, callId, CITY, day('08-30'), 'CloseCall', { callId }));
  const published = (
    await run(
      step(callKind, callId, CITY, day('09-10'), 'PublishList', {
        callId,
        entries: approved.map((s) => ({ applicationId: applicationOf.get(s.stationId)!, stationId: s.stationId, districtCode: s.districtCode, stationName: s.name })),
      }),
    )
  ).state as Extract<CallState, { status: 'PUBLISHED' }>;
  for (const entry of published.entries) {
    const s = approved.find((x) => x.stationId === entry.stationId)!;
    const applicationId = applicationOf.get(s.stationId)!;
    await run(step(applicationKind, applicationId, CITY, day('09-10'), 'MarkDesignated', { applicationId, stationId: s.stationId, plaqueNumber: entry.plaqueNumber }));
    await run(
      step(stationKind, s.stationId, CITY, day('09-10'), 'DesignateStation', {
        stationId: s.stationId,
        applicationId,
        callId,
        plaqueNumber: entry.plaqueNumber,
        name: s.name,
        districtCode: s.districtCode,
        cityCode: city.code,
        address: `${city.nameZh}示例路1号`,
        operator: { name: `${s.name}运营主体`, uscc: s.operator.orgId },
        ownerOrgId: s.operator.orgId,
      }),
    );
    await run(step(stationKind, s.stationId, s.operator, day('09-20'), 'SignCovenant', { stationId: s.stationId, covenantVersion: `${city.abbr}${CALL_YEAR}版` }));
  }
  return approved;
}


