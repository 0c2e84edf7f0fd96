import { followUpsProjection } from '../projections';
import { followUpView } from '../testing/delivery-views';
import { readStoreWith } from '../testing/read-store';
import { e1, e2, e3, e4, GZ, providerA, shenzhen, station, SZ } from '../testing/serving-parties';
import { followUpsOfDelivery, listFollowUps, openFollowUpsDueBefore, type FollowUpListFilter } from './follow-up-list';

/**
 * Five follow-ups opened a day apart: f1 (a 差评 on a1, open), f2 (a complaint on a1, escalated, open),
 * f3 (a dispute on a2, closed on time), f4 (in Shenzhen, open), f5 (a station's, the hub its steward, open).
 */
const followUps = [
  followUpView('f1', { deliveryId: 'a1', server: providerA, enterprise: e1, openedOn: '2026-03-02', dueOn: '2026-03-09' }),
  followUpView('f2', { deliveryId: 'a1', cause: 'COMPLAINT', server: providerA, enterprise: e1, openedOn: '2026-03-03', dueOn: '2026-03-10', escalated: true }),
  followUpView('f3', { deliveryId: 'a2', cause: 'DISPUTE', server: providerA, enterprise: e2, openedOn: '2026-03-04', dueOn: '2026-03-11', closedOn: '2026-03-10' }),
  followUpView('f4', { deliveryId: 'a7', server: shenzhen, enterprise: e4, steward: { role: 'CITY_AUTHORITY', regionCode: SZ }, openedOn: '2026-03-05', dueOn: '2026-03-12' }),
  followUpView('f5', { deliveryId: 'a3', server: station, enterprise: e3, steward: { role: 'HUB', regionCode: GZ }, openedOn: '2026-03-06', dueOn: '2026-03-16' }),
];

describe('follow-up queries (embedded store)', () => {
  let store: Awaited<ReturnType<typeof readStoreWith>>;
  beforeAll(async () => {
    store = await readStoreWith([[followUpsProjection, followUps]]);
  });
  afterAll(() => store.close());

  /** The ids listed, soonest due first unless sorted otherwise. */
  const ids = async (filter: FollowUpListFilter, sort?: string) => (await listFollowUps(store.reader, filter, sort, { limit: 200 })).items.map((f) => f.id);

  it('no filter: all of them, soonest due first', async () => {
    const page = await listFollowUps(store.reader, {}, undefined, {});
    expect(page.items.map((f) => f.id)).toEqual(['f1', 'f2', 'f3', 'f4', 'f5']);
    expect(page).toMatchObject({ total: 5, nextCursor: null });
  });

  it('by status, delivery, cause and escalation', async () => {
    expect(await ids({ status: 'OPEN' })).toEqual(['f1', 'f2', 'f4', 'f5']);
    expect(await ids({ status: 'CLOSED' })).toEqual(['f3']);
    expect(await ids({ deliveryId: 'a1' })).toEqual(['f1', 'f2']);
    expect(await ids({ cause: 'COMPLAINT' })).toEqual(['f2']);
    expect(await ids({ escalated: true })).toEqual(['f2']);
    expect(await ids({ escalated: false })).toEqual(['f1', 'f3', 'f4', 'f5']);
  });

  it('overdue on a day (open, due before it) and due by a day (open, due on or before it)', async () => {
    expect(await ids({ overdueOn: '2026-03-12' })).toEqual(['f1', 'f2']);
    expect(await ids({ dueBy: '2026-03-12' })).toEqual(['f1', 'f2', 'f4']);
    expect(await ids({ overdueOn: '2026-03-09' })).toEqual([]);
  });

  it('by the steward', async () => {
    expect(await ids({ stewardRole: 'HUB' })).toEqual(['f5']);
    expect(await ids({ stewardRole: 'CITY_AUTHORITY', stewardRegionCode: GZ })).toEqual(['f1', 'f2', 'f3']);
    expect(await ids({ stewardRegionCode: SZ })).toEqual(['f4']);
  });

  it('where the enterprise is: a district itself, a city its districts, a province its cities', async () => {
    expect(await ids({ regionCode: '440106' })).toEqual(['f1', 'f2', 'f3']);
    expect(await ids({ regionCode: GZ })).toEqual(['f1', 'f2', 'f3', 'f5']);
    expect(await ids({ regionCode: SZ })).toEqual(['f4']);
    expect(await ids({ regionCode: '440000' })).toEqual(['f1', 'f2', 'f3', 'f4', 'f5']);
  });

  it('by the enterprise’s USCC and the serving organisation', async () => {
    expect(await ids({ enterpriseUscc: e3.uscc })).toEqual(['f5']);
    expect(await ids({ serverOrgId: providerA.orgId })).toEqual(['f1', 'f2', 'f3']);
  });

  it('sorted by opening or by the last change; paged by cursor', async () => {
    expect(await ids({}, '-openedAt')).toEqual(['f5', 'f4', 'f3', 'f2', 'f1']);
    // f2's last change is its escalation, on the evening of 10 March; f3's its closing that morning.
    expect(await ids({}, 'updatedAt')).toEqual(['f1', 'f4', 'f5', 'f3', 'f2']);
    const first = await listFollowUps(store.reader, {}, 'dueOn', { limit: 3 });
    const second = await listFollowUps(store.reader, {}, 'dueOn', { limit: 3, cursor: first.nextCursor! });
    expect([first.items.map((f) => f.id), second.items.map((f) => f.id), second.nextCursor, second.total]).toEqual([['f1', 'f2', 'f3'], ['f4', 'f5'], null, 5]);
    await expect(listFollowUps(store.reader, {}, 'cause', {})).rejects.toThrow(RangeError);
  });

  it('openFollowUpsDueBefore: open, not escalated yet, due before the day; oldest due first', async () => {
    const on = async (today: string) => (await openFollowUpsDueBefore(store.reader, today)).map((f) => f.id);
    expect(await on('2026-03-09')).toEqual([]);
    expect(await on('2026-03-10')).toEqual(['f1']);
    expect(await on('2026-03-13')).toEqual(['f1', 'f4']);
    expect(await on('2026-12-31')).toEqual(['f1', 'f4', 'f5']);
  });

  it('followUpsOfDelivery: in the order they were opened', async () => {
    expect((await followUpsOfDelivery(store.reader, 'a1')).map((f) => f.id)).toEqual(['f1', 'f2']);
    expect(await followUpsOfDelivery(store.reader, 'a9')).toEqual([]);
  });
});
