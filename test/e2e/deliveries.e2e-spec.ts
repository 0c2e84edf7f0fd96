import { deliveryKind, type Actor } from '@sme/domain';
import { EVENT_STORE, type EventStore } from '@sme/event-store';
import { followUpIdFor } from '../../apps/api/src/deliveries/delivery.commands';
import { deliveryBody, entryApplication, handoverBody, providerUser } from './support/library-bodies';
import { admin, registerEnterprise, self } from './support/policies-demands';
import { okBody } from './support/refusals';
import { useSpecApp } from './support/spec-app';
import { actors, designatedStations, operator } from './support/station-lifecycle';

const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;

/**
 * 服务跟踪 over HTTP: a provider's delivery to an enterprise in February 2026, a 差评 whose follow-up runs
 * across 春节 on the working-day calendar, 回访 and 归档 — and the refusals that write nothing.
 */
describe('service deliveries (服务项目跟踪)', () => {
  const { app, c, refused } = useSpecApp();
  const steward = actors.city;
  let provider: { id: string; user: Actor };
  let enterprise: { id: string; uscc: string; self: Actor };
  let other: Actor;
  let activeStationId: string;
  let archivedDeliveryId: string;

  beforeAll(async () => {
    const user = providerUser(611);
    const { id } = okBody(await c.post(user, '/providers/entry-applications', { ...entryApplication(611), occurredAt: at('2026-01-05') }));
    okBody(await c.post(actors.hub, `/providers/${id}/entry-decision`, { admitted: true, opinion: '同意入库', occurredAt: at('2026-01-06') }));
    provider = { id, user };
    const registered = await registerEnterprise(c, 612);
    enterprise = { ...registered, self: self(registered.uscc) };
    other = self((await registerEnterprise(c, 613)).uscc);
  });

  const post = (actor: Actor, path: string, body: object, date: string) => c.post(actor, path, { ...body, occurredAt: at(date) });

  it('runs a delivery from registration to 归档, with a 差评 followed up, escalated when overdue, and a 回访', async () => {
    const { id } = okBody(await post(provider.user, '/deliveries', deliveryBody(provider.id, enterprise.id, '2026-02-02', { plannedEnd: '2026-02-10' }), '2026-02-02'));
    okBody(await post(provider.user, `/deliveries/${id}/start`, { startedOn: '2026-02-02' }, '2026-02-02'));
    okBody(await post(provider.user, `/deliveries/${id}/progress-notes`, { note: '完成技术交底' }, '2026-02-05'));
    okBody(await post(provider.user, `/deliveries/${id}/handover`, handoverBody('2026-02-10'), '2026-02-10'));

    // Rating by an enterprise that was not served: 403; the served enterprise's 差评 opens a follow-up.
    await refused(() => post(other, `/deliveries/${id}/feedback`, { rating: 5, comment: '很好' }, '2026-02-13'), 403, 'NOT_OWNER');
    okBody(await post(enterprise.self, `/deliveries/${id}/feedback`, { rating: 2, comment: '方案过于笼统', aspects: { professionalism: 2, attitude: 4 } }, '2026-02-13'));
    await refused(() => post(enterprise.self, `/deliveries/${id}/feedback`, { rating: 3, comment: '再评一次' }, '2026-02-14'), 409, 'FEEDBACK_ALREADY_GIVEN');

    archivedDeliveryId = id;
    const followUpId = followUpIdFor(id, 4);
    const followUp = okBody(await c.get(steward, `/follow-ups/${followUpId}`));
    // Five working days from Friday 13 February: Saturday 14 (调休, worked), then 24–27 after 春节.
    expect(followUp).toMatchObject({ deliveryId: id, cause: 'POOR_RATING', rating: 2, status: 'OPEN', openedOn: '2026-02-13', dueOn: '2026-02-27' });

    // The deadline sweep, run as of a business day: not overdue on 26 February; automatic confirmation is due.
    const first = okBody(await c.post(admin, '/deliveries/deadlines/run', { at: at('2026-02-26', '09:00') }));
    expect(first).toMatchObject({ on: '2026-02-26', confirmed: [id], escalated: [] });
    // Saturday 28 February is worked (调休): one working day overdue, so the follow-up goes to 天河区.
    const second = okBody(await c.post(admin, '/deliveries/deadlines/run', { at: at('2026-02-28', '09:00') }));
    expect(second).toMatchObject({ escalated: [followUpId], failed: [] });
    expect(okBody(await c.get(steward, `/follow-ups/${followUpId}`))).toMatchObject({ escalated: true, escalation: { to: { role: 'DISTRICT_AUTHORITY', regionCode: '440106' }, overdueWorkingDays: 1 } });
    expect(okBody(await c.post(admin, '/deliveries/deadlines/run', { at: at('2026-03-02', '09:00') })).escalated).toEqual([]);

    // Archiving with the follow-up open: 409 naming what is missing.
    const incomplete = await refused(() => post(steward, `/deliveries/${id}/archive`, {}, '2026-03-02'), 409, 'DOSSIER_INCOMPLETE');
    expect(incomplete.message.zh).toMatch(/差评跟进尚未办结/);
    expect(incomplete.message.zh).toMatch(/客户回访/);

    okBody(await post(steward, `/follow-ups/${followUpId}/contacts`, { channel: 'PHONE', contactedOn: '2026-03-02', note: '企业希望补充布局方案' }, '2026-03-02'));
    okBody(await post(provider.user, `/follow-ups/${followUpId}/plan`, { plan: '三个工作日内补充专利布局细化方案' }, '2026-03-02'));
    okBody(await post(provider.user, `/follow-ups/${followUpId}/rectification`, { rectification: '已提交细化方案', rectifiedOn: '2026-03-04' }, '2026-03-04'));
    okBody(await post(enterprise.self, `/follow-ups/${followUpId}/settlement`, { rating: 4, comment: '补充方案可行' }, '2026-03-05'));
    expect(okBody(await c.get(enterprise.self, `/follow-ups/${followUpId}`))).toMatchObject({ status: 'CLOSED', closure: { by: 'ENTERPRISE', rating: 4, onTime: false } });

    okBody(await post(steward, `/deliveries/${id}/return-visits`, { channel: 'PHONE', visitedOn: '2026-03-06', visitor: '王科长', findings: '整改后企业满意', satisfaction: 4 }, '2026-03-06'));
    okBody(await post(steward, `/deliveries/${id}/archive`, {}, '2026-03-09'));

    // After 归档 only a correction changes the record.
    await refused(() => post(enterprise.self, `/deliveries/${id}/complaints`, { complaint: '迟来的投诉' }, '2026-03-10'), 409, 'DELIVERY_ARCHIVED');
    okBody(await post(steward, `/deliveries/${id}/corrections`, { changes: { outcome: '提交专利申请3件' }, reason: '件数录入错误' }, '2026-03-10'));

    const delivery = okBody(await c.get(steward, `/deliveries/${id}`));
    expect(delivery).toMatchObject({ status: 'ARCHIVED', outcome: '提交专利申请3件', confirmation: { by: { kind: 'AUTOMATIC', afterDays: 7 } }, feedback: { rating: 2 } });

    const dossier = okBody(await c.get(steward, `/deliveries/${id}/dossier`));
    expect(dossier.entries.map((e: { type: string }) => e.type)).toEqual([
      'DeliveryRegistered',
      'DeliveryStarted',
      'DeliveryProgressNoted',
      'DeliveryDelivered',
      'DeliveryRated',
      'FollowUpOpened',
      'DeliveryConfirmed',
      'FollowUpEscalated',
      'FollowUpContacted',
      'FollowUpPlanned',
      'FollowUpRectified',
      'FollowUpClosed',
      'DeliveryReturnVisitRecorded',
      'DeliveryArchived',
      'DeliveryCorrected',
    ]);
    expect(dossier.documents).toEqual([expect.objectContaining({ title: '专利布局方案' })]);

    // An auditor replays the record as it stood before 归档.
    expect(okBody(await c.get(actors.auditor, `/deliveries/${id}?asOf=${encodeURIComponent(at('2026-03-01'))}`))).toMatchObject({ status: 'CONFIRMED', archivedAt: null });

    const figures = okBody(await c.get(steward, `/deliveries/figures?providerId=${provider.id}&from=2026-01-01&until=2026-12-31`)).figures;
    expect(figures).toMatchObject({ deliveries: 1, distinctEnterprises: 1, averageRating: 2, poorRatings: 1, followUps: 1, followUpsClosedOnTime: 0, returnVisitRate: 1, freeShare: 0 });
    // The provider reads its own figures; an enterprise reads none.
    expect(okBody(await c.get(provider.user, '/deliveries/figures?from=2026-01-01&until=2026-12-31')).figures).toMatchObject({ deliveries: 1 });
    await refused(() => c.get(enterprise.self, '/deliveries/figures?from=2026-01-01&until=2026-12-31'), 403, 'FIGURES_READ_FORBIDDEN');
  });

  it('refuses a rating outside the window, a provider outside the 库, and a stranger’s reads', async () => {
    const { id } = okBody(await post(provider.user, '/deliveries', deliveryBody(provider.id, enterprise.id, '2026-04-01'), '2026-04-01'));
    okBody(await post(provider.user, `/deliveries/${id}/start`, { startedOn: '2026-04-01' }, '2026-04-01'));
    okBody(await post(provider.user, `/deliveries/${id}/handover`, handoverBody('2026-04-02'), '2026-04-02'));
    // The window is 30 days from 2 April: 2 May is its last day.
    await refused(() => post(enterprise.self, `/deliveries/${id}/feedback`, { rating: 4, comment: '满意' }, '2026-05-03'), 409, 'FEEDBACK_WINDOW_CLOSED');
    okBody(await post(enterprise.self, `/deliveries/${id}/feedback`, { rating: 4, comment: '满意' }, '2026-05-02'));

    // A provider never admitted to the 库 registering a delivery.
    const outsider = providerUser(614);
    const { id: outsiderId } = okBody(await c.post(outsider, '/providers/entry-applications', { ...entryApplication(614), occurredAt: at('2026-01-05') }));
    await refused(() => post(outsider, '/deliveries', deliveryBody(outsiderId, enterprise.id, '2026-04-01'), '2026-04-01'), 409, 'PROVIDER_NOT_IN_POOL');

    await refused(() => c.get(other, `/deliveries/${id}`), 403, 'DELIVERY_READ_FORBIDDEN');
    const mine = okBody(await c.get(enterprise.self, '/deliveries'));
    expect(mine.items.every((d: { enterprise: { uscc: string } }) => d.enterprise.uscc === enterprise.uscc)).toBe(true);
  });

  it('refuses bad input with 400 naming the field, writing nothing', async () => {
    const bad = await refused(() => post(provider.user, '/deliveries', deliveryBody(provider.id, enterprise.id, '2026-04-01', { fee: { kind: 'FREE', amountFen: 100 } }), '2026-04-01'), 400);
    expect(JSON.stringify(bad)).toMatch(/fee\.amountFen/);
    await refused(() => post(provider.user, '/deliveries', deliveryBody(provider.id, enterprise.id, '2026-04-01', { mode: 'BY_POST' }), '2026-04-01'), 400);
  });

  it('takes the provider pool’s 服务满意度 from the period’s feedback; a typed-in figure is an override with a reason', async () => {
    // The provider's two deliveries of 2026 were rated 2 (February) and 4 (May): mean 3, satisfaction 60.
    const evaluation = { period: '2026-H1', scores: { capability: 80, management: 80, quality: 80 }, opinion: '半年度监测评价' };
    const [figures] = [okBody(await c.get(steward, `/deliveries/figures?providerId=${provider.id}&from=2026-01-01&until=2026-06-30`)).figures];
    expect(figures).toMatchObject({ ratings: 2, averageRating: 3 });
    await post(steward, `/providers/${provider.id}/evaluations`, evaluation, '2026-07-06');
    const evaluated = okBody(await c.get(steward, `/providers/${provider.id}`)).evaluations.at(-1);
    expect(evaluated).toMatchObject({ period: '2026-H1', scores: { satisfaction: figures.averageRating * 20 } });
    expect(evaluated.satisfactionBasis).toEqual({ source: 'FEEDBACK', ratings: 2, averageRating: 3, from: '2026-01-01', until: '2026-06-30' });

    const typed = { ...evaluation, period: '2026-Q2', scores: { ...evaluation.scores, satisfaction: 90 } };
    await refused(() => post(steward, `/providers/${provider.id}/evaluations`, typed, '2026-07-07'), 400, 'SATISFACTION_OVERRIDE_REASON_REQUIRED');
    okBody(await post(steward, `/providers/${provider.id}/evaluations`, { ...typed, satisfactionOverrideReason: '企业座谈会反馈明显改善' }, '2026-07-07'));
    expect(okBody(await c.get(steward, `/providers/${provider.id}`)).evaluations.at(-1).satisfactionBasis).toEqual({
      source: 'OVERRIDE',
      reason: '企业座谈会反馈明显改善',
      ratings: 1,
      computed: 80,
    });
    // A period without feedback needs the figure typed in.
    await refused(() => post(steward, `/providers/${provider.id}/evaluations`, { ...evaluation, period: '2025' }, '2026-07-08'), 409, 'NO_FEEDBACK_IN_PERIOD');
  });

  it('has a revocation proposal on 服务满意度低 cite the station’s figures from its deliveries', async () => {
    const [{ id: stationId, operator: stationOperator }] = await designatedStations(app(), [615]);
    activeStationId = stationId;

    const body = deliveryBody(stationId, enterprise.id, '2026-05-11', { server: { kind: 'STATION', id: stationId }, fee: { kind: 'FREE', amountFen: 0 } });
    const { id } = okBody(await post(stationOperator, '/deliveries', body, '2026-05-11'));
    okBody(await post(stationOperator, `/deliveries/${id}/start`, { startedOn: '2026-05-11' }, '2026-05-11'));
    okBody(await post(stationOperator, `/deliveries/${id}/handover`, handoverBody('2026-05-12'), '2026-05-12'));
    okBody(await post(enterprise.self, `/deliveries/${id}/feedback`, { rating: 1, comment: '服务站未按约定上门' }, '2026-05-13'));
    // The station's steward is the city's hub: it follows up.
    expect(okBody(await c.get(actors.hub, `/follow-ups?deliveryId=${id}`)).items).toEqual([expect.objectContaining({ cause: 'POOR_RATING', steward: { role: 'HUB', regionCode: '440100' } })]);

    okBody(
      await post(actors.hub, `/stations/${stationId}/revocation-proposals`, { grounds: ['LOW_SATISFACTION'], evidence: [{ description: '企业评价' }], opinion: '服务满意度低，建议撤销' }, '2026-06-01'),
    );
    const [proposal] = okBody(await c.get(actors.city, `/stations/${stationId}`)).revocations;
    expect(proposal.satisfactionFigures).toEqual({
      from: '2025-06-02',
      until: '2026-06-01',
      deliveries: 1,
      ratings: 1,
      averageRating: 1,
      poorRatings: 1,
      followUps: 1,
      followUpsClosedOnTime: 0,
      returnVisitRate: 0,
    });
  });

  it('resolves the demand a delivery answers once the delivery is confirmed', async () => {
    const { id: demandId } = okBody(await post(enterprise.self, '/demands', { enterpriseId: enterprise.id, category: 'IP', description: '需要专利布局咨询', urgency: 'NORMAL' }, '2026-06-02'));
    okBody(await post(actors.hub, `/demands/${demandId}/acceptance`, { stationId: activeStationId }, '2026-06-02'));
    okBody(await post(actors.hub, `/demands/${demandId}/match`, { providerId: provider.id }, '2026-06-02'));
    const { id } = okBody(await post(provider.user, '/deliveries', deliveryBody(provider.id, enterprise.id, '2026-06-03', { demandId }), '2026-06-03'));
    okBody(await post(provider.user, `/deliveries/${id}/start`, { startedOn: '2026-06-03' }, '2026-06-03'));
    okBody(await post(provider.user, `/deliveries/${id}/handover`, handoverBody('2026-06-04'), '2026-06-04'));
    expect(okBody(await c.get(enterprise.self, `/demands/${demandId}`)).status).toBe('MATCHED');
    okBody(await post(enterprise.self, `/deliveries/${id}/confirmation`, {}, '2026-06-05'));
    expect(okBody(await c.get(enterprise.self, `/demands/${demandId}`))).toMatchObject({ status: 'RESOLVED', resolution: { outcome: expect.stringContaining('专利布局咨询') } });
    const events = okBody(await c.get(actors.auditor, `/streams/demand-${demandId}/events`)).events;
    expect(events.at(-1)).toMatchObject({ type: 'DemandResolved', data: { deliveryId: id }, metadata: { causationId: expect.any(String) } });

    // Another provider's delivery cannot answer a demand matched to this one.
    const rival = providerUser(616);
    const { id: rivalId } = okBody(await c.post(rival, '/providers/entry-applications', { ...entryApplication(616), occurredAt: at('2026-01-05') }));
    okBody(await c.post(actors.hub, `/providers/${rivalId}/entry-decision`, { admitted: true, opinion: '同意入库', occurredAt: at('2026-01-06') }));
    const { id: second } = okBody(await post(enterprise.self, '/demands', { enterpriseId: enterprise.id, category: 'IP', description: '需要商标咨询', urgency: 'NORMAL' }, '2026-06-06'));
    okBody(await post(actors.hub, `/demands/${second}/acceptance`, { stationId: activeStationId }, '2026-06-06'));
    okBody(await post(actors.hub, `/demands/${second}/match`, { providerId: provider.id }, '2026-06-06'));
    await refused(() => post(rival, '/deliveries', deliveryBody(rivalId, enterprise.id, '2026-06-08', { demandId: second }), '2026-06-08'), 409, 'DEMAND_MATCHED_TO_ANOTHER_PROVIDER');
  });

  it('shows the enterprise’s 画像: its deliveries, demands and pushed policies together', async () => {
    const portrait = okBody(await c.get(enterprise.self, `/enterprises/${enterprise.id}/portrait`));
    expect(portrait.enterprise).toMatchObject({ id: enterprise.id, uscc: enterprise.uscc });
    expect(portrait.deliveries).toHaveLength(4);
    expect(portrait.deliveries.map((d: { status: string }) => d.status).sort()).toEqual(['ARCHIVED', 'CONFIRMED', 'DELIVERED', 'DELIVERED']);
    expect(portrait.demands.map((d: { status: string }) => d.status).sort()).toEqual(['MATCHED', 'RESOLVED']);
    expect(portrait.totals).toMatchObject({ deliveries: 4, demands: 2, demandsResolved: 1, pushedPolicies: 0, averageRating: 2.33 });
    await refused(() => c.get(other, `/enterprises/${enterprise.id}/portrait`), 403);
  });

  it('writes a reaction’s follow-up once, however often it sees the cause; the deadline run names its time for ADMIN only', async () => {
    const store = app().app.get<EventStore>(EVENT_STORE);
    const ids = okBody(await c.get(admin, '/deliveries?limit=100')).items.map((d: { id: string }) => d.id);
    expect(ids).toContain(archivedDeliveryId);
    const streamIds = ids.map((id: string) => deliveryKind.streamId(id));
    const events = (await Promise.all(streamIds.map((streamId: string) => store.readStream(streamId)))).flat();
    expect(events.filter((e) => e.type === 'DeliveryConfirmed').length).toBeGreaterThanOrEqual(2);
    const before = await app().head();
    await app().reactAgain(streamIds);
    expect(await app().head()).toBe(before);

    await refused(() => c.post(steward, '/deliveries/deadlines/run', { at: at('2026-06-01') }), 403, 'AT_ADMIN_ONLY');
    await refused(() => c.post(provider.user, '/deliveries/deadlines/run', {}), 403);
    await refused(() => c.post(admin, '/deliveries/deadlines/run', { at: '2099-01-01T00:00:00+08:00' }), 400, 'AT_IN_FUTURE');
  });
});
