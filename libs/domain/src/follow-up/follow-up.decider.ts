import type { RecordLabel } from '../shared/record-kind';
import { compareBusinessDates, chinaDateOf } from '../shared/dates';
import { decideByType, guardedBy } from '../shared/decide-by-type';
import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid } from '../shared/domain-error';
import { L, requireBusinessDate, requireInteger, requireOneOf, requireText } from '../shared/validation';
import { visitChannels } from '../delivery/delivery.terms';
import { requireNotAfterToday } from '../delivery/delivery.rules';
import type {
  CloseFollowUp,
  ConfirmFollowUpSettled,
  EscalateFollowUp,
  FollowUpCommand,
  OpenFollowUp,
  OpenFollowUpOnActivity,
  RecordFollowUpContact,
  RecordRectification,
  RecordRectificationPlan,
} from './follow-up.commands';
import type { FollowUpEvent, FollowUpEvents } from './follow-up.events';

/** A follow-up is about a delivery or an activity; the rest of its record is the same. */
type Opening = (FollowUpEvents['FollowUpOpened']['data'] & { activityId?: undefined }) | (FollowUpEvents['FollowUpOpenedOnActivity']['data'] & { deliveryId?: undefined });

export type FollowUpRecord = Opening & {
  contacts: number;
  plan?: string;
  rectifiedOn?: string;
  escalatedAt?: string;
  closure?: Omit<FollowUpEvents['FollowUpClosed']['data'], 'followUpId'>;
};

/** OPEN until closed; the steps in between are recorded, escalation leaves it open. */
export type FollowUpState = { status: 'NONE' } | ({ status: 'OPEN' | 'CLOSED' } & FollowUpRecord);
export type ExistingFollowUp = Exclude<FollowUpState, { status: 'NONE' }>;

const initialState = (): FollowUpState => ({ status: 'NONE' });

function evolve(state: FollowUpState, event: FollowUpEvent): FollowUpState {
  if (event.type === 'FollowUpOpened' || event.type === 'FollowUpOpenedOnActivity') return { status: 'OPEN', ...event.data, contacts: 0 };
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'FollowUpContacted':
      return { ...state, contacts: state.contacts + 1 };
    case 'FollowUpPlanned':
      return { ...state, plan: event.data.plan };
    case 'FollowUpRectified':
      return { ...state, rectifiedOn: event.data.rectifiedOn };
    case 'FollowUpEscalated':
      return { ...state, escalatedAt: event.data.escalatedAt };
    case 'FollowUpClosed': {
      const { followUpId: _, ...closure } = event.data;
      return { ...state, status: 'CLOSED', closure };
    }
    default:
      return assertNever(event);
  }
}

const whileOpen = guardedBy((f: ExistingFollowUp) => {
  if (f.status === 'CLOSED') throw conflict('FOLLOW_UP_CLOSED', `该跟进已于${f.closure?.closedOn}办结`, `The follow-up was closed on ${f.closure?.closedOn}`);
});

/** How follow-up records are named when one is missing. */
export const FOLLOW_UP_RECORD: RecordLabel = { code: 'FOLLOW_UP', zh: '差评跟进', en: 'follow-up' };

const decide = decideByType<FollowUpCommand, FollowUpState, FollowUpEvent, 'OpenFollowUp' | 'OpenFollowUpOnActivity'>({
  onNew: { OpenFollowUp: open, OpenFollowUpOnActivity: openOnActivity },
  on: {
    RecordFollowUpContact: whileOpen(contact),
    RecordRectificationPlan: whileOpen(plan),
    RecordRectification: whileOpen(rectify),
    ConfirmFollowUpSettled: whileOpen(confirmSettled),
    CloseFollowUp: whileOpen(close),
    EscalateFollowUp: whileOpen(escalate),
  },
  record: FOLLOW_UP_RECORD,
});

const today = (now: Date) => chinaDateOf(now);

/** What every opening checks: once, a detail, whole working days, a due day after the opening. */
function checkOpening<D extends { detail: string; workingDays: number; dueOn: string; openedOn: string }>(data: D, state: FollowUpState): D {
  // Opened by a reaction that may see its cause again: the second time is a conflict it skips.
  if (state.status !== 'NONE') throw conflict('FOLLOW_UP_ALREADY_OPEN', '该跟进已建立', 'The follow-up has already been opened');
  const detail = requireText(data.detail, 'detail', L('企业意见', 'Detail'));
  const workingDays = requireInteger(data.workingDays, 'workingDays', L('办结时限（工作日）', 'Working days'), 1);
  if (compareBusinessDates(data.dueOn, data.openedOn) <= 0) {
    throw invalid('DUE_NOT_AFTER_OPENING', `办结时限（${data.dueOn}）须晚于开始日期（${data.openedOn}）`, `The due day (${data.dueOn}) must come after the opening (${data.openedOn})`, 'dueOn');
  }
  return { ...data, detail, workingDays };
}

function open(command: OpenFollowUp, state: FollowUpState): FollowUpEvent[] {
  return [{ type: 'FollowUpOpened', data: { ...checkOpening(command.data, state), openedAt: command.metadata.now.toISOString() } }];
}

