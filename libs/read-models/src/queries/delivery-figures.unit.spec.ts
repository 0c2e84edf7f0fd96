import { deliveriesProjection, followUpsProjection } from '../projections';
import { deliveryView, followUpView } from '../testing/delivery-views';
import { readStoreWith } from '../testing/read-store';
import { e1, e2, e3, GZ, providerA, providerB } from '../testing/serving-parties';
import { computeDeliveryFigures, deliveryFigures, type DeliveryFigures } from './delivery-list';

const FREE = { kind: 'FREE' as const, amountFen: 0 };
const LOW = { kind: 'LOW_FEE' as const, amountFen: 50000 };
const MARKET = { kind: 'MARKET' as const, amountFen: 800000 };
const MARCH = { from: '2026-03-01', until: '2026-03-31' };

/**
 * March 2026: five deliveries by two providers to three enterprises. A: d1 (e1, market price, rated 5,
 * visited), d2 (e2, free, rated 4), d5 (e3, low fee, not rated). B: d3 (e1, free, rated 2: a follow-up
 * closed on time), d4 (e3, low fee, rated 4 then amended to 1: a follow-up closed late). Outside the
 * figures: d6 delivered in April with its open follow-up, d7 cancelled, d8 still in progress.
 */
const deliveries = [
  deliveryView('d1', { server: providerA, enterprise: e1, fee: MARKET, deliveredOn: '2026-03-01', ratings: [5], visited: true }),
  deliveryView('d2', { server: providerA, enterprise: e2, fee: FREE, deliveredOn: '2026-03-10', ratings: [4] }),
  deliveryView('d3', { server: providerB, enterprise: e1, fee: FREE, deliveredOn: '2026-03-12', ratings: [2] }),
  deliveryView('d4', { server: providerB, enterprise: e3, fee: LOW, deliveredOn: '2026-03-20', ratings: [4, 1] }),
  deliveryView('d5', { server: providerA, enterprise: e3, fee: LOW, deliveredOn: '2026-03-31' }),
  deliveryView('d6', { server: providerB, enterprise: e2, fee: FREE, deliveredOn: '2026-04-01', ratings: [1] }),
  deliveryView('d7', { server: providerA, enterprise: e2, fee: FREE, cancelled: true }),
  deliveryView('d8', { server: providerB, enterprise: e3, fee: MARKET }),
];
const followUps = [
  followUpView('f1', { deliveryId: 'd3', server: providerB, enterprise: e1, openedOn: '2026-04-01', dueOn: '2026-04-09', closedOn: '2026-04-08' }),
  followUpView('f2', { deliveryId: 'd4', server: providerB, enterprise: e3, openedOn: '2026-04-01', dueOn: '2026-04-09', closedOn: '2026-04-13' }),
  followUpView('f3', { deliveryId: 'd6', server: providerB, enterprise: e2, openedOn: '2026-04-02', dueOn: '2026-04-10' }),
];

const ALL: DeliveryFigures = {
  deliveries: 5,
  enterpriseVisits: 5,
  distinctEnterprises: 3,
  ratings: 4,
  averageRating: 3, // (5 + 4 + 2 + 1) / 4
  poorRatings: 2,
  followUps: 2,
  followUpsClosedOnTime: 1,
  followUpOnTimeRate: 0.5,
  returnVisits: 1,
  returnVisitRate: 0.2,
  freeDeliveries: 2,
  freeShare: 0.4,
};
const OF_A: DeliveryFigures = {
  deliveries: 3,
  enterpriseVisits: 3,
  distinctEnterprises: 3,
  ratings: 2,
  averageRating: 4.5,
  poorRatings: 0,
  followUps: 0,
  followUpsClosedOnTime: 0,
  followUpOnTimeRate: null,
  returnVisits: 1,
  returnVisitRate: 0.3333,
  freeDeliveries: 1,
  freeShare: 0.3333,
};
const OF_B: DeliveryFigures = {
  deliveries: 2,
  enterpriseVisits: 2,
  distinctEnterprises: 2,
  ratings: 2,
  averageRating: 1.5, // 2 and the amended 1
  poorRatings: 2,
  followUps: 2,
  followUpsClosedOnTime: 1,
  followUpOnTimeRate: 0.5,
  returnVisits: 0,
  returnVisitRate: 0,
  freeDeliveries: 1,
  freeShare: 0.5,
};

