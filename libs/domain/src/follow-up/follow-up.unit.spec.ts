import { addWorkingDays, CHINA_WORKING_CALENDAR, workingDaysBetween } from '../shared/calendar/working-days';
import { anActor, commandsOn, commandWith, given, GZ, gzHub, SZ, TIANHE } from '../shared/testing';
import { providerStaff, servedEnterprise, steward } from '../delivery/delivery.fixtures';
import type { FollowUpCommand } from './follow-up.commands';
import { contacted, FOLLOW_UP_ID, opened, opening, planned } from './follow-up.fixtures';
import { followUpKind } from './follow-up.kind';

const NOW = '2026-09-30T10:00:00+08:00';
const NOW_ISO = new Date(NOW).toISOString();
const open = commandWith('OpenFollowUp', opening, steward, '2026-09-28T10:00:00+08:00');
const cmd = commandsOn<FollowUpCommand>()({ followUpId: FOLLOW_UP_ID }, steward, NOW);
const otherEnterprise = anActor('ENTERPRISE', TIANHE, 'other-enterprise', '914401056187432107');
/** The sweep's escalation on a business day: the working days overdue as the handler counts them. */
const escalateOn = (date: string) =>
  cmd('EscalateFollowUp', { overdueWorkingDays: workingDaysBetween(CHINA_WORKING_CALENDAR, opening.dueOn, date) }, steward, `${date}T09:00:00+08:00`);

