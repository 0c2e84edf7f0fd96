import * as f from '@sme/domain/activity/activity.fixtures';
import { activityKind } from '@sme/domain/activity/activity.kind';
import { deliveryKind } from '@sme/domain/delivery/delivery.kind';
import type { Actor } from '@sme/domain/shared/decider';
import { activityBlanks, type ActivityView } from './activity.projection';
import { activitiesProjection } from './projections';
import { describeDelivery, describeNoViewWithoutStart } from './testing/delivery-cases';
import { actOn, eventLog, givenEvents } from './testing/projection-gwt';

const { ACTIVITY_ID, ENTERPRISE_A, ENTERPRISE_B, enterpriseA, planning, stationOperator } = f;

/** An activity's stream, written through the kind (access gate, then decider). */
function anActivity(activityId = ACTIVITY_ID, log = eventLog()) {
  const act = actOn(log, activityKind, activityKind.streamId(activityId), { activityId });
  return {
    log,
    plan: () => act('PlanActivity', planning, stationOperator, '2026-03-02T09:00:00+08:00'),
    register: (enterprise = ENTERPRISE_A, by: Actor = enterpriseA, when = '2026-03-05T09:00:00+08:00') => act('RegisterForActivity', { enterprise }, by, when),
    postpone: () => act('PostponeActivity', { time: { date: '2026-03-25', startTime: '09:30', endTime: '11:30' }, reason: '嘉宾行程调整' }, stationOperator, '2026-03-10T09:00:00+08:00'),
    cancel: () => act('CancelActivity', { reason: '场地临时停用' }, stationOperator, '2026-03-11T09:00:00+08:00'),
    hold: (when = '2026-03-18T18:00:00+08:00') =>
      act('HoldActivity', { enterpriseIdsPresent: [ENTERPRISE_A.enterpriseId], personsPresent: 3, materials: [{ title: '签到表', sha256: 'b'.repeat(64) }], feedbackWindowDays: 30 }, stationOperator, when),
    rate: (rating: number, when = '2026-03-19T10:00:00+08:00') => act('RateActivity', { feedback: { rating, comment: '一般' } }, enterpriseA, when),
    amend: (rating: number) => act('AmendActivityRating', { feedback: { rating, comment: '补充交流后满意' } }, enterpriseA, '2026-03-20T10:00:00+08:00'),
  };
}

const { facts: _facts, activityId: _id, themeMonth, ...fromPlanning } = planning;
const PLANNED_VIEW: Omit<ActivityView, '_position' | 'revision' | 'updatedAt'> = {
  _id: ACTIVITY_ID,
  id: ACTIVITY_ID,
  status: 'PLANNED',
  ...fromPlanning,
  themeMonth: themeMonth!,
  stationId: planning.organiser.id,
  date: '2026-03-18',
  cityCode: '440100',
  plannedAt: '2026-03-02T01:00:00.000Z',
  ...activityBlanks(),
};

describe('activities projection', () => {
  it('ActivityPlanned: a planned activity with nothing registered or held', () => {
    givenEvents(activitiesProjection, []).when(anActivity().plan()).then(PLANNED_VIEW);
  });

  it('EnterpriseRegisteredForActivity: the registration and the enterprise’s USCC', () => {
    const a = anActivity();
    givenEvents(activitiesProjection, [a.plan()])
      .when(a.register(ENTERPRISE_B, stationOperator))
      .then({ ...PLANNED_VIEW, registrations: [{ enterprise: ENTERPRISE_B, by: 'ORGANISER', registeredAt: '2026-03-05T01:00:00.000Z' }], registeredUsccs: [ENTERPRISE_B.uscc] });
  });

  it('ActivityPostponed: the new time and day, the old one kept', () => {
    const a = anActivity();
    const to = { date: '2026-03-25', startTime: '09:30', endTime: '11:30' };
    givenEvents(activitiesProjection, [a.plan()])
      .when(a.postpone())
      .then({ ...PLANNED_VIEW, status: 'POSTPONED', time: to, date: '2026-03-25', postponements: [{ from: planning.time, to, reason: '嘉宾行程调整', postponedAt: '2026-03-10T01:00:00.000Z' }] });
  });

  it('ActivityCancelled: the reason', () => {
    const a = anActivity();
    givenEvents(activitiesProjection, [a.plan()]).when(a.cancel()).then({ ...PLANNED_VIEW, status: 'CANCELLED', cancellation: { reason: '场地临时停用', cancelledAt: '2026-03-11T01:00:00.000Z' } });
  });

  it('ActivityHeld: the enterprises and persons present, the materials, the window', () => {
    const a = anActivity();
    givenEvents(activitiesProjection, [a.plan(), a.register()])
      .when(a.hold())
      .then((before) => ({
        ...before,
        status: 'HELD',
        heldOn: '2026-03-18',
        enterprisesPresent: [ENTERPRISE_A],
        personsPresent: 3,
        materials: [{ title: '签到表', sha256: 'b'.repeat(64) }],
        feedbackClosesOn: '2026-04-17',
      }));
  });

  it('ActivityRated and ActivityRatingAmended: the rating that counts, and a 差评 that stays on the record', () => {
    const a = anActivity();
    const history = [a.plan(), a.register(), a.hold()];
    const given = { rating: 2, comment: '一般' };
    givenEvents(activitiesProjection, history)
      .when(a.rate(2))
      .then((before) => ({ ...before, feedback: [{ enterpriseId: ENTERPRISE_A.enterpriseId, rating: 2, given, givenAt: '2026-03-19T02:00:00.000Z', amended: null, amendedAt: null, poor: true }] }));
    const b = anActivity();
    const rated = [b.plan(), b.register(), b.hold(), b.rate(2)];
    const amended = { rating: 4, comment: '补充交流后满意' };
    givenEvents(activitiesProjection, rated)
      .when(b.amend(4))
      .then((before) => ({
        ...before,
        feedback: [{ enterpriseId: ENTERPRISE_A.enterpriseId, rating: 4, given, givenAt: '2026-03-19T02:00:00.000Z', amended, amendedAt: '2026-03-20T02:00:00.000Z', poor: true }],
      }));
  });

  describeNoViewWithoutStart(activitiesProjection, 'an event for an activity the view never saw planned makes no view', () => {
    const a = anActivity();
    const b = anActivity('4e1d2c3b-5a6f-4071-8b92-a3b4c5d6e7f8');
    a.plan();
    b.plan();
    a.register();
    return {
      EnterpriseRegisteredForActivity: b.register(),
      ActivityPostponed: b.postpone(),
      ActivityCancelled: b.cancel(),
      ActivityHeld: a.hold(),
      ActivityRated: a.rate(3),
      ActivityRatingAmended: a.amend(4),
    };
  });

  describeDelivery(activitiesProjection, {
    of: anActivity,
    firstTwo: (a) => [a.plan(), a.register()],
    olderBecause: 'a plan replayed does not drop the registration',
    anotherKind: deliveryKind,
  });
});
