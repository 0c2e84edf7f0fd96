import type { RecordedEvent } from '@sme/event-store';
import { withEvent } from './record-times';

const event = (position: number, occurredAt: string, recordedAt: string) =>
  ({ streamId: 'policy-p1', position: BigInt(position), metadata: { occurredAt, recordedAt } }) as RecordedEvent;
const ms = (iso: string) => Date.parse(iso);

describe("A record's dated events in brief", () => {
  const published = event(3, '2024-03-01T10:00:00+08:00', '2024-03-01T02:00:05Z');
  // Recorded in July about June, then one recorded in August about a day before the first (imported history).
  const backdated = event(9, '2024-06-20T10:00:00+08:00', '2024-07-15T02:00:00Z');
  const earlier = event(12, '2024-02-01T10:00:00+08:00', '2024-08-01T02:00:00Z');

  it('spans the earliest and latest business and record times of its events, whatever their order', () => {
    const times = [published, backdated, earlier].reduce(withEvent, undefined as never);
    expect(times).toEqual({
      _id: 'policy-p1',
      _position: 12,
      firstOccurred: ms('2024-02-01T10:00:00+08:00'),
      lastOccurred: ms('2024-06-20T10:00:00+08:00'),
      firstRecorded: ms('2024-03-01T02:00:05Z'),
      lastRecorded: ms('2024-08-01T02:00:00Z'),
    });
  });

  it('takes an event at or below the position it holds once only', () => {
    const times = withEvent(withEvent(undefined, published), backdated);
    expect(withEvent(times, backdated)).toBe(times);
    expect(withEvent(times, published)).toBe(times);
  });
});
