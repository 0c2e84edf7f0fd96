import type { RecordLabel } from '../shared/record-kind';
import { checkDeliveryFee } from '../delivery/delivery.rules';
import { checkFeedback, feedbackClosesOn, requireInsideWindow, requireMayRate } from '../feedback/feedback';
import { requireLocalRegionCode } from '../shared/city-scope';
import { chinaDateOf, compareBusinessDates } from '../shared/dates';
import { createdOnce, decideByType } from '../shared/decide-by-type';
import type { Decider } from '../shared/decider';
import { conflict, invalid } from '../shared/domain-error';
import { fieldInvalid, L, requireInteger, requireOneOf, requireText, type Label } from '../shared/validation';
import type { ActivityCommand, AmendActivityRating, CancelActivity, HoldActivity, PlanActivity, PostponeActivity, RateActivity, RegisterForActivity } from './activity.commands';
import type { ActivityEvent } from './activity.events';
import { checkActivityTime, checkCoOrganisers, checkMaterials, presentEnterpriseOf, requireInThemeMonth, requirePlanningFacts } from './activity.rules';
import { evolveActivity, initialActivityState, type ActivityState, type ExistingActivity } from './activity.state';
import { activityKinds, activityModes, activityStages, type ActivityStage } from './activity.terms';

const today = (now: Date) => chinaDateOf(now);
const OPEN: readonly ActivityStage[] = ['PLANNED', 'POSTPONED'];

/** How activity records are named when one is missing or is created a second time. */
export const ACTIVITY_RECORD: RecordLabel = { code: 'ACTIVITY', zh: '服务活动', en: 'activity' };

/**
 * What an activity's steps decide: its time and theme month, registration up to capacity, holding
 * with the registered enterprises present, and each attendee's feedback inside the window. Who may
 * take each step is activity.access.ts's, checked before.
 */
const decide = decideByType<ActivityCommand, ActivityState, ActivityEvent, 'PlanActivity'>({
  onNew: { PlanActivity: createdOnce(ACTIVITY_RECORD, plan) },
  on: {
    PostponeActivity: postpone,
    CancelActivity: cancel,
    RegisterForActivity: register,
    HoldActivity: hold,
    RateActivity: rate,
    AmendActivityRating: amendRating,
  },
  record: ACTIVITY_RECORD,
});

function requireStage(a: ExistingActivity, allowed: readonly ActivityStage[], doing: Label): void {
  if (allowed.includes(a.status)) return;
  const now = activityStages.labels[a.status];
  const code = a.status === 'CANCELLED' ? 'ACTIVITY_CANCELLED' : a.status === 'HELD' ? 'ACTIVITY_HELD' : 'ACTIVITY_STAGE';
  throw conflict(code, `服务活动${now.zh}，不能${doing.zh}`, `The activity is ${now.en}; it cannot ${doing.en}`);
}

function plan(command: PlanActivity, state: ActivityState): ActivityEvent[] {
  const { data, metadata } = command;
  const title = requireText(data.title, 'title', L('活动名称', 'Title'));
  const kind = requireOneOf(data.kind, activityKinds.codes, 'kind', L('活动类型', 'Activity kind'));
  const theme = requireText(data.theme, 'theme', L('活动主题', 'Theme'));
  const time = checkActivityTime(data.time);
  const mode = requireOneOf(data.mode, activityModes.codes, 'mode', L('举办方式', 'Mode'));
  const venue = requireText(data.venue, 'venue', mode === 'ONLINE' ? L('线上平台', 'Online platform') : L('举办地点', 'Venue'));
  const capacity = requireInteger(data.capacity, 'capacity', L('可容纳企业数', 'Capacity'), 1);
  const fee = checkDeliveryFee(data.fee, undefined);
  const regionCode = requireLocalRegionCode(data.regionCode, 'regionCode');
  const coOrganisers = checkCoOrganisers(data.coOrganisers);
  requireInThemeMonth(data.themeMonth, time.date);
  requirePlanningFacts({ ...data, time });
  const { facts: _, ...planned } = data;
  return [
    {
      type: 'ActivityPlanned',
      data: { ...planned, title, kind, theme, time, mode, venue, capacity, fee, regionCode, coOrganisers, plannedAt: metadata.now.toISOString() },
    },
  ];
}

function postpone(command: PostponeActivity, a: ExistingActivity): ActivityEvent[] {
  requireStage(a, OPEN, L('延期', 'be postponed'));
  const time = checkActivityTime(command.data.time);
  const from = `${a.time.date} ${a.time.startTime}`;
  if (`${time.date} ${time.startTime}` <= from) {
    throw invalid('POSTPONED_TO_EARLIER', `延期后的时间须晚于原定时间（${from}）`, `A postponement moves the activity later than ${from}`, 'time.date');
  }
  requireInThemeMonth(a.themeMonth, time.date);
  const reason = requireText(command.data.reason, 'reason', L('延期原因', 'Reason'));
  return [{ type: 'ActivityPostponed', data: { activityId: a.activityId, time, reason, postponedAt: command.metadata.now.toISOString() } }];
}

