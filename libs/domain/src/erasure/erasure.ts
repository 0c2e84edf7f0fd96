import type { RecordLabel } from '../shared/record-kind';
import { assertNever, type Decider, type DomainCommand } from '../shared/decider';
import { conflict } from '../shared/domain-error';
import { arrayOf, at, closed, matching, opinion, recordId, text } from '../shared/schema/builders';
import type { EventOf, EventsByType, EventSpecs } from '../shared/schema/event-spec';

/** How erasure records are named when one is missing. */
export const ERASURE_RECORD: RecordLabel = { code: 'ERASURE', zh: '个人信息删除申请', en: 'erasure' };

/** A data subject: a person a record names, `<streamId>#<path of the object naming them>` (`application-…#form.station.head`). */
const subject = () => matching('^[a-z]+-[^#\\s]+#[A-Za-z0-9_.]*$', 'A data subject: the record’s stream and the path of the object naming the person');

/**
 * 个人信息删除: a request to erase the personal data a record holds (个人信息保护法第四十七条), its
 * decision by a second administrator, and the erasure itself — the subjects' keys deleted, so their
 * fields read 已删除 in the store, the read models and any copy, while every hash still verifies.
 * The events name the subjects, never the data.
 */
export const ERASURE_EVENTS = {
  ErasureRequested: {
    version: 1,
    action: 'requested',
    title: 'Erasure of personal data requested (个人信息删除申请)',
    summary: 'An administrator asked, with a reason, to erase the personal data of the named subjects of one record.',
    payload: closed({
      erasureId: recordId('The erasure'),
      streamId: matching('^[a-z]+-[^#\\s]+$', 'The record whose personal data is to be erased (its stream)'),
      subjects: arrayOf(subject(), { minItems: 1, uniqueItems: true, description: 'The data subjects to erase' }),
      reason: text('Why: the data subject’s request, the purpose fulfilled, the retention period over …'),
      requestedBy: text('The administrator who asked (user id): another must decide'),
      requestedAt: at('When it was requested'),
    }),
  },
  ErasureApproved: {
    version: 1,
    action: 'approved',
    title: 'Erasure approved',
    summary: 'A second administrator approved the erasure, with an opinion; the keys are deleted next.',
    payload: closed({ erasureId: recordId('The erasure'), opinion: opinion(), approvedAt: at('When it was approved') }),
  },
  ErasureRefused: {
    version: 1,
    action: 'refused',
    title: 'Erasure refused',
    summary: 'A second administrator refused the erasure, with a reason (a legal duty to keep the data, say); nothing is erased.',
    payload: closed({ erasureId: recordId('The erasure'), reason: text('Why it was refused'), refusedAt: at('When it was refused') }),
  },
  PersonalDataErased: {
    version: 1,
    action: 'carried-out',
    title: 'Personal data erased (个人信息已删除)',
    summary: 'The subjects’ keys were deleted: their fields read 已删除 wherever they are kept; the hash chains are unchanged.',
    payload: closed({
      erasureId: recordId('The erasure'),
      subjects: arrayOf(subject(), { uniqueItems: true, description: 'The subjects whose keys are now deleted' }),
      erasedAt: at('When the keys were deleted'),
    }),
  },
} satisfies EventSpecs;

export type ErasureEvent = EventOf<typeof ERASURE_EVENTS>;
export type ErasureEvents = EventsByType<typeof ERASURE_EVENTS>;

export type RequestErasure = DomainCommand<'RequestErasure', Omit<ErasureEvents['ErasureRequested']['data'], 'requestedAt' | 'requestedBy'>>;
export type ApproveErasure = DomainCommand<'ApproveErasure', { erasureId: string; opinion: string }>;
export type RefuseErasure = DomainCommand<'RefuseErasure', { erasureId: string; reason: string }>;
export type RecordErasure = DomainCommand<'RecordErasure', { erasureId: string; subjects: string[] }>;
export type ErasureCommand = RequestErasure | ApproveErasure | RefuseErasure | RecordErasure;

export type ErasureStatus = 'REQUESTED' | 'APPROVED' | 'REFUSED' | 'ERASED';
export type ErasureState =
  | { status: 'NONE' }
  | { status: ErasureStatus; erasureId: string; streamId: string; subjects: string[]; requestedBy: string };

const notPending = (status: ErasureStatus) =>
  conflict('ERASURE_NOT_PENDING', `该删除申请已${status === 'REFUSED' ? '被驳回' : '批准'}，不能再决定`, `The erasure is ${status}: it is no longer awaiting a decision`);

function decide(command: ErasureCommand, state: ErasureState): ErasureEvent[] {
  const now = command.metadata.now.toISOString();
  switch (command.type) {
    case 'RequestErasure':
      if (state.status !== 'NONE') throw conflict('ERASURE_EXISTS', '该删除申请已存在', 'The erasure already exists');
      return [{ type: 'ErasureRequested', data: { ...command.data, subjects: [...command.data.subjects], requestedBy: command.metadata.actor.id, requestedAt: now } }];
    case 'ApproveErasure':
    case 'RefuseErasure':
      if (state.status === 'NONE') throw conflict('ERASURE_NOT_FOUND', '删除申请不存在', 'The erasure does not exist');
      if (state.status !== 'REQUESTED') throw notPending(state.status);
      return command.type === 'ApproveErasure'
        ? [{ type: 'ErasureApproved', data: { erasureId: state.erasureId, opinion: command.data.opinion, approvedAt: now } }]
        : [{ type: 'ErasureRefused', data: { erasureId: state.erasureId, reason: command.data.reason, refusedAt: now } }];
    case 'RecordErasure':
      if (state.status === 'ERASED') return [];
      if (state.status !== 'APPROVED') throw conflict('ERASURE_NOT_APPROVED', '删除申请尚未批准', 'The erasure has not been approved');
      return [{ type: 'PersonalDataErased', data: { erasureId: state.erasureId, subjects: [...command.data.subjects], erasedAt: now } }];
    default:
      return assertNever(command);
  }
}

function evolve(state: ErasureState, event: ErasureEvent): ErasureState {
  switch (event.type) {
    case 'ErasureRequested':
      return { status: 'REQUESTED', erasureId: event.data.erasureId, streamId: event.data.streamId, subjects: [...event.data.subjects], requestedBy: event.data.requestedBy };
    case 'ErasureApproved':
      return state.status === 'NONE' ? state : { ...state, status: 'APPROVED' };
    case 'ErasureRefused':
      return state.status === 'NONE' ? state : { ...state, status: 'REFUSED' };
    case 'PersonalDataErased':
      return state.status === 'NONE' ? state : { ...state, status: 'ERASED' };
    default:
      return assertNever(event);
  }
}

export const erasureDecider: Decider<ErasureCommand, ErasureState, ErasureEvent> = {
  initialState: () => ({ status: 'NONE' }),
  evolve,
  decide,
};
