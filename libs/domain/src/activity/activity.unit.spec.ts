import { anActor, commandsOn, commandWith, given, GZ, SZ, TIANHE } from '../shared/testing';
import type { ActivityCommand } from './activity.commands';
import {
  ACTIVITY_ID,
  activitySteward,
  cancelled,
  ENTERPRISE_A,
  ENTERPRISE_B,
  enterpriseA,
  enterpriseB,
  held,
  planned,
  planning,
  registeredA,
  registeredB,
  stationOperator,
} from './activity.fixtures';
import { activityKind } from './activity.kind';

const NOW = '2026-03-20T10:00:00+08:00';
const plan = commandWith('PlanActivity', planning, stationOperator, '2026-03-02T09:00:00+08:00');
const cmd = commandsOn<ActivityCommand>()({ activityId: ACTIVITY_ID }, stationOperator, NOW);
const hold = (changes: Record<string, unknown> = {}, when = NOW) =>
  cmd('HoldActivity', { enterpriseIdsPresent: [ENTERPRISE_A.enterpriseId], personsPresent: 3, materials: [{ title: '签到表', sha256: 'b'.repeat(64) }], feedbackWindowDays: 30, ...changes } as never, stationOperator, when);
const rate = (rating: unknown, by = enterpriseA, when = NOW) => cmd('RateActivity', { feedback: { rating, comment: '内容实用' } } as never, by, when);
const otherStation = anActor('STATION_OPERATOR', TIANHE, 'other-op', '91440106MA5OTHER01');
const provider = anActor('PROVIDER', GZ, 'p', '91440101MA5CXXXX1K');
const providerOrganiser = { kind: 'PROVIDER', id: 'p-1', orgId: '91440101MA5CXXXX1K', name: '某机构', regionCode: GZ };
const centreStaff = anActor('CENTRE_OPERATOR', GZ, 'c', '12440100MB0000001X');
const centreOrganiser = { kind: 'CENTRE', id: 'c-1', orgId: '12440100MB0000001X', name: '广州市中小企业服务中心', regionCode: GZ };
const cityStewardship = { role: 'CITY_AUTHORITY', regionCode: GZ };

