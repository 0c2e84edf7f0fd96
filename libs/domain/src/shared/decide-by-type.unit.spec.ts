import { createdOnce, decideByType } from './decide-by-type';
import type { DomainCommand } from './decider';
import type { RecordLabel } from './record-kind';
import { anActor, domainErrorOf } from './testing';

type NoteCommand = DomainCommand<'WriteNote', { text: string }> | DomainCommand<'AmendNote', { text: string }>;
type NoteState = { status: 'NONE' } | { status: 'WRITTEN'; text: string };
type NoteEvent = { type: 'NoteWritten' | 'NoteAmended'; data: { text: string } };

const NOTE_RECORD: RecordLabel = { code: 'NOTE', zh: '备注', en: 'note' };
const actor = anActor('HUB', '440100');
const command = <T extends NoteCommand['type']>(type: T, text: string) => ({ type, data: { text }, metadata: { now: new Date('2026-01-01T00:00:00Z'), actor } }) as Extract<NoteCommand, { type: T }>;

const decide = decideByType<NoteCommand, NoteState, NoteEvent, 'WriteNote'>({
  onNew: { WriteNote: createdOnce(NOTE_RECORD, (c) => [{ type: 'NoteWritten', data: c.data }]) },
  on: { AmendNote: (c) => [{ type: 'NoteAmended', data: c.data }] },
  record: NOTE_RECORD,
});

describe('decideByType', () => {
  it('creates a record through its creating step, and acts on an existing one through the others', () => {
    expect(decide(command('WriteNote', 'a'), { status: 'NONE' })).toEqual([{ type: 'NoteWritten', data: { text: 'a' } }]);
    expect(decide(command('AmendNote', 'b'), { status: 'WRITTEN', text: 'a' })).toEqual([{ type: 'NoteAmended', data: { text: 'b' } }]);
  });

  it('answers a step on a record that does not exist with its label’s 404', () => {
    expect(domainErrorOf(() => decide(command('AmendNote', 'b'), { status: 'NONE' }))).toMatchObject({
      kind: 'NOT_FOUND',
      code: 'NOTE_NOT_FOUND',
      messageZh: '备注不存在',
      messageEn: 'The note does not exist',
    });
  });

  it('refuses a second creation of a step written createdOnce with its label’s 409', () => {
    expect(domainErrorOf(() => decide(command('WriteNote', 'again'), { status: 'WRITTEN', text: 'a' }))).toMatchObject({
      kind: 'CONFLICT',
      code: 'NOTE_ALREADY_EXISTS',
      messageZh: '该备注已存在',
      messageEn: 'The note already exists',
    });
  });
});
