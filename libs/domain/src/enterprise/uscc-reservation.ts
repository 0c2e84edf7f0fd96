import type { RecordLabel } from '../shared/record-kind';
import { assertNever, type Decider, type DomainCommand } from '../shared/decider';
import { conflict } from '../shared/domain-error';
import { at, closed, recordId, uscc as usccCode } from '../shared/schema/builders';
import type { EventOf, EventsByType, EventSpecs } from '../shared/schema/event-spec';
import { requireUscc } from '../shared/uscc';
import { requireText } from '../shared/validation';

/** How USCC reservation records are named when one is missing. */
export const USCC_RESERVATION_RECORD: RecordLabel = { code: 'USCC_RESERVATION', zh: '统一社会信用代码占用', en: 'USCC reservation' };

/**
 * The USCC uniqueness index, one stream per code (`uscc-<USCC>`, see usccReservationKind). Its
 * first and only event names the enterprise record that holds the code. The stream is created with
 * expected revision 'no_stream', so of two registrations racing for one code exactly one creates it.
 */
export const USCC_RESERVATION_EVENTS = {
  UsccReserved: {
    version: 1,
    title: 'USCC reserved (统一社会信用代码占用)',
    summary: 'The USCC is held by one enterprise record from now on; written just before that enterprise’s EnterpriseRegistered.',
    payload: closed({
      uscc: usccCode(),
      enterpriseId: recordId('The enterprise record that holds the code'),
      reservedAt: at('When it was reserved'),
    }),
  },
} satisfies EventSpecs;

export type UsccReservationEvent = EventOf<typeof USCC_RESERVATION_EVENTS>;
export type UsccReservationEvents = EventsByType<typeof USCC_RESERVATION_EVENTS>;

/** Reserves `uscc` for `enterpriseId`; a repeat for the same enterprise (a retried registration) changes nothing. */
export type ReserveUscc = DomainCommand<'ReserveUscc', Omit<UsccReservationEvents['UsccReserved']['data'], 'reservedAt'>>;

export type UsccReservationState = { status: 'FREE' } | { status: 'RESERVED'; uscc: string; enterpriseId: string; reservedAt: string };

/** Whether the code is held by an enterprise record other than `enterpriseId` (what RegisterEnterprise's `usccAlreadyRegistered` says). */
export const usccHeldByAnother = (state: UsccReservationState, enterpriseId: string): boolean =>
  state.status === 'RESERVED' && state.enterpriseId !== enterpriseId;

export const usccAlreadyRegistered = (uscc: string) =>
  conflict('USCC_ALREADY_REGISTERED', `统一社会信用代码${uscc}已登记入库`, `An enterprise with USCC ${uscc} is already registered`, 'uscc');

function decide(command: ReserveUscc, state: UsccReservationState): UsccReservationEvent[] {
  const uscc = requireUscc(command.data.uscc, 'uscc');
  const enterpriseId = requireText(command.data.enterpriseId, 'enterpriseId', { zh: '企业编号', en: 'Enterprise id' });
  if (state.status === 'RESERVED') {
    if (state.enterpriseId === enterpriseId) return [];
    throw usccAlreadyRegistered(uscc);
  }
  return [{ type: 'UsccReserved', data: { uscc, enterpriseId, reservedAt: command.metadata.now.toISOString() } }];
}

function evolve(state: UsccReservationState, event: UsccReservationEvent): UsccReservationState {
  switch (event.type) {
    case 'UsccReserved':
      // The first reservation holds; the stream is never written twice, but a fold must not let a later event win.
      return state.status === 'RESERVED' ? state : { status: 'RESERVED', ...event.data };
    default:
      return assertNever(event.type);
  }
}

export const usccReservationDecider: Decider<ReserveUscc, UsccReservationState, UsccReservationEvent> = {
  initialState: () => ({ status: 'FREE' }),
  evolve,
  decide,
};
