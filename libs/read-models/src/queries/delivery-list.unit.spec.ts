import { deliveriesProjection } from '../projections';
import { deliveryView } from '../testing/delivery-views';
import { readStoreWith } from '../testing/read-store';
import { e1, e2, e3, e4, GZ, providerA, providerB, shenzhen, station, SZ } from '../testing/serving-parties';
import { deliveriesConfirmableOn, listDeliveries, type DeliveryListFilter } from './delivery-list';

/**
 * Seven deliveries, registered in this order: a5 (late on 28 February in China, cancelled), a4 (just after
 * midnight of 1 March in China, only registered), a1 (sampled, delivered 5 March), a2 (a 差评), a3 (a
 * station's, in Haizhu, visited), a6 (delivered in April, archived without a 回访), a7 (in Shenzhen).
 */
const deliveries = [
  deliveryView('a1', {
    server: providerA,
    enterprise: e1,
    registeredAt: '2026-03-01T01:00:00.000Z',
    deliveredOn: '2026-03-05',
    confirmableAutomaticallyFrom: '2026-03-12',
    returnVisitSampled: true,
  }),
  deliveryView('a2', { server: providerA, enterprise: e2, registeredAt: '2026-03-02T01:00:00.000Z', deliveredOn: '2026-03-10', confirmableAutomaticallyFrom: '2026-03-17', ratings: [2] }),
  deliveryView('a3', {
    server: station,
    steward: { role: 'HUB', regionCode: GZ },
    enterprise: e3,
    regionCode: '440105',
    registeredAt: '2026-03-03T01:00:00.000Z',
    deliveredOn: '2026-03-20',
    confirmableAutomaticallyFrom: '2026-03-27',
    returnVisitSampled: true,
    visited: true,
  }),
  deliveryView('a4', { server: providerB, enterprise: e1, registeredAt: '2026-02-28T16:30:00.000Z' }),
  deliveryView('a5', { server: providerA, enterprise: e2, registeredAt: '2026-02-28T15:59:59.000Z', cancelled: true }),
  deliveryView('a6', {
    server: providerA,
    enterprise: e3,
    title: '企业数字化转型诊断',
    registeredAt: '2026-03-04T01:00:00.000Z',
    deliveredOn: '2026-04-01',
    returnVisitSampled: true,
    archived: true,
  }),
  deliveryView('a7', {
    server: shenzhen,
    steward: { role: 'CITY_AUTHORITY', regionCode: SZ },
    enterprise: e4,
    domain: 'LEGAL',
    regionCode: '440305',
    registeredAt: '2026-03-05T01:00:00.000Z',
    deliveredOn: '2026-03-15',
  }),
];

