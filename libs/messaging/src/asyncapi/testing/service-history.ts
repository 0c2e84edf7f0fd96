import { createHash, randomUUID } from 'node:crypto';
import { addWorkingDays, CHINA_WORKING_CALENDAR, deliveryKind, followUpKind, type Actor } from '@sme/domain';
import type { EventStore } from '@sme/event-store';
import { commandRunner } from '@sme/event-store/testing/command-runner';
import { CITY, HUB, uscc } from '@sme/event-store/testing/history-actors';

/**
 * 服务跟踪, written through the deciders: deliveries (服务项目) and follow-ups (差评跟进). Every event type
 * of the two occurs at least once, and so do the optional fields (a demand and a product, staff hours,
 * rating aspects, a document's file name, a follow-up's rating, an automatic confirmation's days).
 */
export async function writeServiceHistory(store: EventStore, options: { year?: number } = {}): Promise<{ deliveryIds: string[]; followUpIds: string[] }> {
  const year = options.year ?? 2026;
  const { run } = commandRunner(store);
  const at = (monthDay: string) => `${year}-${monthDay}T10:00:00+08:00`;
  const day = (monthDay: string) => `${year}-${monthDay}`;
  const providerOrgId = uscc('91440106MA5PRW001');
  const provider: Actor = { id: 'provider-srv', role: 'PROVIDER', orgId: providerOrgId, regionCode: '440106' };
  const enterpriseUscc = uscc('91440106MA5ENT001');
  const enterprise: Actor = { id: 'enterprise-srv', role: 'ENTERPRISE', orgId: enterpriseUscc, regionCode: '440106' };
  const stationOrgId = uscc('91440106MA5HTN001');
  const station: Actor = { id: 'station-srv', role: 'STATION_OPERATOR', orgId: stationOrgId, regionCode: '440106' };
  const providerId = randomUUID();
  const served = { enterpriseId: randomUUID(), uscc: enterpriseUscc, name: '广州某软件科技有限公司', regionCode: '440106' };
  const base = {
    enterprise: served,
    domain: 'IP',
    title: '专利布局咨询',
    description: '梳理核心技术，提出专利申请方案',
    plannedStart: day('03-02'),
    plannedEnd: day('03-20'),
    mode: 'OFFLINE',
    regionCode: '440106',
    facts: { serverMayServe: true },
  };
  const byProvider = {
    ...base,
    server: { kind: 'PROVIDER', id: providerId, orgId: providerOrgId, name: '广州某知识产权服务有限公司', regionCode: '440106' },
    steward: { role: 'CITY_AUTHORITY', regionCode: '440100' },
  };
  const deliver = (id: string, actor: Actor, on: string, sampled = false) =>
    run(deliveryKind, id, actor, at(on), 'DeliverService', {
      deliveryId: id,
      deliveredOn: day(on),
      outcome: '提交专利申请2件',
      deliverables: [{ title: '专利布局方案', fileName: '专利布局方案.pdf', sha256: createHash('sha256').update(id).digest('hex') }],
      feedbackWindowDays: 30,
      autoConfirmDays: 7,
      returnVisitSampled: sampled,
    });

  // A provider's delivery from a demand and a product: rated poorly, amended, complained about,
  // followed up, visited, archived and corrected.
  const full = randomUUID();
  const product = { productId: randomUUID(), version: 2, item: '专利申请代理', feeKind: 'LOW_FEE', priceFen: 199950 };
  await run(deliveryKind, full, provider, at('03-02'), 'RegisterDelivery', {
    ...byProvider,
    deliveryId: full,
    demandId: randomUUID(),
    product,
    fee: { kind: 'LOW_FEE', amountFen: 199950 },
    staffHours: 12.5,
    facts: { serverMayServe: true, product: { providerId, onShow: true } },
  });
  await run(deliveryKind, full, provider, at('03-03'), 'StartDelivery', { deliveryId: full, startedOn: day('03-03') });
  await run(deliveryKind, full, provider, at('03-05'), 'NoteDeliveryProgress', { deliveryId: full, note: '完成技术交底' });
  await deliver(full, provider, '03-10', true);
  await run(deliveryKind, full, enterprise, at('03-11'), 'ConfirmDelivery', { deliveryId: full });
  const rated = await run(deliveryKind, full, enterprise, at('03-12'), 'RateDelivery', {
    deliveryId: full,
    feedback: { rating: 2, comment: '方案过于笼统', aspects: { response: 4, professionalism: 2 } },
  });
  await run(deliveryKind, full, enterprise, at('03-13'), 'AmendDeliveryRating', { deliveryId: full, feedback: { rating: 3, comment: '补充说明后尚可' } });
  await run(deliveryKind, full, enterprise, at('03-13'), 'LodgeComplaint', { deliveryId: full, complaint: '服务人员两次迟到' });

  const opening = (followUpId: string, revision: number, cause: string, detail: string, opened: string, extra: object = {}) =>
    run(followUpKind, followUpId, CITY, at(opened), 'OpenFollowUp', {
      followUpId,
      deliveryId: full,
      causeRevision: revision,
      cause,
      detail,
      ...extra,
      server: byProvider.server,
      enterprise: served,
      steward: byProvider.steward,
      escalateTo: { role: 'DISTRICT_AUTHORITY', regionCode: '440106' },
      openedOn: day(opened),
      workingDays: 5,
      dueOn: addWorkingDays(CHINA_WORKING_CALENDAR, day(opened), 5),
    });
  const [settled, decided] = [randomUUID(), randomUUID()];
  await opening(settled, Number(rated.nextExpectedRevision), 'POOR_RATING', '方案过于笼统', '03-12', { rating: 2 });
  await run(followUpKind, settled, CITY, at('03-13'), 'RecordFollowUpContact', { followUpId: settled, channel: 'PHONE', contactedOn: day('03-13'), note: '已沟通' });
  await run(followUpKind, settled, provider, at('03-16'), 'RecordRectificationPlan', { followUpId: settled, plan: '补充细化方案' });
  await run(followUpKind, settled, provider, at('03-18'), 'RecordRectification', { followUpId: settled, rectification: '已补充', rectifiedOn: day('03-18') });
  await run(followUpKind, settled, enterprise, at('03-19'), 'ConfirmFollowUpSettled', { followUpId: settled, rating: 4, comment: '已解决' });
  await opening(decided, Number(rated.nextExpectedRevision) + 2, 'COMPLAINT', '服务人员两次迟到', '03-13');
  await run(followUpKind, decided, CITY, at('03-23'), 'EscalateFollowUp', { followUpId: decided, overdueWorkingDays: 1 });
  await run(followUpKind, decided, CITY, at('03-24'), 'CloseFollowUp', { followUpId: decided, reason: '已约谈服务机构并通报' });
  // An activity's 差评: its follow-up names the activity instead of a delivery.
  const onActivity = randomUUID();
  await run(followUpKind, onActivity, CITY, at('03-16'), 'OpenFollowUpOnActivity', {
    followUpId: onActivity,
    activityId: randomUUID(),
    causeRevision: 5,
    cause: 'POOR_RATING',
    detail: '沙龙内容偏泛',
    rating: 2,
    server: byProvider.server,
    enterprise: served,
    steward: byProvider.steward,
    escalateTo: { role: 'DISTRICT_AUTHORITY', regionCode: '440106' },
    openedOn: day('03-16'),
    workingDays: 5,
    dueOn: addWorkingDays(CHINA_WORKING_CALENDAR, day('03-16'), 5),
  });

  await run(deliveryKind, full, CITY, at('03-25'), 'RecordReturnVisit', {
    deliveryId: full,
    channel: 'ONSITE',
    visitedOn: day('03-25'),
    visitor: '王科长',
    findings: '整改后企业满意',
    satisfaction: 4,
  });
  await run(deliveryKind, full, CITY, at('03-26'), 'ArchiveDelivery', {
    deliveryId: full,
    followUps: [
      { causeRevision: Number(rated.nextExpectedRevision), status: 'CLOSED' },
      { causeRevision: Number(rated.nextExpectedRevision) + 2, status: 'CLOSED' },
    ],
  });
  await run(deliveryKind, full, CITY, at('03-27'), 'CorrectDelivery', { deliveryId: full, changes: { outcome: '提交专利申请3件' }, reason: '件数录入错误' });

  // A station's free deliveries: one disputed, one confirmed by the ledger's sweep, one cancelled.
  const byStation = {
    ...base,
    server: { kind: 'STATION', id: randomUUID(), orgId: stationOrgId, name: '天河区某中小企业服务站', regionCode: '440106' },
    steward: { role: 'HUB', regionCode: '440100' },
    fee: { kind: 'FREE', amountFen: 0 },
  };
  const [disputed, automatic, cancelled] = [randomUUID(), randomUUID(), randomUUID()];
  for (const id of [disputed, automatic, cancelled]) {
    await run(deliveryKind, id, station, at('03-02'), 'RegisterDelivery', { ...byStation, deliveryId: id });
    await run(deliveryKind, id, station, at('03-03'), 'StartDelivery', { deliveryId: id, startedOn: day('03-03') });
  }
  await deliver(disputed, station, '03-04');
  await run(deliveryKind, disputed, enterprise, at('03-05'), 'DisputeDelivery', { deliveryId: disputed, reason: '未按约定对接' });
  await deliver(automatic, station, '03-04');
  await run(deliveryKind, automatic, HUB, at('03-11'), 'ConfirmDeliveryAutomatically', { deliveryId: automatic });
  await run(deliveryKind, cancelled, station, at('03-04'), 'CancelDelivery', { deliveryId: cancelled, reason: '企业另有安排' });

  return { deliveryIds: [full, disputed, automatic, cancelled], followUpIds: [settled, decided, onActivity] };
}
