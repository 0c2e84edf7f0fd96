import { DELIVERY_ID, ENTERPRISE_ID, ENTERPRISE_USCC, PROVIDER_ID, PROVIDER_USCC, providerStaff, servedEnterprise, steward } from '@sme/domain/delivery/delivery.fixtures';
import { deliveryKind } from '@sme/domain/delivery/delivery.kind';
import { contacted, FOLLOW_UP_ID, opened, planned } from '@sme/domain/follow-up/follow-up.fixtures';
import type { FollowUpEvent } from '@sme/domain/follow-up/follow-up.events';
import { followUpKind } from '@sme/domain/follow-up/follow-up.kind';
import { followUpBlanks, type FollowUpView } from './follow-up.projection';
import { followUpsProjection } from './projections';
import { describeDelivery, describeNoViewWithoutStart } from './testing/delivery-cases';
import { eventLog, fixtureRecorder, givenEvents } from './testing/projection-gwt';

const GZ = '440100';
const TIANHE = '440106';

/** The fixture follow-up's stream: each event recorded in turn, by the steward unless said otherwise. */
function aFollowUp(followUpId = FOLLOW_UP_ID, log = eventLog()) {
  return { log, record: fixtureRecorder<FollowUpEvent>(log, followUpKind.streamId(followUpId), { followUpId }, steward) };
}

const rectified: FollowUpEvent = {
  type: 'FollowUpRectified',
  data: { followUpId: FOLLOW_UP_ID, rectification: '已补充对接一家银行并获授信', rectifiedOn: '2026-10-09', rectifiedAt: '2026-10-09T02:00:00.000Z' },
};
const escalated: FollowUpEvent = {
  type: 'FollowUpEscalated',
  data: { followUpId: FOLLOW_UP_ID, to: { role: 'DISTRICT_AUTHORITY', regionCode: TIANHE }, dueOn: '2026-10-10', overdueWorkingDays: 1, escalatedAt: '2026-10-13T01:00:00.000Z' },
};
const closedByEnterprise: FollowUpEvent = {
  type: 'FollowUpClosed',
  data: { followUpId: FOLLOW_UP_ID, by: 'ENTERPRISE', rating: 4, reason: '问题已解决', closedOn: '2026-10-09', onTime: true, closedAt: '2026-10-09T08:00:00.000Z' },
};
const closedBySteward: FollowUpEvent = {
  type: 'FollowUpClosed',
  data: { followUpId: FOLLOW_UP_ID, by: 'STEWARD', reason: '企业未再回应，整改已完成', closedOn: '2026-10-14', onTime: false, closedAt: '2026-10-14T08:00:00.000Z' },
};

const OPENED_VIEW: Omit<FollowUpView, '_position' | 'revision' | 'updatedAt'> = {
  _id: FOLLOW_UP_ID,
  id: FOLLOW_UP_ID,
  deliveryId: DELIVERY_ID,
  activityId: null,
  causeRevision: 4,
  cause: 'POOR_RATING',
  detail: '报告空泛，未对接到合适产品',
  rating: 2,
  server: { kind: 'PROVIDER', id: PROVIDER_ID, orgId: PROVIDER_USCC, name: '广州某财税咨询有限公司', regionCode: GZ },
  enterprise: { enterpriseId: ENTERPRISE_ID, uscc: ENTERPRISE_USCC, name: '广州某软件科技有限公司', regionCode: TIANHE },
  steward: { role: 'CITY_AUTHORITY', regionCode: GZ },
  escalateTo: { role: 'DISTRICT_AUTHORITY', regionCode: TIANHE },
  openedOn: '2026-09-28',
  workingDays: 5,
  dueOn: '2026-10-10',
  status: 'OPEN',
  ...followUpBlanks(),
  openedAt: '2026-09-28T02:00:00.000Z',
};

