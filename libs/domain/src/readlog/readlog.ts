import type { RecordLabel } from '../shared/record-kind';
import { assertNever, type Decider, type DomainCommand } from '../shared/decider';
import { arrayOf, at, closed, oneOf, regionCode, text } from '../shared/schema/builders';
import type { EventOf, EventsByType, EventSpecs } from '../shared/schema/event-spec';
import { ROLES } from '../shared/decider';

/** How read log records are named when one is missing. */
export const READ_LOG_RECORD: RecordLabel = { code: 'READ_LOG', zh: '个人信息查阅记录', en: 'read log' };

/**
 * 个人信息查阅记录: who read which record's personal data, and when — what the 个人信息保护法 and 等保 2.0
 * ask an operator to be able to show. One stream per day in China (`readlog-<YYYY-MM-DD>`), written by
 * the API after a read it served; auditors read it back (GET /audit/personal-data-reads).
 */
export const READ_LOG_EVENTS = {
  PersonalDataRead: {
    version: 1,
    title: 'Personal data read (个人信息查阅)',
    summary: 'A reader was shown a record holding personal data: who, which record and which of its fields, when.',
    payload: closed({
      reader: closed(
        { id: text('The token’s subject'), role: oneOf(ROLES), orgId: text('The reader’s organisation'), regionCode: text('The reader’s region') },
        { description: 'Who read it' },
      ),
      record: closed(
        { kind: text('The record kind, e.g. application'), id: text('The record'), regionCode: regionCode('Where the record belongs: auditors of that region see the read') },
        { description: 'What was read' },
      ),
      fields: arrayOf(text(), { minItems: 1, description: 'The personal data shown, by field path (e.g. form.operator.contact)' }),
      asOf: text('The business time replayed to, for an auditor’s replay; "now" otherwise'),
      readAt: at('When it was read'),
    }),
  },
} satisfies EventSpecs;

export type ReadLogEvent = EventOf<typeof READ_LOG_EVENTS>;
export type ReadLogEvents = EventsByType<typeof READ_LOG_EVENTS>;

/** Recorded by the API for the reader who was shown the data. */
export type RecordPersonalDataRead = DomainCommand<'RecordPersonalDataRead', { day: string } & Omit<ReadLogEvents['PersonalDataRead']['data'], 'readAt'>>;

/** A day's log only counts its reads: nothing it holds decides anything. */
export type ReadLogState = { reads: number };

function decide(command: RecordPersonalDataRead): ReadLogEvent[] {
  const { day: _, ...read } = command.data;
  return [{ type: 'PersonalDataRead', data: { ...read, fields: [...read.fields], readAt: command.metadata.now.toISOString() } }];
}

function evolve(state: ReadLogState, event: ReadLogEvent): ReadLogState {
  switch (event.type) {
    case 'PersonalDataRead':
      return { reads: state.reads + 1 };
    default:
      return assertNever(event.type);
  }
}

export const readLogDecider: Decider<RecordPersonalDataRead, ReadLogState, ReadLogEvent> = { initialState: () => ({ reads: 0 }), evolve, decide };
