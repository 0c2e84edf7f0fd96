import type { ServedEnterprise, ServingOrganisation } from '@sme/domain/delivery/delivery.terms';
import type { ActivityView } from '../activity.projection';
import { activitiesProjection, deliveriesProjection } from '../projections';
import { deliveryView } from '../testing/delivery-views';
import { readStoreWith } from '../testing/read-store';
import type { ThemePlanView } from '../themeplan.projection';
import { computeServiceFigures, computeThemeParticipation, serviceFigures } from './activity-figures';

const GZ = '440100';
const [TIANHE, HAIZHU] = ['440106', '440105'];
const enterprise = (n: number, regionCode = TIANHE): ServedEnterprise => ({ enterpriseId: `enterprise-${n}`, uscc: `uscc-${n}`, name: `企业${n}`, regionCode });
const [e1, e2, e3, e4] = [enterprise(1), enterprise(2), enterprise(3, HAIZHU), enterprise(4, HAIZHU)];
const stationT = { kind: 'STATION' as const, id: 'station-t', orgId: 'org-t', name: '天河站', regionCode: TIANHE };
const stationH = { kind: 'STATION' as const, id: 'station-h', orgId: 'org-h', name: '海珠站', regionCode: HAIZHU };
const hub = { kind: 'HUB' as const, id: 'gz-hub', orgId: 'gz-hub', name: '广州市中小企业服务总站', regionCode: GZ };
const providerP: ServingOrganisation = { kind: 'PROVIDER', id: 'provider-p', orgId: 'org-p', name: '某财税咨询', regionCode: GZ };
const PLAN = 'plan-gz-2026';

/** An activity's view as the figures read it. */
function activity(id: string, story: { organiser: ActivityView['organiser']; regionCode: string; day: string; present?: ServedEnterprise[]; persons?: number; status?: ActivityView['status']; month?: number }): ActivityView {
  const held = (story.status ?? 'HELD') === 'HELD';
  return {
    _id: id,
    _position: 1,
    revision: 1,
    updatedAt: `${story.day}T10:00:00.000Z`,
    id,
    status: story.status ?? 'HELD',
    organiser: story.organiser,
    stationId: story.organiser.kind === 'STATION' ? story.organiser.id : null,
    steward: { role: story.organiser.kind === 'STATION' ? 'HUB' : 'CITY_AUTHORITY', regionCode: GZ },
    coOrganisers: [],
    title: `活动${id}`,
    kind: 'SALON',
    theme: '融资',
    themeMonth: story.month === undefined ? null : { themePlanId: PLAN, year: 2026, month: story.month, theme: story.month === 3 ? 'FINANCING' : 'IP' },
    time: { date: story.day, startTime: '14:00', endTime: '16:00' },
    date: story.day,
    mode: 'OFFLINE',
    venue: '会议室',
    capacity: 50,
    fee: { kind: 'FREE', amountFen: 0 },
    regionCode: story.regionCode,
    cityCode: GZ,
    plannedAt: '2026-02-01T02:00:00.000Z',
    postponements: [],
    cancellation: null,
    registrations: (story.present ?? []).map((e) => ({ enterprise: e, by: 'ENTERPRISE', registeredAt: '2026-02-10T02:00:00.000Z' })),
    registeredUsccs: (story.present ?? []).map((e) => e.uscc),
    heldOn: held ? story.day : null,
    enterprisesPresent: held ? (story.present ?? []) : [],
    personsPresent: held ? (story.persons ?? (story.present ?? []).length) : null,
    materials: [],
    feedbackClosesOn: null,
    feedback: [],
  };
}

/**
 * March 2026 in Guangzhou, by hand:
 * - a1 天河站 (Tianhe), month 3: e1, e2 present, 5 persons → 2 家次
 * - a2 天河站 (Tianhe), month 3: e1 present again, 2 persons → 1 家次 (e1's second)
 * - a3 海珠站 (Haizhu), month 3: e3 present, 1 person → 1 家次
 * - a4 the hub, held in Haizhu, month 4 (in April: outside March) — not counted
 * - a5 天河站, month 3, CANCELLED — not counted; a6 海珠站 PLANNED — not counted
 * - d1 provider P to e1 in Tianhe, delivered 03-05 → 1 家次; d2 天河站 to e4 in Haizhu, delivered 03-20 → 1 家次
 * - d3 provider P to e2, delivered 04-02 — not counted; d4 cancelled — not counted
 * 家次: activities 2 + 1 + 1 = 4, deliveries 2, total 6. 户数: e1, e2, e3, e4 = 4.
 */
const activities = [
  activity('a1', { organiser: stationT, regionCode: TIANHE, day: '2026-03-10', present: [e1, e2], persons: 5, month: 3 }),
  activity('a2', { organiser: stationT, regionCode: TIANHE, day: '2026-03-24', present: [e1], persons: 2, month: 3 }),
  activity('a3', { organiser: stationH, regionCode: HAIZHU, day: '2026-03-17', present: [e3], month: 3 }),
  activity('a4', { organiser: hub, regionCode: HAIZHU, day: '2026-04-08', present: [e1, e3, e4], persons: 6, month: 4 }),
  activity('a5', { organiser: stationT, regionCode: TIANHE, day: '2026-03-28', present: [e2], status: 'CANCELLED', month: 3 }),
  activity('a6', { organiser: stationH, regionCode: HAIZHU, day: '2026-03-30', present: [e4], status: 'PLANNED', month: 3 }),
];
const stationTAsServer: ServingOrganisation = { kind: 'STATION', id: 'station-t', orgId: 'org-t', name: '天河站', regionCode: TIANHE };
const deliveries = [
  deliveryView('d1', { server: providerP, enterprise: e1, regionCode: TIANHE, deliveredOn: '2026-03-05' }),
  deliveryView('d2', { server: stationTAsServer, enterprise: e4, regionCode: HAIZHU, deliveredOn: '2026-03-20' }),
  deliveryView('d3', { server: providerP, enterprise: e2, regionCode: TIANHE, deliveredOn: '2026-04-02' }),
  deliveryView('d4', { server: providerP, enterprise: e3, regionCode: HAIZHU, cancelled: true }),
];
const MARCH = { from: '2026-03-01', until: '2026-03-31' };