describe('follow-ups projection', () => {
  it('FollowUpOpened: open, with its cause, the parties and the due day; nothing done yet', () => {
    const f = aFollowUp();
    givenEvents(followUpsProjection).when(f.record(opened)).then(OPENED_VIEW);
  });

  it('FollowUpOpened by a complaint: no rating', () => {
    const f = aFollowUp();
    const { rating: _, ...data } = opened.data as Extract<FollowUpEvent, { type: 'FollowUpOpened' }>['data'];
    givenEvents(followUpsProjection)
      .when(f.record({ type: 'FollowUpOpened', data: { ...data, cause: 'COMPLAINT', detail: '服务人员多次迟到' } }))
      .then({ ...OPENED_VIEW, cause: 'COMPLAINT', detail: '服务人员多次迟到', rating: null });
  });

  it('FollowUpContacted: each contact kept, oldest first', () => {
    const f = aFollowUp();
    const again: FollowUpEvent = { type: 'FollowUpContacted', data: { followUpId: FOLLOW_UP_ID, channel: 'ONSITE', contactedOn: '2026-10-08', note: '上门确认整改进度', contactedAt: '2026-10-08T02:00:00.000Z' } };
    givenEvents(followUpsProjection, [f.record(opened), f.record(contacted)])
      .when(f.record(again))
      .then((before) => ({
        ...before,
        contacts: [
          { channel: 'PHONE', contactedOn: '2026-09-29', note: '企业希望补充对接一家银行' },
          { channel: 'ONSITE', contactedOn: '2026-10-08', note: '上门确认整改进度' },
        ],
      }));
  });

  it('FollowUpPlanned: the plan', () => {
    const f = aFollowUp();
    givenEvents(followUpsProjection, [f.record(opened), f.record(contacted)])
      .when(f.record(planned, providerStaff))
      .then((before) => ({ ...before, plan: '十个工作日内补充对接一家银行' }));
  });

  it('FollowUpRectified: what was done and when', () => {
    const f = aFollowUp();
    givenEvents(followUpsProjection, [f.record(opened), f.record(contacted), f.record(planned, providerStaff)])
      .when(f.record(rectified, providerStaff))
      .then((before) => ({ ...before, rectification: { rectification: '已补充对接一家银行并获授信', rectifiedOn: '2026-10-09' } }));
  });

  it('FollowUpEscalated: escalated, to whom and how late; still open', () => {
    const f = aFollowUp();
    givenEvents(followUpsProjection, [f.record(opened), f.record(contacted)])
      .when(f.record(escalated))
      .then((before) => ({
        ...before,
        escalated: true,
        escalation: { to: { role: 'DISTRICT_AUTHORITY', regionCode: TIANHE }, overdueWorkingDays: 1, escalatedAt: '2026-10-13T01:00:00.000Z' },
      }));
  });

  describe('FollowUpClosed', () => {
    it('by the enterprise, with a new rating, on time', () => {
      const f = aFollowUp();
      givenEvents(followUpsProjection, [f.record(opened), f.record(contacted), f.record(planned, providerStaff), f.record(rectified, providerStaff)])
        .when(f.record(closedByEnterprise, servedEnterprise))
        .then((before) => ({
          ...before,
          status: 'CLOSED',
          closure: { by: 'ENTERPRISE', rating: 4, reason: '问题已解决', closedOn: '2026-10-09', onTime: true, closedAt: '2026-10-09T08:00:00.000Z' },
        }));
    });

    it('by the steward, late, after the escalation: no rating; the escalation stays', () => {
      const f = aFollowUp();
      const view = givenEvents(followUpsProjection, [f.record(opened), f.record(contacted), f.record(escalated)])
        .when(f.record(closedBySteward))
        .then((before) => ({
          ...before,
          status: 'CLOSED',
          closure: { by: 'STEWARD', rating: null, reason: '企业未再回应，整改已完成', closedOn: '2026-10-14', onTime: false, closedAt: '2026-10-14T08:00:00.000Z' },
        }));
      expect(view.escalated).toBe(true);
    });
  });

  describeNoViewWithoutStart(followUpsProjection, 'an event for a follow-up the view never saw opened makes no view', () => {
    const f = aFollowUp();
    f.record(opened);
    return {
      FollowUpContacted: f.record(contacted),
      FollowUpPlanned: f.record(planned, providerStaff),
      FollowUpRectified: f.record(rectified, providerStaff),
      FollowUpEscalated: f.record(escalated),
      FollowUpClosed: f.record(closedBySteward),
    };
  });

  describeDelivery(followUpsProjection, {
    of: aFollowUp,
    firstTwo: (f) => [f.record(opened), f.record(contacted)],
    olderBecause: 'an opening replayed does not forget the contact',
    anotherKind: deliveryKind,
  });
});