function cancel(command: CancelActivity, a: ExistingActivity): ActivityEvent[] {
  requireStage(a, OPEN, L('取消（举办前方可取消）', 'be cancelled (only before it is held)'));
  const reason = requireText(command.data.reason, 'reason', L('取消原因', 'Reason'));
  return [{ type: 'ActivityCancelled', data: { activityId: a.activityId, reason, cancelledAt: command.metadata.now.toISOString() } }];
}

function register(command: RegisterForActivity, a: ExistingActivity): ActivityEvent[] {
  requireStage(a, OPEN, L('报名', 'take registrations'));
  const { enterprise } = command.data;
  if (a.registrations.some((r) => r.enterprise.enterpriseId === enterprise.enterpriseId)) {
    throw conflict('ALREADY_REGISTERED', `${enterprise.name}已报名`, `${enterprise.name} has already registered`);
  }
  if (a.registrations.length >= a.capacity) throw conflict('ACTIVITY_FULL', `报名已满（${a.capacity}家）`, `The activity is full (${a.capacity} enterprises)`);
  const by = command.metadata.actor.role === 'ENTERPRISE' ? 'ENTERPRISE' : 'ORGANISER';
  return [{ type: 'EnterpriseRegisteredForActivity', data: { activityId: a.activityId, enterprise, by, registeredAt: command.metadata.now.toISOString() } }];
}

function hold(command: HoldActivity, a: ExistingActivity): ActivityEvent[] {
  requireStage(a, OPEN, L('记录举办', 'be held'));
  const { data, metadata } = command;
  const heldOn = a.time.date;
  if (compareBusinessDates(heldOn, today(metadata.now)) > 0) {
    throw conflict('ACTIVITY_NOT_YET_DUE', `活动日期（${heldOn}）尚未到来`, `The activity's day (${heldOn}) has not come yet`);
  }
  if (!Array.isArray(data.enterpriseIdsPresent)) throw fieldInvalid('enterpriseIdsPresent', L('到场企业', 'Enterprises present'), '须为列表', 'must be a list');
  const present = data.enterpriseIdsPresent.map((id, i) => {
    if (data.enterpriseIdsPresent.indexOf(id) !== i) throw fieldInvalid(`enterpriseIdsPresent.${i}`, L('到场企业', 'Enterprise present'), '重复', 'is listed twice');
    const registration = a.registrations.find((r) => r.enterprise.enterpriseId === id);
    if (!registration) {
      throw conflict('ENTERPRISE_NOT_REGISTERED', `企业 ${String(id)} 未报名此活动，不能记为到场`, `Enterprise ${String(id)} did not register for this activity and cannot be recorded present`, `enterpriseIdsPresent.${i}`);
    }
    return registration.enterprise;
  });
  const personsPresent = requireInteger(data.personsPresent, 'personsPresent', L('到场人数', 'Persons present'), present.length);
  const materials = checkMaterials(data.materials);
  const feedbackCloses = feedbackClosesOn(data.feedbackWindowDays, heldOn);
  return [
    {
      type: 'ActivityHeld',
      data: {
        activityId: a.activityId,
        heldOn,
        enterprisesPresent: present,
        personsPresent,
        materials,
        feedbackClosesOn: feedbackCloses,
        heldAt: metadata.now.toISOString(),
      },
    },
  ];
}

/** The enterprise present that rates, its feedback so far, and the window. */
function ratingBy(a: ExistingActivity, command: RateActivity | AmendActivityRating, amending: boolean) {
  requireStage(a, ['HELD'], L('评价（举办后方可评价）', 'be rated (only once held)'));
  const enterprise = presentEnterpriseOf(a, command.metadata.actor.orgId);
  if (!enterprise) throw conflict('ENTERPRISE_NOT_PRESENT', '只有到场企业可以评价此活动', 'Only an enterprise present may rate the activity');
  requireMayRate(a.feedback[enterprise.enterpriseId], amending);
  requireInsideWindow(today(command.metadata.now), a.held!.feedbackClosesOn);
  return { enterpriseId: enterprise.enterpriseId, feedback: checkFeedback(command.data.feedback) };
}

function rate(command: RateActivity, a: ExistingActivity): ActivityEvent[] {
  const { enterpriseId, feedback } = ratingBy(a, command, false);
  return [{ type: 'ActivityRated', data: { activityId: a.activityId, enterpriseId, feedback, ratedAt: command.metadata.now.toISOString() } }];
}

function amendRating(command: AmendActivityRating, a: ExistingActivity): ActivityEvent[] {
  const { enterpriseId, feedback } = ratingBy(a, command, true);
  return [{ type: 'ActivityRatingAmended', data: { activityId: a.activityId, enterpriseId, feedback, amendedAt: command.metadata.now.toISOString() } }];
}

export const activityDecider: Decider<ActivityCommand, ActivityState, ActivityEvent> = { initialState: initialActivityState, evolve: evolveActivity, decide };