describe('service figures: 家次 and 户数 (docs/counting.md)', () => {
  it('in all: 4 activity 家次 + 2 delivery 家次 = 6, over 4 enterprises', () => {
    const { total } = computeServiceFigures(activities, deliveries, MARCH, 'city');
    expect(total).toEqual({ activitiesHeld: 3, personsPresent: 8, deliveries: 2, activityVisits: 4, deliveryVisits: 2, enterpriseVisits: 6, distinctEnterprises: 4 });
  });

  it('per organisation: each counts its own enterprises', () => {
    const { rows } = computeServiceFigures(activities, deliveries, MARCH, 'organiser');
    expect(rows).toEqual([
      // provider P: d1 (e1)
      { key: { kind: 'PROVIDER', id: 'provider-p', name: '某财税咨询' }, activitiesHeld: 0, personsPresent: 0, deliveries: 1, activityVisits: 0, deliveryVisits: 1, enterpriseVisits: 1, distinctEnterprises: 1 },
      // 海珠站: a3 (e3)
      { key: { kind: 'STATION', id: 'station-h', name: '海珠站' }, activitiesHeld: 1, personsPresent: 1, deliveries: 0, activityVisits: 1, deliveryVisits: 0, enterpriseVisits: 1, distinctEnterprises: 1 },
      // 天河站: a1 (e1, e2), a2 (e1), d2 (e4) → 3 + 1 家次, e1 e2 e4
      { key: { kind: 'STATION', id: 'station-t', name: '天河站' }, activitiesHeld: 2, personsPresent: 7, deliveries: 1, activityVisits: 3, deliveryVisits: 1, enterpriseVisits: 4, distinctEnterprises: 3 },
    ]);
  });

  it('per district: where the activity was held or the service delivered', () => {
    const { rows } = computeServiceFigures(activities, deliveries, MARCH, 'district');
    expect(rows).toEqual([
      // 海珠: a3 (e3), d2 (e4)
      { key: { regionCode: HAIZHU }, activitiesHeld: 1, personsPresent: 1, deliveries: 1, activityVisits: 1, deliveryVisits: 1, enterpriseVisits: 2, distinctEnterprises: 2 },
      // 天河: a1, a2 (e1, e2, e1), d1 (e1)
      { key: { regionCode: TIANHE }, activitiesHeld: 2, personsPresent: 7, deliveries: 1, activityVisits: 3, deliveryVisits: 1, enterpriseVisits: 4, distinctEnterprises: 2 },
    ]);
  });

  it('read from the projections, filtered to one station and a district', async () => {
    const store = await readStoreWith([
      [activitiesProjection, activities],
      [deliveriesProjection, deliveries],
    ]);
    try {
      const all = await serviceFigures(store.reader, { ...MARCH, by: 'city' });
      expect(all.rows).toEqual([{ key: { regionCode: GZ }, ...all.total }]);
      expect(all.total.enterpriseVisits).toBe(6);
      const station = await serviceFigures(store.reader, { ...MARCH, by: 'organiser', organiserKind: 'STATION', organiserId: 'station-t' });
      expect(station.total).toMatchObject({ activityVisits: 3, deliveryVisits: 1, enterpriseVisits: 4, distinctEnterprises: 3 });
      const haizhu = await serviceFigures(store.reader, { ...MARCH, by: 'district', regionCode: HAIZHU });
      expect(haizhu.total).toMatchObject({ enterpriseVisits: 2, distinctEnterprises: 2 });
    } finally {
      await store.close();
    }
  });
});

describe('theme-month participation', () => {
  const plan: ThemePlanView = {
    _id: PLAN,
    _position: 1,
    revision: 0,
    updatedAt: '2025-12-20T02:00:00.000Z',
    id: PLAN,
    cityCode: GZ,
    year: 2026,
    months: [{ month: 3, theme: 'FINANCING', title: '融资服务月' }, { month: 4, theme: 'IP' }],
    adoptedAt: '2025-12-20T02:00:00.000Z',
    revisions: [],
  };

  it('per month the linked activities and 家次, and each station’s months', () => {
    expect(computeThemeParticipation(plan, activities)).toEqual({
      themePlanId: PLAN,
      cityCode: GZ,
      year: 2026,
      months: [
        // March: a1, a2, a3 held, a6 planned (a5 cancelled is not counted)
        { month: 3, theme: 'FINANCING', title: '融资服务月', activities: 4, activitiesHeld: 3, enterpriseVisits: 4, stations: [{ stationId: 'station-t', name: '天河站', activitiesHeld: 2 }, { stationId: 'station-h', name: '海珠站', activitiesHeld: 1 }] },
        // April: the hub's a4 — no station took part
        { month: 4, theme: 'IP', title: null, activities: 1, activitiesHeld: 1, enterpriseVisits: 3, stations: [] },
      ],
      stations: [
        { stationId: 'station-t', name: '天河站', months: [3], activitiesHeld: 2 },
        { stationId: 'station-h', name: '海珠站', months: [3], activitiesHeld: 1 },
      ],
    });
  });
});