describe('computeDeliveryFigures', () => {
  it('counts what was delivered in the period, both ends included, with the follow-ups of those deliveries only', () => {
    expect(computeDeliveryFigures(deliveries, followUps, MARCH)).toStrictEqual(ALL);
  });

  it('per provider: rates to 4 decimals, null where nothing divides', () => {
    expect(computeDeliveryFigures(deliveries.filter((d) => d.server.id === 'provider-a'), followUps, MARCH)).toStrictEqual(OF_A);
    expect(computeDeliveryFigures(deliveries.filter((d) => d.server.id === 'provider-b'), followUps, MARCH)).toStrictEqual(OF_B);
  });

  it('the amended rating counts in the average; the 差评 given first still counts as one', () => {
    const amendedUp = deliveryView('d9', { server: providerA, enterprise: e1, fee: FREE, deliveredOn: '2026-03-15', ratings: [2, 5] });
    const rated3 = deliveryView('d10', { server: providerA, enterprise: e2, fee: FREE, deliveredOn: '2026-03-15', ratings: [3] });
    const rated4 = deliveryView('d11', { server: providerA, enterprise: e3, fee: FREE, deliveredOn: '2026-03-15', ratings: [4] });
    expect(computeDeliveryFigures([amendedUp, rated3, rated4], [], MARCH)).toMatchObject({ ratings: 3, averageRating: 4, poorRatings: 1, freeShare: 1 });
    expect(computeDeliveryFigures([rated3, rated4, deliveryView('d12', { deliveredOn: '2026-03-15', ratings: [4] })], [], MARCH).averageRating).toBe(3.67);
  });

  it('nothing delivered: zeros, and null for every rate and the average', () => {
    expect(computeDeliveryFigures(deliveries, followUps, { from: '2026-05-01', until: '2026-05-31' })).toStrictEqual({
      deliveries: 0,
      enterpriseVisits: 0,
      distinctEnterprises: 0,
      ratings: 0,
      averageRating: null,
      poorRatings: 0,
      followUps: 0,
      followUpsClosedOnTime: 0,
      followUpOnTimeRate: null,
      returnVisits: 0,
      returnVisitRate: null,
      freeDeliveries: 0,
      freeShare: null,
    });
  });
});

describe('deliveryFigures (embedded store)', () => {
  let store: Awaited<ReturnType<typeof readStoreWith>>;
  beforeAll(async () => {
    store = await readStoreWith([
      [deliveriesProjection, deliveries],
      [followUpsProjection, followUps],
    ]);
  });
  afterAll(() => store.close());

  it('reads both collections for the period', async () => {
    expect(await deliveryFigures(store.reader, MARCH)).toStrictEqual(ALL);
  });

  it('per serving organisation, by its org id, its record id or its kind', async () => {
    expect(await deliveryFigures(store.reader, { ...MARCH, serverOrgId: providerA.orgId })).toStrictEqual(OF_A);
    expect(await deliveryFigures(store.reader, { ...MARCH, serverId: 'provider-b' })).toStrictEqual(OF_B);
    expect(await deliveryFigures(store.reader, { ...MARCH, serverKind: 'STATION' })).toMatchObject({ deliveries: 0, averageRating: null });
    expect(await deliveryFigures(store.reader, { ...MARCH, serverKind: 'PROVIDER' })).toStrictEqual(ALL);
  });

  it('within a region: a city holds its districts', async () => {
    expect(await deliveryFigures(store.reader, { ...MARCH, regionCode: GZ })).toStrictEqual(ALL);
    expect(await deliveryFigures(store.reader, { ...MARCH, regionCode: '440300' })).toMatchObject({ deliveries: 0 });
  });

  it('a period that is not two dates is refused', async () => {
    await expect(deliveryFigures(store.reader, { from: '2026-03', until: '2026-03-31' })).rejects.toThrow(RangeError);
  });
});