describe('Activity (服务活动)', () => {
  describe('PlanActivity', () => {
    it('records the plan with its organiser, steward, co-organisers and theme month', () => {
      const { facts: _, ...data } = planning;
      given(activityKind).when(plan()).then([{ type: 'ActivityPlanned', data: { ...data, plannedAt: '2026-03-02T01:00:00.000Z' } }]);
    });

    it.each([
      { planner: stationOperator, organiser: planning.organiser, steward: planning.steward, code: 'STATION_NOT_ACTIVE' },
      { planner: provider, organiser: providerOrganiser, steward: cityStewardship, code: 'PROVIDER_NOT_IN_POOL' },
      { planner: centreStaff, organiser: centreOrganiser, steward: cityStewardship, code: 'CENTRE_NOT_RECOGNISED' },
    ])('refuses a $organiser.kind organiser the registries do not let organise on the day: $code (409)', ({ planner, organiser, steward, code }) => {
      given(activityKind).when(plan({ organiser, steward, facts: { organiserMayOrganise: false } }, planner)).thenThrows(code, { kind: 'CONFLICT' });
    });

    it('lets a recognised centre organise, only as its staff', () => {
      given(activityKind).when(plan({ organiser: centreOrganiser, steward: cityStewardship }, centreStaff)).thenEmits(['ActivityPlanned']);
      given(activityKind).when(plan({ organiser: centreOrganiser, steward: cityStewardship }, anActor('STATION_OPERATOR', GZ, 's', '12440100MB0000001X'))).thenThrows('ROLE_NOT_PERMITTED');
    });

    it('lets only the organiser plan, as the kind of organisation it is (403)', () => {
      given(activityKind).when(plan({}, otherStation)).thenThrows('NOT_OWNER', { kind: 'FORBIDDEN' });
      given(activityKind).when(plan({}, anActor('HUB', GZ, 'hub', planning.organiser.orgId))).thenThrows('ROLE_NOT_PERMITTED');
      given(activityKind).when(plan({}, enterpriseA)).thenThrows('ROLE_NOT_PERMITTED');
    });

    it.each([
      [{ title: ' ' }, 'title'],
      [{ kind: 'PARTY' }, 'kind'],
      [{ theme: '' }, 'theme'],
      [{ time: { date: '2026-02-30', startTime: '14:30', endTime: '17:00' } }, 'time.date'],
      [{ time: { date: '2026-03-18', startTime: '2:30', endTime: '17:00' } }, 'time.startTime'],
      [{ time: { date: '2026-03-18', startTime: '14:30', endTime: '14:00' } }, 'time.endTime'],
      [{ mode: 'RADIO' }, 'mode'],
      [{ venue: '' }, 'venue'],
      [{ capacity: 0 }, 'capacity'],
      [{ capacity: 2.5 }, 'capacity'],
      [{ fee: { kind: 'FREE', amountFen: 100 } }, 'fee.amountFen'],
      [{ fee: { kind: 'MARKET', amountFen: 0 } }, 'fee.amountFen'],
      [{ regionCode: '4401' }, 'regionCode'],
      [{ coOrganisers: [{ name: '' }] }, 'coOrganisers.0.name'],
      [{ coOrganisers: [{ name: 'A' }, { name: 'A' }] }, 'coOrganisers.1.name'],
      [{ time: { date: '2026-04-01', startTime: '14:30', endTime: '17:00' } }, 'themeMonth'],
    ])('refuses %j naming %s (400)', (changes, field) => {
      const error = given(activityKind).when(plan(changes)).thenThrows(error400(field), { kind: 'VALIDATION', field });
      expect(error.field).toBe(field);
    });

    it('takes a charged fee in 分 and an activity outside any theme month', () => {
      given(activityKind).when(plan({ fee: { kind: 'LOW_FEE', amountFen: 5000 }, themeMonth: undefined, time: { date: '2026-04-01', startTime: '09:00', endTime: '11:00' } })).thenEmits(['ActivityPlanned']);
    });

    it('refuses a second plan under the same id (409)', () => {
      given(activityKind, [planned]).when(plan()).thenThrows('ACTIVITY_ALREADY_EXISTS');
    });
  });

  describe('RegisterForActivity', () => {
    const register = (enterprise = ENTERPRISE_A, by = enterpriseA) => cmd('RegisterForActivity', { enterprise }, by, '2026-03-05T09:00:00+08:00');

    it('registers the enterprise by itself, or by the organiser on its behalf', () => {
      given(activityKind, [planned]).when(register()).then([registeredA]);
      given(activityKind, [planned, registeredA]).when(register(ENTERPRISE_B, stationOperator)).then([{ type: 'EnterpriseRegisteredForActivity', data: { activityId: ACTIVITY_ID, enterprise: ENTERPRISE_B, by: 'ORGANISER', registeredAt: '2026-03-05T01:00:00.000Z' } }]);
    });

    it('lets no enterprise register another (403)', () => {
      given(activityKind, [planned]).when(register(ENTERPRISE_A, enterpriseB)).thenThrows('NOT_OWNER');
    });

    it('refuses a second registration and one beyond capacity (409)', () => {
      given(activityKind, [planned, registeredA]).when(register()).thenThrows('ALREADY_REGISTERED');
      const third = { ...ENTERPRISE_B, enterpriseId: '9e3a4b5c-6d7e-4f80-9a1b-2c3d4e5f6a7b', uscc: '91440101MA5CXXXX1K' };
      given(activityKind, [planned, registeredA, registeredB]).when(register(third, stationOperator)).thenThrows('ACTIVITY_FULL');
    });

    it('refuses registration once cancelled or held (409)', () => {
      given(activityKind, [planned, cancelled]).when(register()).thenThrows('ACTIVITY_CANCELLED');
      given(activityKind, [planned, registeredA, held]).when(register(ENTERPRISE_B, stationOperator)).thenThrows('ACTIVITY_HELD');
    });
  });

  describe('PostponeActivity and CancelActivity', () => {
    const later = { date: '2026-03-25', startTime: '14:30', endTime: '17:00' };

    it('moves the activity later with a reason; it stays open', () => {
      const after = given(activityKind, [planned, registeredA]).when(cmd('PostponeActivity', { time: later, reason: '嘉宾行程调整' }, stationOperator, '2026-03-10T09:00:00+08:00'));
      after.then([{ type: 'ActivityPostponed', data: { activityId: ACTIVITY_ID, time: later, reason: '嘉宾行程调整', postponedAt: '2026-03-10T01:00:00.000Z' } }]).andState((s) =>
        expect(s).toMatchObject({ status: 'POSTPONED', time: later, postponements: [{ from: planning.time, to: later }] }),
      );
    });

    it('refuses a postponement to an earlier time, outside the theme month, or without a reason', () => {
      given(activityKind, [planned]).when(cmd('PostponeActivity', { time: { ...later, date: '2026-03-17' }, reason: '调整' })).thenThrows('POSTPONED_TO_EARLIER', { field: 'time.date' });
      given(activityKind, [planned]).when(cmd('PostponeActivity', { time: { ...later, date: '2026-04-02' }, reason: '调整' })).thenThrows('NOT_IN_THEME_MONTH');
      given(activityKind, [planned]).when(cmd('PostponeActivity', { time: later, reason: ' ' })).thenThrows('FIELD_REQUIRED', { field: 'reason' });
    });

    it('cancels before it is held, by the organiser or the steward; never after', () => {
      given(activityKind, [planned]).when(cmd('CancelActivity', { reason: '场地临时停用' }, activitySteward, '2026-03-10T09:00:00+08:00')).then([cancelled]);
      given(activityKind, [planned, registeredA, held]).when(cmd('CancelActivity', { reason: '取消' })).thenThrows('ACTIVITY_HELD');
      given(activityKind, [planned]).when(cmd('CancelActivity', { reason: '取消' }, anActor('HUB', SZ, 'sz-hub'))).thenThrows('NOT_OWNER', { kind: 'FORBIDDEN' });
      given(activityKind, [planned]).when(cmd('CancelActivity', { reason: '取消' }, anActor('CITY_AUTHORITY', GZ, 'gz'))).thenThrows('ROLE_NOT_PERMITTED');
    });
  });

  describe('HoldActivity', () => {
    it('records the registered enterprises present, the persons and the materials, and the feedback window', () => {
      given(activityKind, [planned, registeredA, registeredB]).when(hold({}, '2026-03-18T18:00:00+08:00')).then([held]);
    });

    it('refuses an enterprise that did not register, naming it (409)', () => {
      const stranger = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
      given(activityKind, [planned, registeredA])
        .when(hold({ enterpriseIdsPresent: [ENTERPRISE_A.enterpriseId, stranger] }))
        .thenThrows('ENTERPRISE_NOT_REGISTERED', { kind: 'CONFLICT', field: 'enterpriseIdsPresent.1', message: new RegExp(stranger) });
    });

    it('refuses holding a cancelled activity (409)', () => {
      given(activityKind, [planned, registeredA, cancelled]).when(hold()).thenThrows('ACTIVITY_CANCELLED', { kind: 'CONFLICT' });
    });

    it('refuses fewer persons than enterprises, a bad digest, a day not yet come, and a second holding', () => {
      given(activityKind, [planned, registeredA]).when(hold({ personsPresent: 0 })).thenThrows('FIELD_INVALID', { field: 'personsPresent' });
      given(activityKind, [planned, registeredA]).when(hold({ materials: [{ title: '议程', sha256: 'xyz' }] })).thenThrows('FIELD_INVALID', { field: 'materials.0.sha256' });
      given(activityKind, [planned, registeredA]).when(hold({}, '2026-03-17T18:00:00+08:00')).thenThrows('ACTIVITY_NOT_YET_DUE');
      given(activityKind, [planned, registeredA, held]).when(hold()).thenThrows('ACTIVITY_HELD');
      given(activityKind, [planned, registeredA]).when(hold({ enterpriseIdsPresent: [ENTERPRISE_A.enterpriseId, ENTERPRISE_A.enterpriseId] })).thenThrows('FIELD_INVALID', { field: 'enterpriseIdsPresent.1' });
    });

    it('lets only the organiser record it (403)', () => {
      const byOther = hold();
      given(activityKind, [planned, registeredA]).when({ ...byOther, metadata: { ...byOther.metadata, actor: otherStation } }).thenThrows('NOT_OWNER');
      given(activityKind, [planned, registeredA]).when({ ...byOther, metadata: { ...byOther.metadata, actor: enterpriseA } }).thenThrows('ROLE_NOT_PERMITTED');
    });
  });

  describe('RateActivity and AmendActivityRating (the shared feedback rules)', () => {
    const history = [planned, registeredA, registeredB, held];

    it('an enterprise present rates once, inside the window, and amends once', () => {
      given(activityKind, history)
        .when(rate(2))
        .then([{ type: 'ActivityRated', data: { activityId: ACTIVITY_ID, enterpriseId: ENTERPRISE_A.enterpriseId, feedback: { rating: 2, comment: '内容实用' }, ratedAt: '2026-03-20T02:00:00.000Z' } }]);
      const rated = { type: 'ActivityRated' as const, data: { activityId: ACTIVITY_ID, enterpriseId: ENTERPRISE_A.enterpriseId, feedback: { rating: 2, comment: '一般' }, ratedAt: '2026-03-19T02:00:00.000Z' } };
      given(activityKind, [...history, rated]).when(rate(4)).thenThrows('FEEDBACK_ALREADY_GIVEN');
      const amend = cmd('AmendActivityRating', { feedback: { rating: 4, comment: '补充交流后满意' } }, enterpriseA);
      const after = given(activityKind, [...history, rated]).when(amend).thenEmits(['ActivityRatingAmended']).state;
      given(activityKind, [...history, rated, { type: 'ActivityRatingAmended', data: { activityId: ACTIVITY_ID, enterpriseId: ENTERPRISE_A.enterpriseId, feedback: { rating: 4, comment: '满意' }, amendedAt: '2026-03-20T02:00:00.000Z' } }])
        .when(amend)
        .thenThrows('FEEDBACK_ALREADY_AMENDED');
      expect(after).toMatchObject({ feedback: { [ENTERPRISE_A.enterpriseId]: { amended: { rating: 4 } } } });
    });

    it('refuses a registered enterprise that was not present (403), and a rating after the window (409)', () => {
      given(activityKind, history).when(rate(5, enterpriseB)).thenThrows('NOT_OWNER', { kind: 'FORBIDDEN' });
      given(activityKind, history).when(rate(5, enterpriseA, '2026-04-18T10:00:00+08:00')).thenThrows('FEEDBACK_WINDOW_CLOSED');
      given(activityKind, history).when(rate(6)).thenThrows('FIELD_INVALID', { field: 'feedback.rating' });
    });
  });
});

/** The code a field's refusal carries: FIELD_REQUIRED for blank text, NOT_IN_THEME_MONTH / REGION_CODE_INVALID by rule, else FIELD_INVALID. */
function error400(field: string): string {
  if (field === 'themeMonth') return 'NOT_IN_THEME_MONTH';
  if (field === 'regionCode') return 'REGION_CODE_INVALID';
  if (['title', 'theme', 'venue', 'coOrganisers.0.name'].includes(field)) return 'FIELD_REQUIRED';
  return 'FIELD_INVALID';
}