function openOnActivity(command: OpenFollowUpOnActivity, state: FollowUpState): FollowUpEvent[] {
  return [{ type: 'FollowUpOpenedOnActivity', data: { ...checkOpening(command.data, state), openedAt: command.metadata.now.toISOString() } }];
}

function contact(command: RecordFollowUpContact, f: ExistingFollowUp): FollowUpEvent[] {
  const { data, metadata } = command;
  const channel = requireOneOf(data.channel, visitChannels.codes, 'channel', L('联系方式', 'Channel'));
  const contactedOn = requireBusinessDate(data.contactedOn, 'contactedOn', L('联系日期', 'Contacted on'));
  requireNotAfterToday(contactedOn, today(metadata.now), 'contactedOn', L('联系日期', 'Contacted on'));
  if (compareBusinessDates(contactedOn, f.openedOn) < 0) {
    throw invalid('BEFORE_OPENING', `联系日期（${contactedOn}）早于跟进开始（${f.openedOn}）`, `Contacted on ${contactedOn}, before the follow-up opened (${f.openedOn})`, 'contactedOn');
  }
  const note = requireText(data.note, 'note', L('沟通情况', 'Note'));
  return [{ type: 'FollowUpContacted', data: { followUpId: f.followUpId, channel, contactedOn, note, contactedAt: metadata.now.toISOString() } }];
}

function plan(command: RecordRectificationPlan, f: ExistingFollowUp): FollowUpEvent[] {
  if (f.contacts === 0) throw conflict('NOT_CONTACTED', '须先联系企业，再制定整改计划', 'The enterprise must be contacted before a rectification plan');
  const text = requireText(command.data.plan, 'plan', L('整改计划', 'Plan'));
  return [{ type: 'FollowUpPlanned', data: { followUpId: f.followUpId, plan: text, plannedAt: command.metadata.now.toISOString() } }];
}

function rectify(command: RecordRectification, f: ExistingFollowUp): FollowUpEvent[] {
  if (f.plan === undefined) throw conflict('NO_RECTIFICATION_PLAN', '尚无整改计划', 'There is no rectification plan yet');
  const { data, metadata } = command;
  const rectification = requireText(data.rectification, 'rectification', L('整改情况', 'Rectification'));
  const rectifiedOn = requireBusinessDate(data.rectifiedOn, 'rectifiedOn', L('整改完成日期', 'Rectified on'));
  requireNotAfterToday(rectifiedOn, today(metadata.now), 'rectifiedOn', L('整改完成日期', 'Rectified on'));
  return [{ type: 'FollowUpRectified', data: { followUpId: f.followUpId, rectification, rectifiedOn, rectifiedAt: metadata.now.toISOString() } }];
}

function closing(f: ExistingFollowUp, now: Date, by: 'ENTERPRISE' | 'STEWARD', reason: string, rating?: number): FollowUpEvent[] {
  const closedOn = today(now);
  return [
    {
      type: 'FollowUpClosed',
      data: { followUpId: f.followUpId, by, ...(rating === undefined ? {} : { rating }), reason, closedOn, onTime: compareBusinessDates(closedOn, f.dueOn) <= 0, closedAt: now.toISOString() },
    },
  ];
}

function confirmSettled(command: ConfirmFollowUpSettled, f: ExistingFollowUp): FollowUpEvent[] {
  const { data, metadata } = command;
  const comment = requireText(data.comment, 'comment', L('企业意见', 'Comment'));
  const rating = data.rating === undefined ? undefined : requireInteger(data.rating, 'rating', L('满意度', 'Rating'), 1, 5);
  return closing(f, metadata.now, 'ENTERPRISE', comment, rating);
}

function close(command: CloseFollowUp, f: ExistingFollowUp): FollowUpEvent[] {
  const reason = requireText(command.data.reason, 'reason', L('办结理由', 'Reason'));
  return closing(f, command.metadata.now, 'STEWARD', reason);
}

function escalate(command: EscalateFollowUp, f: ExistingFollowUp): FollowUpEvent[] {
  if (f.escalatedAt !== undefined) throw conflict('FOLLOW_UP_ALREADY_ESCALATED', '该跟进已逾期上报', 'The follow-up has already been escalated');
  const on = today(command.metadata.now);
  const overdueWorkingDays = command.data.overdueWorkingDays;
  // Overdue once a working day has passed after the due day: a weekend after it does not count.
  if (compareBusinessDates(on, f.dueOn) <= 0 || !Number.isInteger(overdueWorkingDays) || overdueWorkingDays < 1) {
    throw conflict('FOLLOW_UP_NOT_OVERDUE', `办结时限为${f.dueOn}，尚未逾期`, `The follow-up is due on ${f.dueOn}; it is not overdue`);
  }
  return [
    {
      type: 'FollowUpEscalated',
      data: { followUpId: f.followUpId, to: f.escalateTo, dueOn: f.dueOn, overdueWorkingDays, escalatedAt: command.metadata.now.toISOString() },
    },
  ];
}

export const followUpDecider: Decider<FollowUpCommand, FollowUpState, FollowUpEvent> = { initialState, evolve, decide };
