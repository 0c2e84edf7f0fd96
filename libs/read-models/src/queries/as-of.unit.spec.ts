import type { RecordedEvent } from '@sme/event-store';
import { inSlice } from './as-of';

const event = (occurredAt: string, recordedAt: string) => ({ metadata: { occurredAt, recordedAt } }) as RecordedEvent;

describe('A time slice of the ledger', () => {
  // Recorded on 15 July about 20 June: a back-dated act (补录).
  const late = event('2026-06-20T10:00:00.000Z', '2026-07-15T10:00:00.000Z');

  it('keeps an event that occurred by the business time and was recorded by the record time', () => {
    expect(inSlice(late, {})).toBe(true);
    expect(inSlice(late, { asOf: new Date('2026-06-30T00:00:00Z') })).toBe(true);
    expect(inSlice(late, { asOf: new Date('2026-06-30T00:00:00Z'), knownAt: new Date('2026-07-31T00:00:00Z') })).toBe(true);
  });

  it('leaves out what had not yet occurred, or was not yet known', () => {
    expect(inSlice(late, { asOf: new Date('2026-06-19T00:00:00Z') })).toBe(false);
    expect(inSlice(late, { asOf: new Date('2026-06-30T00:00:00Z'), knownAt: new Date('2026-07-01T00:00:00Z') })).toBe(false);
    expect(inSlice(late, { knownAt: new Date('2026-07-15T09:59:59Z') })).toBe(false);
  });
});