describe('Follow-up (差评跟进)', () => {
  it('is due five working days after a 差评 given before 国庆节: on the Saturday worked after it', () => {
    expect(addWorkingDays(CHINA_WORKING_CALENDAR, opening.openedOn, opening.workingDays)).toBe(opening.dueOn);
  });

  it('is opened by the ledger as the steward, once', () => {
    given(followUpKind).when(open()).then([opened]);
    given(followUpKind, [opened]).when(open()).thenThrows('FOLLOW_UP_ALREADY_OPEN', { kind: 'CONFLICT' });
    given(followUpKind).when(open({}, gzHub)).thenThrows('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
    given(followUpKind).when(open({}, anActor('CITY_AUTHORITY', SZ, 'sz'))).thenThrows('REGION_NOT_PERMITTED');
    given(followUpKind).when(open({ dueOn: '2026-09-28' })).thenThrows('DUE_NOT_AFTER_OPENING', { field: 'dueOn' });
  });

  it('is opened on an activity’s 差评 too, the same way, with the activity as its subject', () => {
    const { deliveryId: _, cause: __, ...parties } = opening;
    const onActivity = { ...parties, activityId: '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c', cause: 'POOR_RATING' as const };
    const openOnActivity = commandWith('OpenFollowUpOnActivity', onActivity, steward, '2026-09-28T10:00:00+08:00');
    const { state } = given(followUpKind).when(openOnActivity()).then([{ type: 'FollowUpOpenedOnActivity', data: { ...onActivity, openedAt: '2026-09-28T02:00:00.000Z' } }]);
    expect(state).toMatchObject({ status: 'OPEN', activityId: onActivity.activityId, dueOn: '2026-10-10' });
    given(followUpKind).when(openOnActivity({}, gzHub)).thenThrows('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
    given(followUpKind).when(openOnActivity({ dueOn: '2026-09-27' })).thenThrows('DUE_NOT_AFTER_OPENING');
  });

  it('runs contacted → plan → rectified, in that order', () => {
    given(followUpKind, [opened]).when(cmd('RecordFollowUpContact', { channel: 'PHONE', contactedOn: '2026-09-29', note: '已沟通' })).thenEmits(['FollowUpContacted']);
    given(followUpKind, [opened]).when(cmd('RecordRectificationPlan', { plan: '补充对接' }, providerStaff)).thenThrows('NOT_CONTACTED', { kind: 'CONFLICT' });
    given(followUpKind, [opened, contacted]).when(cmd('RecordRectificationPlan', { plan: '补充对接' }, providerStaff)).thenEmits(['FollowUpPlanned']);
    given(followUpKind, [opened, contacted]).when(cmd('RecordRectification', { rectification: '已对接', rectifiedOn: '2026-09-30' })).thenThrows('NO_RECTIFICATION_PLAN');
    given(followUpKind, [opened, contacted, planned]).when(cmd('RecordRectification', { rectification: '已对接工商银行', rectifiedOn: '2026-09-30' })).thenEmits(['FollowUpRectified']);
  });

  it('refuses a contact before the opening or in the future', () => {
    given(followUpKind, [opened]).when(cmd('RecordFollowUpContact', { channel: 'PHONE', contactedOn: '2026-09-27', note: 'x' })).thenThrows('BEFORE_OPENING', { field: 'contactedOn' });
    given(followUpKind, [opened]).when(cmd('RecordFollowUpContact', { channel: 'PHONE', contactedOn: '2026-10-01', note: 'x' })).thenThrows('DATE_IN_FUTURE');
  });

  it('lets the steward follow up, the server record its rectification, and nobody else (403)', () => {
    given(followUpKind, [opened]).when(cmd('RecordFollowUpContact', { channel: 'PHONE', contactedOn: '2026-09-29', note: 'x' }, providerStaff)).thenThrows('ROLE_NOT_PERMITTED');
    given(followUpKind, [opened]).when(cmd('RecordFollowUpContact', { channel: 'PHONE', contactedOn: '2026-09-29', note: 'x' }, anActor('CITY_AUTHORITY', SZ, 'sz'))).thenThrows('REGION_NOT_PERMITTED');
    given(followUpKind, [opened, contacted]).when(cmd('RecordRectificationPlan', { plan: 'x' }, anActor('PROVIDER', GZ, 'p2', 'another-org'))).thenThrows('NOT_OWNER');
  });

  it('is closed by the enterprise’s confirmation with a new rating, on time', () => {
    given(followUpKind, [opened, contacted, planned])
      .when(cmd('ConfirmFollowUpSettled', { rating: 4, comment: '问题已解决' }, servedEnterprise))
      .then([{ type: 'FollowUpClosed', data: { followUpId: FOLLOW_UP_ID, by: 'ENTERPRISE', rating: 4, reason: '问题已解决', closedOn: '2026-09-30', onTime: true, closedAt: NOW_ISO } }]);
    given(followUpKind, [opened]).when(cmd('ConfirmFollowUpSettled', { comment: 'x' }, otherEnterprise)).thenThrows('NOT_OWNER', { kind: 'FORBIDDEN' });
    given(followUpKind, [opened]).when(cmd('ConfirmFollowUpSettled', { rating: 7, comment: 'x' }, servedEnterprise)).thenThrows('FIELD_INVALID', { field: 'rating' });
  });

  it('is closed by the steward with a reason, late when after the due day', () => {
    given(followUpKind, [opened])
      .when(cmd('CloseFollowUp', { reason: '企业已注销，无法继续跟进' }, steward, '2026-10-12T09:00:00+08:00'))
      .then([
        { type: 'FollowUpClosed', data: { followUpId: FOLLOW_UP_ID, by: 'STEWARD', reason: '企业已注销，无法继续跟进', closedOn: '2026-10-12', onTime: false, closedAt: '2026-10-12T01:00:00.000Z' } },
      ]);
    given(followUpKind, [opened]).when(cmd('CloseFollowUp', { reason: ' ' })).thenThrows('FIELD_REQUIRED', { field: 'reason' });
  });

  it('takes nothing after it is closed', () => {
    const closed = { type: 'FollowUpClosed' as const, data: { followUpId: FOLLOW_UP_ID, by: 'STEWARD' as const, reason: 'x', closedOn: '2026-09-30', onTime: true, closedAt: NOW_ISO } };
    given(followUpKind, [opened, closed]).when(cmd('RecordFollowUpContact', { channel: 'PHONE', contactedOn: '2026-09-30', note: 'x' })).thenThrows('FOLLOW_UP_CLOSED', { kind: 'CONFLICT' });
  });

  describe('escalation when overdue, on the working-day calendar', () => {
    it('is not overdue on its due day (Saturday 10 October, worked), nor on the Sunday after it', () => {
      given(followUpKind, [opened]).when(escalateOn('2026-10-10')).thenThrows('FOLLOW_UP_NOT_OVERDUE', { kind: 'CONFLICT' });
      given(followUpKind, [opened]).when(escalateOn('2026-10-11')).thenThrows('FOLLOW_UP_NOT_OVERDUE');
    });

    it('is escalated to the enterprise’s district on the first working day after, once, and stays open', () => {
      const { state } = given(followUpKind, [opened])
        .when(escalateOn('2026-10-12'))
        .then([
          {
            type: 'FollowUpEscalated',
            data: { followUpId: FOLLOW_UP_ID, to: { role: 'DISTRICT_AUTHORITY', regionCode: TIANHE }, dueOn: '2026-10-10', overdueWorkingDays: 1, escalatedAt: '2026-10-12T01:00:00.000Z' },
          },
        ]);
      expect(state).toMatchObject({ status: 'OPEN', escalatedAt: '2026-10-12T01:00:00.000Z' });
      const escalated = { type: 'FollowUpEscalated' as const, data: { followUpId: FOLLOW_UP_ID, to: opening.escalateTo, dueOn: '2026-10-10', overdueWorkingDays: 1, escalatedAt: '2026-10-12T01:00:00.000Z' } };
      given(followUpKind, [opened, escalated]).when(escalateOn('2026-10-13')).thenThrows('FOLLOW_UP_ALREADY_ESCALATED');
    });

    it('is escalated by the steward only', () => {
      given(followUpKind, [opened]).when({ ...escalateOn('2026-10-12'), metadata: { ...escalateOn('2026-10-12').metadata, actor: servedEnterprise } }).thenThrows('ROLE_NOT_PERMITTED');
    });
  });
});