describe('delivery queries (embedded store)', () => {
  let store: Awaited<ReturnType<typeof readStoreWith>>;
  beforeAll(async () => {
    store = await readStoreWith([[deliveriesProjection, deliveries]]);
  });
  afterAll(() => store.close());

  /** The ids listed, oldest registered first unless sorted otherwise. */
  const ids = async (filter: DeliveryListFilter, sort = 'registeredAt') => (await listDeliveries(store.reader, filter, sort, { limit: 200 })).items.map((d) => d.id);

  it('no filter: all of them, newest registered first by default', async () => {
    const page = await listDeliveries(store.reader, {}, undefined, {});
    expect(page.items.map((d) => d.id)).toEqual(['a7', 'a6', 'a3', 'a2', 'a1', 'a4', 'a5']);
    expect(page).toMatchObject({ total: 7, nextCursor: null });
  });

  it('by status and domain', async () => {
    expect(await ids({ status: 'DELIVERED' })).toEqual(['a1', 'a2', 'a3', 'a7']);
    expect(await ids({ status: 'CANCELLED' })).toEqual(['a5']);
    expect(await ids({ status: 'ARCHIVED' })).toEqual(['a6']);
    expect(await ids({ domain: 'LEGAL' })).toEqual(['a7']);
  });

  it('by the enterprise, by its id or its USCC', async () => {
    expect(await ids({ enterpriseId: 'enterprise-1' })).toEqual(['a4', 'a1']);
    expect(await ids({ enterpriseUscc: e3.uscc })).toEqual(['a3', 'a6']);
  });

  it('by the serving organisation: its kind, record id or org id', async () => {
    expect(await ids({ serverKind: 'STATION' })).toEqual(['a3']);
    expect(await ids({ serverId: 'provider-b' })).toEqual(['a4']);
    expect(await ids({ serverOrgId: providerA.orgId })).toEqual(['a5', 'a1', 'a2', 'a6']);
  });

  it('where it was delivered: a district itself, a city its districts, a province its cities', async () => {
    expect(await ids({ regionCode: '440106' })).toEqual(['a5', 'a4', 'a1', 'a2', 'a6']);
    expect(await ids({ regionCode: GZ })).toEqual(['a5', 'a4', 'a1', 'a2', 'a3', 'a6']);
    expect(await ids({ regionCode: SZ })).toEqual(['a7']);
    expect(await ids({ regionCode: '440000' })).toEqual(['a5', 'a4', 'a1', 'a2', 'a3', 'a6', 'a7']);
  });

  it('by the steward', async () => {
    expect(await ids({ stewardRole: 'HUB' })).toEqual(['a3']);
    expect(await ids({ stewardRole: 'CITY_AUTHORITY', stewardRegionCode: GZ })).toEqual(['a5', 'a4', 'a1', 'a2', 'a6']);
    expect(await ids({ stewardRegionCode: SZ })).toEqual(['a7']);
  });

  it('in a period: the day delivered, or the day in China it was registered when not delivered; both ends included', async () => {
    expect(await ids({ from: '2026-03-01', until: '2026-03-31' })).toEqual(['a4', 'a1', 'a2', 'a3', 'a7']);
    expect(await ids({ from: '2026-03-05', until: '2026-03-05' })).toEqual(['a1']);
    expect(await ids({ from: '2026-04-01' })).toEqual(['a6']);
    expect(await ids({ until: '2026-02-28' })).toEqual(['a5']);
  });

  it('a period that is not a date is refused', async () => {
    await expect(listDeliveries(store.reader, { from: '1 March' }, undefined, {})).rejects.toThrow(RangeError);
  });

  it('回访 due: required (sampled or a 差评) and not done, neither cancelled nor archived; false lists the others', async () => {
    expect(await ids({ returnVisitDue: true })).toEqual(['a1', 'a2']);
    expect(await ids({ returnVisitDue: false })).toEqual(['a5', 'a4', 'a3', 'a6', 'a7']);
  });

  it('text in the title, the description, the enterprise’s or the serving organisation’s name', async () => {
    expect(await ids({ q: '数字化' })).toEqual(['a6']);
    expect(await ids({ q: '企业3' })).toEqual(['a3', 'a6']);
    expect(await ids({ q: '丙知识' })).toEqual(['a7']);
    expect(await ids({ q: '银行' })).toHaveLength(7);
    expect(await ids({ q: '.*' })).toEqual([]);
  });

  it('sorted by the day delivered: delivered services only, paged by cursor', async () => {
    expect(await ids({}, '-deliveredOn')).toEqual(['a6', 'a3', 'a7', 'a2', 'a1']);
    const first = await listDeliveries(store.reader, {}, 'deliveredOn', { limit: 2 });
    const second = await listDeliveries(store.reader, {}, 'deliveredOn', { limit: 2, cursor: first.nextCursor! });
    const third = await listDeliveries(store.reader, {}, 'deliveredOn', { limit: 2, cursor: second.nextCursor! });
    expect([first, second, third].map((page) => page.items.map((d) => d.id))).toEqual([['a1', 'a2'], ['a7', 'a3'], ['a6']]);
    expect([first.total, third.nextCursor]).toEqual([5, null]);
  });

  it('sorted by the last change; another sort is refused', async () => {
    expect(await ids({ status: 'DELIVERED' }, 'updatedAt')).toHaveLength(4);
    await expect(listDeliveries(store.reader, {}, 'title', {})).rejects.toThrow(/sort must be one of registeredAt, -registeredAt, deliveredOn/);
  });

  it('deliveriesConfirmableOn: delivered, unconfirmed and undisputed, from their day of automatic confirmation on; oldest first', async () => {
    const on = async (today: string) => (await deliveriesConfirmableOn(store.reader, today)).map((d) => d.id);
    expect(await on('2026-03-11')).toEqual([]);
    expect(await on('2026-03-12')).toEqual(['a1']);
    expect(await on('2026-03-17')).toEqual(['a1', 'a7', 'a2']);
    expect(await on('2026-12-31')).toEqual(['a1', 'a7', 'a2', 'a3']);
  });
});
